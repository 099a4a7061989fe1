import { ALERT_THRESHOLD, REVIEW_THRESHOLD, buildMatcher, type WatchedPerson } from '../../../src/domain/matching/index.js';

/** A matcher over `persons` and the questions the rule tests ask of one text. */
export function probe(persons: WatchedPerson[]) {
  const m = buildMatcher(persons);
  const all = (text: string, title = '') => m.match({ id: 'i', title, text });
  const between = (lo: number, hi: number) => (text: string, title = '') =>
    all(text, title)
      .filter((x) => x.score >= lo && x.score < hi)
      .map((x) => x.personId)
      .sort();
  return {
    all,
    /** ids of the persons alerted on, sorted */
    alerts: between(ALERT_THRESHOLD, Infinity),
    /** ids of the persons kept for review only, sorted */
    reviews: between(REVIEW_THRESHOLD, ALERT_THRESHOLD),
  };
}
