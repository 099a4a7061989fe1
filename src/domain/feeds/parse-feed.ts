/**
 * Bytes of a feed document → plain items. (Skeleton version: RSS and Atom via rss-parser.)
 */
import Parser from 'rss-parser';

export interface ParsedItem {
  guid?: string;
  link?: string;
  title: string;
  /** Plain text of the item's content or summary. */
  text: string;
  /** ISO 8601, when the feed gives a parseable date. */
  publishedAt?: string;
}

export interface ParsedFeed {
  title?: string;
  items: ParsedItem[];
}

export class FeedParseError extends Error {
  override name = 'FeedParseError';
}

export const MAX_ITEMS_PER_POLL = 500;

export async function parseFeed(body: Buffer, _contentType: string | undefined, baseUrl: string): Promise<ParsedFeed> {
  // A new Parser per document: a reused one can accept a bad document after earlier errors.
  const parser = new Parser();
  let feed;
  try {
    feed = await parser.parseString(body.toString('utf8'));
  } catch (err) {
    throw new FeedParseError(`not a valid feed: ${(err as Error).message.split('\n')[0]}`);
  }
  return {
    title: feed.title,
    items: (feed.items ?? []).slice(0, MAX_ITEMS_PER_POLL).map((it) => {
      const date = it.isoDate ?? it.pubDate;
      const parsedDate = date ? new Date(date) : undefined;
      const link = it.link ? safeResolve(it.link, baseUrl) : undefined;
      return {
        guid: (it.guid ?? (it as { id?: string }).id) || undefined,
        link,
        title: htmlToText(it.title ?? ''),
        text: htmlToText(it.content ?? it.contentSnippet ?? it.summary ?? ''),
        publishedAt: parsedDate && !Number.isNaN(parsedDate.getTime()) ? parsedDate.toISOString() : undefined,
      };
    }),
  };
}

function safeResolve(link: string, base: string): string | undefined {
  try {
    return new URL(link.trim(), base).toString();
  } catch {
    return undefined;
  }
}

export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<br\s*\/?>|<\/p>/gi, '\n')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/[ \t]+/g, ' ')
    .trim();
}
