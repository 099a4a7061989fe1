/**
 * Bytes of a feed document → plain items.
 *
 * Formats: RSS 0.9x and 2.0, RSS 1.0 (RDF), Atom 1.0 (through rss-parser, a new instance per
 * document) and JSON Feed 1.0/1.1 (by hand). The pipeline, each step bounded:
 *   decode bytes (BOM, XML declaration, Content-Type charset; see decode.ts)
 *   → check and repair the XML (HTML pages, DTD entities, nesting; see prepare-xml.ts)
 *   → parse → map each format to raw items (xml:base, rel="alternate", isPermaLink)
 *   → normalise (HTML → plain text, relative links resolved, dates to ISO; see normalise.ts).
 * Anything unreadable throws FeedParseError with a reason fit to show an admin.
 */
import Parser from 'rss-parser';
import { decodeDocument } from './decode.js';
import { FeedParseError } from './errors.js';
import { parseJsonFeed } from './json-feed.js';
import { normaliseItem, resolveHttpUrl, type ParsedItem, type RawItem } from './normalise.js';
import { prepareXml, type XmlFeedKind } from './prepare-xml.js';

export { FeedParseError } from './errors.js';
export { htmlToText, htmlToLine } from './html-text.js';
export type { ParsedItem } from './normalise.js';

export interface ParsedFeed {
  title?: string;
  /** At most MAX_ITEMS_PER_POLL, newest first when the feed had more. */
  items: ParsedItem[];
  format: 'rss' | 'rdf' | 'atom' | 'json';
  /** The character encoding the document was read in. */
  encoding: string;
  /** Items in the document before the MAX_ITEMS_PER_POLL bound. */
  itemCount: number;
}

/** Items read from one document; the rest (oldest, when dated) are ignored. */
export const MAX_ITEMS_PER_POLL = 500;

export async function parseFeed(body: Buffer, contentType: string | undefined, baseUrl: string): Promise<ParsedFeed> {
  if (body.length === 0) throw new FeedParseError('empty document');
  const looksJson = firstSignificantByte(body) === 0x7b; // '{'
  let parsed: { title?: string; raw: RawItem[]; format: ParsedFeed['format']; encoding: string };
  if (looksJson) {
    const feed = parseJsonFeed(body.toString('utf8').replace(/^\ufeff/, ''));
    parsed = { title: feed.title, raw: feed.items, format: 'json', encoding: 'utf-8' };
  } else {
    if (/json/i.test(contentType ?? '') && firstSignificantByte(body) !== 0x3c) {
      throw new FeedParseError('invalid JSON: the document does not start with "{"');
    }
    const decoded = decodeDocument(body, contentType, 'xml');
    const prepared = prepareXml(decoded.text);
    const feed = await parseXmlFeed(prepared.xml, prepared.kind, baseUrl);
    parsed = { ...feed, format: prepared.kind, encoding: decoded.encoding };
  }

  let raw = parsed.raw;
  const itemCount = raw.length;
  if (raw.length > MAX_ITEMS_PER_POLL) raw = newestFirst(raw).slice(0, MAX_ITEMS_PER_POLL);
  const items = raw.map((r) => normaliseItem(r, baseUrl));
  const title = parsed.title?.replace(/\s+/g, ' ').trim();
  return { ...(title ? { title } : {}), items, format: parsed.format, encoding: parsed.encoding, itemCount };
}

function firstSignificantByte(b: Buffer): number | undefined {
  let i = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
  while (i < b.length && (b[i] === 0x20 || b[i] === 0x09 || b[i] === 0x0a || b[i] === 0x0d)) i++;
  return b[i];
}

function newestFirst(items: RawItem[]): RawItem[] {
  const at = (r: RawItem) => (r.date ? Date.parse(r.date) : NaN);
  return items
    .map((r, i) => ({ r, i, t: at(r) }))
    .sort((a, b) => (Number.isNaN(b.t) ? -Infinity : b.t) - (Number.isNaN(a.t) ? -Infinity : a.t) || a.i - b.i)
    .map((x) => x.r);
}

// ---- XML formats through rss-parser ----

type XmlNode = string | { _?: string; $?: Record<string, string>; [child: string]: unknown } | undefined;
type RssItem = Parser.Item & {
  id?: unknown;
  links?: unknown[];
  guidNode?: unknown[];
  attrs?: Record<string, string>;
  'content:encoded'?: unknown;
  summary?: unknown;
  date?: string;
};

const ATOM_DATES = new Set(['published', 'updated']);

