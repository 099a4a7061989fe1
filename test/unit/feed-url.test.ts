import { describe, expect, it } from 'vitest';
import { feedUrlProblem } from '../../src/http/feed-url.js';

describe('feedUrlProblem', () => {
  it.each([
    ['https://news.example.org/rss', false, null],
    ['http://127.0.0.1:8080/feed', true, null],
    ['http://127.0.0.1:8080/feed', false, /loopback/],
    ['http://localhost/feed', false, /this server/],
    ['http://[::1]/feed', false, /loopback/],
    ['http://169.254.169.254/latest/meta-data', false, /linkLocal/],
    ['http://10.1.2.3/feed', false, /private/],
    ['ftp://example.org/feed', false, /http or https/],
    ['https://user:pw@example.org/feed', false, /credentials/],
    ['not a url', false, /not a valid URL/],
  ])('%s (private allowed: %s)', (url, allowPrivate, expected) => {
    const problem = feedUrlProblem(url, allowPrivate);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toMatch(expected);
  });
});
