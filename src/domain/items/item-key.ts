/**
 * Stable identity of a feed item: guid, else the link, else a hash of title and date.
 * Keys are hex (no ':'), so they fit in Redis keys and BullMQ job ids.
 */
import { createHash } from 'node:crypto';
import type { ParsedItem } from '../feeds/parse-feed.js';

export function itemKey(feedId: string, item: ParsedItem): string {
  const identity = item.guid ? `guid:${item.guid}` : item.link ? `link:${item.link}` : `hash:${item.title}|${item.publishedAt ?? ''}`;
  return createHash('sha256').update(`${feedId}\n${identity}`).digest('hex').slice(0, 32);
}