async function parseXmlFeed(xml: string, kind: XmlFeedKind, baseUrl: string): Promise<{ title?: string; raw: RawItem[] }> {
  if ((kind === 'rss' || kind === 'rdf') && !/<channel[\s>]/.test(xml)) {
    throw new FeedParseError(`invalid ${kind === 'rss' ? 'RSS' : 'RSS 1.0'} feed: no <channel> element`);
  }
  // A new Parser per document: a reused one can accept a bad document after earlier errors.
  const parser = new Parser<{ attrs?: Record<string, string> }, RssItem>({
    defaultRSS: 2,
    customFields: {
      feed: [['$', 'attrs', { keepArray: true }]] as unknown as Array<'attrs'>,
      item: [
        ['$', 'attrs', { keepArray: true }],
        ['link', 'links', { keepArray: true }],
        ['guid', 'guidNode', { keepArray: true }],
      ] as unknown as Array<keyof RssItem>,
    },
    xml2js: {
      // rss-parser throws on the whole document for one unreadable Atom date; blank those instead.
      valueProcessors: [
        (value: string, name: string) => (ATOM_DATES.has(name) && Number.isNaN(Date.parse(value.trim())) ? '' : value),
      ],
    },
  });
  let feed: Parser.Output<RssItem> & { attrs?: Record<string, string> };
  try {
    feed = await parser.parseString(xml);
  } catch (err) {
    throw new FeedParseError(describeXmlError(err as Error));
  }
  // Relative item links: against xml:base; for RSS, else against the channel's site <link> (what
  // publishers mean, and what Miniflux does); else against the feed's own URL.
  const site = kind === 'atom' ? undefined : resolveHttpUrl(textOf(feed.link as XmlNode), baseUrl);
  const feedBase = resolveHttpUrl(feed.attrs?.['xml:base'], baseUrl) ?? site ?? baseUrl;
  const raw = (feed.items ?? []).map((it) => (kind === 'atom' ? atomItem(it, feedBase) : rssItem(it, feedBase)));
  return { title: textOf(feed.title as XmlNode), raw };
}

function describeXmlError(err: Error): string {
  const [first = 'unreadable', ...rest] = err.message.split('\n');
  const line = /Line: (\d+)/.exec(rest.join(' '));
  const col = /Column: (\d+)/.exec(rest.join(' '));
  const where = line ? ` (line ${Number(line[1]) + 1}${col ? `, column ${col[1]}` : ''})` : '';
  if (err instanceof TypeError || err instanceof RangeError) return `invalid feed structure: ${first}`;
  return `invalid XML: ${first}${where}`;
}

/** Text of an xml2js node: a string, `{_: text}`, or nested elements (xhtml) flattened. */
function textOf(node: unknown, depth = 0): string | undefined {
  if (node === undefined || node === null || depth > 70) return undefined;
  if (typeof node === 'string') return node;
  if (Array.isArray(node)) return textOf(node[0], depth + 1);
  if (typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (typeof o._ === 'string') return o._;
    const parts: string[] = [];
    for (const [k, v] of Object.entries(o)) {
      if (k === '$') continue;
      for (const child of Array.isArray(v) ? v : [v]) {
        const t = textOf(child, depth + 1);
        if (t) parts.push(t);
      }
    }
    return parts.join(' ');
  }
  return String(node);
}

function attrsOf(node: unknown): Record<string, string> {
  return node && typeof node === 'object' && '$' in node ? ((node as { $?: Record<string, string> }).$ ?? {}) : {};
}

function rssItem(it: RssItem, feedBase: string): RawItem {
  const base = resolveHttpUrl(it.attrs?.['xml:base'], feedBase) ?? feedBase;
  const guidNode = it.guidNode?.[0];
  const guid = textOf(guidNode)?.trim() || undefined;
  let link = it.links?.map((l) => textOf(l)?.trim()).find((l) => l) ?? undefined;
  // RSS 2.0: a guid is a permalink unless isPermaLink="false".
  if (!link && guid && attrsOf(guidNode).isPermaLink !== 'false' && /^https?:\/\//i.test(guid)) link = guid;
  // RSS 1.0: rdf:about is the item's URI.
  if (!link && typeof it['rdf:about' as keyof RssItem] === 'string') link = it['rdf:about' as keyof RssItem] as string;
  const full = textOf(it['content:encoded']);
  const description = textOf(it.content);
  return {
    guid,
    link,
    title: textOf(it.title as XmlNode) ?? '',
    titleIsHtml: true,
    content: full?.trim() ? full : (description ?? ''),
    contentIsHtml: true,
    summary: full?.trim() ? description : textOf(it.summary),
    date: it.pubDate ?? it.date ?? it.isoDate,
    base,
  };
}

const NOT_ALTERNATE = new Set(['self', 'edit', 'enclosure', 'replies', 'license', 'edit-media', 'hub']);

function atomItem(it: RssItem, feedBase: string): RawItem {
  const base = resolveHttpUrl(it.attrs?.['xml:base'], feedBase) ?? feedBase;
  const links = (it.links ?? []).map(attrsOf).filter((a) => a.href);
  const alternate =
    links.find((a) => (!a.rel || a.rel === 'alternate') && (!a.type || /html/i.test(a.type))) ??
    links.find((a) => !a.rel || a.rel === 'alternate') ??
    links.find((a) => !NOT_ALTERNATE.has(a.rel ?? ''));
  const linkBase = alternate?.['xml:base'] ? (resolveHttpUrl(alternate['xml:base'], base) ?? base) : base;
  const content = textOf(it.content) ?? '';
  const summary = textOf(it.summary);
  return {
    guid: textOf(it.id)?.trim() || undefined,
    link: alternate ? resolveHttpUrl(alternate.href, linkBase) : undefined,
    title: textOf(it.title as XmlNode) ?? '',
    titleIsHtml: true,
    content: content.trim() ? content : (summary ?? ''),
    contentIsHtml: true,
    summary,
    date: it.pubDate ?? it.isoDate,
    base,
  };
}


