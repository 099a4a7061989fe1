import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { decodeHtml, extractArticleText } from '../../../src/domain/feeds/extract-article.js';
import { fixture } from './fixtures.js';

describe('extractArticleText', () => {
  it('returns the article body without navigation, ads or footer', () => {
    const text = extractArticleText(fixture('article.html').toString('utf8'), 'https://rights.example.org/2024/06/kem-sokha/');
    expect(text).not.toBeNull();
    expect(text).toContain('supporters of Kem Sokha gathered outside the court');
    expect(text).toContain('“This verdict is a travesty of justice');
    expect(text).not.toMatch(/Advertisement|All rights reserved|Donate/);
  });

  it('returns null when there is no article', () => {
    expect(extractArticleText(fixture('html-page.html').toString('utf8'), 'https://rights.example.org/')).toBeNull();
    expect(extractArticleText('', 'https://x.example/')).toBeNull();
    expect(extractArticleText('not html at all', 'https://x.example/')).toBeNull();
  });

  it('returns null rather than throwing on hostile markup', () => {
    expect(extractArticleText('<div>'.repeat(200_000), 'https://x.example/')).toBeNull();
  });

  it('decodes a page by its meta charset', () => {
    const html = iconv.encode('<html><head><meta charset="windows-1252"></head><body><p>Jos\u00e9 \u201cPepe\u201d</p></body></html>', 'windows-1252');
    expect(decodeHtml(html, 'text/html')).toContain('José “Pepe”');
  });
});
