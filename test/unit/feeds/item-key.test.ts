import { describe, expect, it } from 'vitest';
import { canonicalUrl, itemIdentity, itemKey } from '../../../src/domain/items/item-key.js';

describe('canonicalUrl', () => {
  it('strips tracking parameters and the fragment, keeps the rest in order', () => {
    expect(
      canonicalUrl('https://News.Example.org:443/a/b?id=7&utm_source=rss&utm_medium=feed&fbclid=x&gclid=y&mc_cid=1&mc_eid=2&page=2#comments'),
    ).toBe('https://news.example.org/a/b?id=7&page=2');
    expect(canonicalUrl('https://example.org/x?utm_campaign=a&UTM_TERM=b')).toBe('https://example.org/x');
    expect(canonicalUrl('https://example.org/x?_hsenc=a&_hsmi=b&msclkid=c&igshid=d&yclid=e')).toBe('https://example.org/x');
  });

  it('leaves URLs without trackers alone and unparseable input trimmed', () => {
    expect(canonicalUrl('https://example.org/search?q=a+b&lang=en')).toBe('https://example.org/search?q=a+b&lang=en');
    expect(canonicalUrl('  not a url ')).toBe('not a url');
  });
});

describe('itemKey', () => {
  const base = { title: 'Title', text: '' };

  it('is hex without colons, stable, and scoped to the feed', () => {
    const k = itemKey('feed1', { ...base, guid: 'abc' });
    expect(k).toMatch(/^[0-9a-f]{32}$/);
    expect(itemKey('feed1', { ...base, guid: 'abc' })).toBe(k);
    expect(itemKey('feed2', { ...base, guid: 'abc' })).not.toBe(k);
  });

  it('prefers the guid over the link', () => {
    expect(itemKey('f', { ...base, guid: 'g', link: 'https://a.example/1' })).toBe(itemKey('f', { ...base, guid: 'g', link: 'https://a.example/2' }));
  });

  it('uses the canonical link when there is no guid', () => {
    const a = itemKey('f', { ...base, link: 'https://a.example/story?utm_source=rss#top' });
    const b = itemKey('f', { ...base, link: 'https://a.example/story?fbclid=zzz' });
    expect(a).toBe(b);
    expect(a).not.toBe(itemKey('f', { ...base, link: 'https://a.example/other' }));
    expect(itemIdentity({ ...base, guid: '  ', link: 'https://a.example/s#x' })).toBe('link:https://a.example/s');
  });

  it('falls back to a hash of title and date', () => {
    const a = itemKey('f', { ...base, title: 'Same', publishedAt: '2024-01-01T00:00:00.000Z' });
    expect(a).toBe(itemKey('f', { ...base, title: 'Same', publishedAt: '2024-01-01T00:00:00.000Z' }));
    expect(a).not.toBe(itemKey('f', { ...base, title: 'Same', publishedAt: '2024-01-02T00:00:00.000Z' }));
    expect(a).not.toBe(itemKey('f', { ...base, title: 'Other', publishedAt: '2024-01-01T00:00:00.000Z' }));
  });
});
