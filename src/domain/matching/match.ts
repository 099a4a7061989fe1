/**
 * Matching one item against a built WatchIndex: the stages in order. Each stage is a module of its own;
 * hits flow one way, from names found to names doubted to mentions.
 */
import { REVIEW_THRESHOLD, type MatchableItem, type Mention } from './types.js';
import type { WatchIndex } from './index-build.js';
import { inRanges, relatedRanges } from './boilerplate.js';
import { findFullNames } from './full-names.js';
import { toMentions } from './mentions.js';
import { doubtDescribedNamesakes, doubtOffTopic, doubtShortenedNames } from './namesakes.js';
import { findNativeNames } from './native-names.js';
import { findPartials } from './partials.js';
import { ItemScan, OTHER_STORY_SCORE, type Hit } from './scan.js';

export function matchItem(idx: WatchIndex, item: MatchableItem): Mention[] {
  const scan = new ItemScan(idx, item);

  // 1–2. full names in spaced text, then in scripts written without spaces
  const found = findFullNames(scan);
  const hits = found.hits;
  hits.push(...findNativeNames(scan));

  // full names that are probably someone else's: review
  doubtShortenedNames(scan, hits, found.inOtherName);
  doubtDescribedNamesakes(scan, hits, found.namesakes);
  doubtOffTopic(scan, hits, found.namesakes);

  // names in the headlines of other stories ("Related stories", "Read more"): review only
  const related = relatedRanges(scan.text);
  if (related.length > 0) {
    for (const h of hits) {
      if (h.score >= REVIEW_THRESHOLD && inRanges(related, h.s)) {
        h.score = Math.min(h.score, OTHER_STORY_SCORE);
        h.reasons.push('in a list of other stories (related links)');
      }
    }
  }

  // overlapping full names of different persons: the longer span wins
  const fulls = resolveOverlaps(found.otherNicks.size === 0 ? hits : hits.filter((h) => h.term === undefined || !found.otherNicks.has(h.term)));

  // 3. partial references (one name part, with or without a title)
  const partials = findPartials(scan, fulls, found, related);

  // 4. one mention per person
  const all = [...fulls, ...partials].filter((h) => h.score >= REVIEW_THRESHOLD);
  if (all.length === 0) return [];
  return toMentions(scan, item.id, all);
}

function resolveOverlaps(hits: Hit[]): Hit[] {
  if (hits.length < 2) return hits;
  const sorted = [...hits].sort((a, b) => b.e - b.s - (a.e - a.s) || b.score - a.score);
  const kept: Hit[] = [];
  for (const h of sorted) {
    const inside = kept.some(
      (k) =>
        // the same person found twice on one span (name and a reordered variant): keep the better
        (k.person === h.person && k.s < h.e && h.s < k.e) ||
        (k.person !== h.person && k.s <= h.s && h.e <= k.e && k.e - k.s > h.e - h.s && k.score >= h.score - 0.15),
    );
    if (!inside) kept.push(h);
  }
  return kept;
}
