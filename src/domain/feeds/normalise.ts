/**
 * Format-neutral raw items → the plain ParsedItem the rest of Vigil reads.
 */
import { decodeEntities, htmlToLine, htmlToText } from './html-text.js';

export interface ParsedItem {
  guid?: string;
  /** Absolute http(s) URL of the item's page, resolved against xml:base and the feed URL. */
  link?: string;
  /** Plain text, one line. */
  title: string;
  /** Plain text of the item's full content, else its summary. */
  text: string;
  /** ISO 8601, when the feed gives a parseable date. */
  publishedAt?: string;
}

/** What each format's reader produces before normalising. */
export interface RawItem {
  guid?: string;
  link?: string;
  title: string;
  titleIsHtml: boolean;
  content: string;
  contentIsHtml: boolean;
  summary?: string;
  date?: string;
  /** Base for relative links (xml:base chain), else the feed URL is used. */
  base?: string;
}

export const MAX_TITLE_CHARS = 1_000;
export const MAX_TEXT_CHARS = 200_000;
export const MAX_GUID_CHARS = 2_000;

export function resolveHttpUrl(ref: string | undefined, base: string | undefined): string | undefined {
  if (!ref) return undefined;
  const trimmed = ref.trim();
  if (!trimmed) return undefined;
  try {
    const u = base ? new URL(trimmed, base) : new URL(trimmed);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/** ISO 8601 of an RFC 822 / RFC 3339 date, or undefined when unreadable or absurd. */
export function parseDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  let v = value.trim();
  // "Tue, 10 Jun 2003 04:00:00 GMT" variants V8 misses: "UT", a trailing "Z" after a zone name.
  v = v.replace(/\s+UT$/i, ' GMT');
  const t = Date.parse(v);
  if (Number.isNaN(t)) return undefined;
  const year = new Date(t).getUTCFullYear();
  if (year < 1970 || year > 2100) return undefined;
  return new Date(t).toISOString();
}

function clip(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

export function normaliseItem(raw: RawItem, feedUrl: string): ParsedItem {
  const content = raw.contentIsHtml ? htmlToText(raw.content) : raw.content.trim();
  const text = content || (raw.summary ? htmlToText(raw.summary) : '');
  // Plain-text titles (JSON Feed) still often carry entities; markup is only removed from HTML ones.
  let title = raw.titleIsHtml ? htmlToLine(raw.title) : decodeEntities(raw.title).replace(/\s+/g, ' ').trim();
  if (!title && text) title = clip(text.replace(/\s+/g, ' '), 120);
  const guid = raw.guid?.trim();
  const item: ParsedItem = {
    title: clip(title, MAX_TITLE_CHARS),
    text: clip(text, MAX_TEXT_CHARS),
  };
  if (guid) item.guid = guid.slice(0, MAX_GUID_CHARS);
  const link = resolveHttpUrl(raw.link, raw.base ?? feedUrl);
  if (link) item.link = link;
  const publishedAt = parseDate(raw.date);
  if (publishedAt) item.publishedAt = publishedAt;
  return item;
}
