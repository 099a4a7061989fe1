/**
 * The matching engine: which watched persons an item mentions, how surely, and how urgently.
 * Pure: no I/O. Built once per watchlist version (buildMatcher), then called per item.
 *
 * Layout:
 * - normalise.ts   folding and tokenising with offsets into the original text
 * - names.ts       names and aliases → token-key variants, parts, context keys
 * - lexicon.ts     honorifics, particles, transliteration variants, common words
 * - fuzzy.ts       edit budget, OSA distance, SymSpell-style deletion index
 * - automaton.ts   Aho–Corasick for scripts written without spaces
 * - index-build.ts the per-watchlist index
 * - match.ts       matching one item: the stages below, in order
 *   - scan.ts          one item's text, tokens, context words and sentences, read by every stage
 *   - item-tokens.ts   per-token lookups and name-shape tests (titles, particles, spelling variants)
 *   - full-names.ts    1. full names, verified outwards from an anchor part
 *   - native-names.ts  2. names in scripts written without spaces
 *   - namesakes.ts     full names that are probably someone else's (shortened, described, off-topic)
 *   - descriptions.ts  how news describes someone else: sport, posts, professions, police reports
 *   - partials.ts      3. one name part, for the one person it can be
 *   - mentions.ts      4. one mention per person, with the urgency of the hits about them
 * - sentences.ts   sentence boundaries (evidence, urgency windows)
 * - urgency.ts     urgency from cue phrases, negation, modality and time
 */
import { WatchIndex } from './index-build.js';
import { matchItem } from './match.js';
import type { Matcher, WatchedPerson } from './types.js';

export { ALERT_THRESHOLD, REVIEW_THRESHOLD, URGENCIES } from './types.js';
export type { MatchableItem, Matcher, Mention, Urgency, WatchedPerson } from './types.js';

export function buildMatcher(persons: WatchedPerson[]): Matcher {
  const index = new WatchIndex(persons);
  return {
    match(item) {
      return matchItem(index, item);
    },
  };
}
