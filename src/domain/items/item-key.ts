/**
 * Stable identity of a feed item: its guid, else its link made canonical (tracking parameters
 * and fragment removed), else a hash of title and date. Keys are hex (no ':'), so they fit in
 * Redis keys and BullMQ job ids.
 */
import { createHash } from 'node:crypto';
import type { ParsedItem } from '../feeds/parse-feed.js';

/** Query parameters that only track the reader and never change the page. */
const TRACKING_PARAMS = new Set([
  'fbclid', 'gclid', 'gclsrc', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'yclid', 'twclid', 'ttclid', 'li_fat_id',
  'igshid', 'mc_cid', 'mc_eid', '_hsenc', '_hsmi', 'hsctatracking', 'mkt_tok', 'oly_anon_id', 'oly_enc_id',
  'rb_clickid', 's_cid', 'vero_conv', 'vero_id', 'wickedid', '_openstat', 'srsltid', 'ncid', 'cmpid', 'spm',
  '__twitter_impression', 'ref_src', 'ref_url', 'at_medium', 'at_campaign', 'ocid', 'sr_share',
]);

const isTracking = (name: string) => {
  const n = name.toLowerCase();
  return n.startsWith('utm_') || n.startsWith('pk_') || n.startsWith('mtm_') || TRACKING_PARAMS.has(n);
};

/**
 * The URL with its fragment and tracking parameters removed (other parameters keep their
 * order), scheme and host lower-cased, default port dropped. Unparseable input is returned trimmed.
 */
export function canonicalUrl(url: string): string {
  const trimmed = url.trim();
  let u: URL;
  try {
    u = new URL(trimmed);
  } catch {
    return trimmed;
  }
  u.hash = '';
  if (u.search) {
    const kept = [...u.searchParams].filter(([name]) => !isTracking(name));
    if (kept.length !== [...u.searchParams].length) {
      u.search = kept.length ? new URLSearchParams(kept).toString() : '';
    }
  }
  return u.href;
}

/** What an item's identity is based on (exposed for logs and tests). */
export function itemIdentity(item: Pick<ParsedItem, 'guid' | 'link' | 'title' | 'publishedAt'>): string {
  const guid = item.guid?.trim();
  if (guid) return `guid:${guid}`;
  if (item.link?.trim()) return `link:${canonicalUrl(item.link)}`;
  return `hash:${item.title.trim()}|${item.publishedAt ?? ''}`;
}

export function itemKey(feedId: string, item: Pick<ParsedItem, 'guid' | 'link' | 'title' | 'publishedAt'>): string {
  return createHash('sha256').update(`${feedId}\n${itemIdentity(item)}`).digest('hex').slice(0, 32);
}
