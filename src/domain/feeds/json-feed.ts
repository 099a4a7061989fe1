/**
 * JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1), parsed by hand.
 */
import { FeedParseError } from './errors.js';
import type { RawItem } from './normalise.js';

/** Bound on array/object nesting, checked before JSON.parse. */
export const MAX_JSON_DEPTH = 64;

export interface RawFeed {
  title?: string;
  items: RawItem[];
}

export function parseJsonFeed(text: string): RawFeed {
  checkJsonDepth(text);
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new FeedParseError(`invalid JSON: ${(err as Error).message}`);
  }
  if (!isObject(doc)) throw new FeedParseError('not a feed: a JSON document that is not an object');
  const version = doc.version;
  if (typeof version !== 'string' || !/^https?:\/\/jsonfeed\.org\/version\/1(\.\d+)?\/?$/.test(version)) {
    throw new FeedParseError('not a feed: JSON without a JSON Feed "version" (https://jsonfeed.org/version/1.1)');
  }
  if (!Array.isArray(doc.items)) throw new FeedParseError('invalid JSON Feed: "items" is not an array');
  const items: RawItem[] = [];
  for (const it of doc.items) {
    if (!isObject(it)) continue;
    const html = str(it.content_html);
    const plain = str(it.content_text);
    items.push({
      guid: typeof it.id === 'number' ? String(it.id) : str(it.id),
      link: str(it.url) ?? str(it.external_url),
      title: str(it.title) ?? '',
      titleIsHtml: false,
      content: html ?? plain ?? str(it.summary) ?? '',
      contentIsHtml: html !== undefined,
      summary: str(it.summary),
      date: str(it.date_published) ?? str(it.date_modified),
      base: undefined,
    });
  }
  return { title: str(doc.title), items };
}

function checkJsonDepth(text: string): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > MAX_JSON_DEPTH) throw new FeedParseError(`refused: JSON nested deeper than ${MAX_JSON_DEPTH} levels`);
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v : undefined;
}
