/**
 * Mention → alert. An alert's id is derived from the person and the item's identity (its URL without
 * tracking parameters when it has one, so the same article carried by two feeds is one alert), which makes "the same item about
 * the same person in two alerts" impossible by construction, however often matching runs.
 */
import { createHash } from 'node:crypto';
import type { Alert, Item } from '../model.js';
import type { Mention } from '../matching/index.js';
import { canonicalUrl } from '../items/item-key.js';

export function alertId(personId: string, item: Pick<Item, 'id' | 'url'>): string {
  const identity = item.url ? `url:${canonicalUrl(item.url)}` : `item:${item.id}`;
  return createHash('sha256').update(`${personId}\n${identity}`).digest('hex').slice(0, 24);
}

export function alertFromMention(mention: Mention, item: Item, now: Date): Alert {
  return {
    id: alertId(mention.personId, item),
    personId: mention.personId,
    urgency: mention.urgency,
    score: mention.score,
    evidence: mention.evidence,
    createdAt: now.toISOString(),
    items: [{ itemId: item.id, url: item.url, title: item.title, feedId: item.feedId }],
  };
}
