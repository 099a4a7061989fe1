import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

describe('loadConfig', () => {
  it('has the contract defaults', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.host).toBe('127.0.0.1');
    expect(c.publicUrl).toBe('http://localhost:3000');
    expect(c.redisUrl).toBeUndefined();
    expect(c.smtpUrl).toBeUndefined();
    expect(c.mailFrom).toBe('Vigil <alerts@localhost>');
    expect(c.allowPrivateFeeds).toBe(false);
    expect(c.defaultPollSeconds).toBe(300);
    expect(c.publicRateLimit).toBe(20);
  });

  it('derives PUBLIC_URL from PORT', () => {
    expect(loadConfig({ PORT: '8080' }).publicUrl).toBe('http://localhost:8080');
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['REDIS_URL', 'http://x'],
    ['SMTP_URL', 'not a url'],
    ['ALLOW_PRIVATE_FEEDS', 'maybe'],
    ['DEFAULT_POLL_SECONDS', '0'],
    ['PUBLIC_RATE_LIMIT', '-1'],
    ['PUBLIC_URL', 'ftp://x'],
    ['ADMIN_TOKEN', 'short'],
  ])('rejects %s=%s naming the variable', (name, value) => {
    try {
      loadConfig({ [name]: value });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as ConfigError).variable).toBe(name);
      expect((err as Error).message.startsWith(`${name}:`)).toBe(true);
    }
  });

  it('never echoes SMTP credentials', () => {
    expect(() => loadConfig({ SMTP_URL: 'ftp://user:secret@host' })).toThrow(/^SMTP_URL/);
    try {
      loadConfig({ SMTP_URL: 'ftp://user:secret@host' });
    } catch (err) {
      expect((err as Error).message).not.toContain('secret');
    }
  });
});
