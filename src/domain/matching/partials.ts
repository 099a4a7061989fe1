/**
 * Stage 3: partial references, one name part with or without a title ("Mr. Chamroeun", "Sochua").
 * A part counts for the one person it fits who is named in full in the item, or else who has a
 * context word there; a part that fits several such persons, or names someone else here, counts for none.
 */
import { ALERT_THRESHOLD, REVIEW_THRESHOLD } from './types.js';
import { fuzzyPenalty } from './fuzzy.js';
import type { FuzzyHit } from './index-build.js';
import { inRanges } from './boilerplate.js';
import type { FullNames } from './full-names.js';
import { NO_FUZZY } from './item-tokens.js';
import { titleBefore } from './descriptions.js';
import { COMMON_WORDS } from './lexicon.js';
import { GAP_DOT, GAP_HYPHEN, GAP_SPACE } from './normalise.js';
import { OTHER_STORY_SCORE, SHORTENED_SCORE, type Hit, type ItemScan } from './scan.js';
import { W_COMMON_GIVEN, W_DIGIT_START, W_FUNCTION, W_HONORIFIC_KEY, W_WEAK } from './words.js';

/** A name part, or a misspelt name, of a person named in full elsewhere in the item. */
const NAMED_ELSEWHERE_SCORE = 0.85;

/**
 * `fulls` are the full names left after overlaps were resolved; `related` the item's related-links
 * blocks. A misspelt full name kept for review becomes the person's when the item names them exactly.
 */
export function findPartials(scan: ItemScan, fulls: Hit[], found: FullNames, related: readonly [number, number][]): Hit[] {
  const { idx, it, toks, titleCase } = scan;
  const { orgSpans, nearMiss, namesakes } = found;
  const named = new Set<number>();
  for (const h of fulls) if (h.score >= ALERT_THRESHOLD) named.add(h.person);
  // a misspelling kept for review is the person after all when the item also names them exactly
  for (const h of fulls) {
    if (h.score >= REVIEW_THRESHOLD && h.score < ALERT_THRESHOLD && named.has(h.person) && h.reasons.some((r) => r.startsWith('spelling variant'))) {
      h.score = NAMED_ELSEWHERE_SCORE;
      h.reasons.push('the name is written exactly elsewhere in the item');
    }
  }
  const covered = new Uint8Array(toks.length);
  for (const h of fulls) if (h.ts >= 0) for (let k = h.ts; k < h.te; k++) covered[k] = 1;
  // the parts of a name inside an organisation's name are not separate references either
  for (const [a, b] of orgSpans) covered.fill(1, a, b);
  const partials: Hit[] = [];
  const otherNamed = new Set<number>(nearMiss);
  const withCtx = [...scan.ctxPersons.keys(), ...scan.weakCtx.keys()];
  const supported = [...named, ...withCtx.filter((p) => !named.has(p))];
  for (let i = 0; i < toks.length; i++) {
    if (covered[i] || !it.capsOk[i]) continue;
    // misspelt parts only matter for persons named in full or with a context word in this item
    const cross = it.exact[i]! >= 0 ? undefined : idx.crossTerms(it.keys[i]!);
    const cands: FuzzyHit[] =
      it.exact[i]! >= 0
        ? [{ term: it.exact[i]!, dist: 0 }]
        : cross
          ? cross.map((term) => ({ term, dist: 0 }))
          : supported.length === 0
            ? NO_FUZZY
            : supported.length > 300
              ? it.fuzzy(i)
              : it.fuzzyAmong(i, supported);
    if (cands.length === 0) continue;
    // who could this part be?
    const namedOwners = new Set<number>();
    const ctxOwners = new Set<number>();
    let onlyOwner = -1;
    let ownerCount = 0;
    let bestDist = 0;
    for (const c of cands) {
      const owners = idx.partOwners[c.term];
      if (!owners) continue;
      ownerCount += owners.length;
      if (owners.length === 1) onlyOwner = owners[0]!;
      bestDist = c.dist;
      if (owners.length <= named.size + withCtx.length) {
        for (const o of owners) {
          if (named.has(o)) namedOwners.add(o);
          else if (scan.ctxAt(o, toks[i]!.s) !== undefined) ctxOwners.add(o);
        }
      } else {
        for (const o of named) if (idx.personParts[o]!.includes(c.term)) namedOwners.add(o);
        for (const o of withCtx) if (!named.has(o) && idx.personParts[o]!.includes(c.term) && scan.ctxAt(o, toks[i]!.s) !== undefined) ctxOwners.add(o);
      }
    }
    if (ownerCount === 0) continue;
    // "Meskerem 1", "May 5": a bare part followed by a day number is a month, not a person
    const nt = toks[i + 1];
    if (nt !== undefined && nt.gap === GAP_SPACE && /^\d{1,2}$/.test(nt.t)) continue;
    const key = it.keys[i]!;
    const hb = it.honorificBefore(i - 1);
    const titled = hb > 0 && (toks[i]!.gap === GAP_SPACE || toks[i]!.gap === GAP_DOT);
    // short parts, common words and very common given names (Mohammed, Ali) need a title
    const weak = (it.flags[i]! & W_WEAK) !== 0;
    // ... except a three-letter family name ("Lai", "Kem") of the one person named in full here
    const shortName = weak && key.length === 3 && !(it.flags[i]! & (W_FUNCTION | W_COMMON_GIVEN)) && !COMMON_WORDS.has(key);
    if (weak && !titled && !(shortName && namedOwners.size === 1 && ctxOwners.size === 0 && bestDist === 0)) continue;
    if ((!titleCase[i] && nextToNameWord(scan, i, !titled)) || (i > 0 && it.invertedAt(i - 1)) || titleBefore(scan.text.slice(Math.max(0, toks[i]!.s - 40), toks[i]!.s).toLowerCase()) !== undefined) {
      // "Saad al-Qahtani", "Actor Siddique", "ISAAK, Dawit": this part also names someone else here; its
      // bare uses are ambiguous
      for (const c of cands) otherNamed.add(c.term);
      continue;
    }
    let person: number;
    let score: number;
    const reasons: string[] = [];
    if (namedOwners.size === 1) {
      person = [...namedOwners][0]!;
      score = NAMED_ELSEWHERE_SCORE;
      reasons.push('name part; full name elsewhere in the item');
    } else if (namedOwners.size > 1) {
      continue; // fits several persons named in this item: credited to none
    } else if (ctxOwners.size === 1) {
      person = [...ctxOwners][0]!;
      // a place is where many people live: "Chinedu" in an item set in Enugu is anyone's son
      score = scan.placeOnly.has(person) ? SHORTENED_SCORE : 0.75;
      reasons.push(`name part with context word "${scan.ctxAt(person, toks[i]!.s)}"${scan.placeOnly.has(person) ? ', a place' : ''}`);
    } else if (ctxOwners.size > 1) {
      continue;
    } else if (ownerCount === 1 && onlyOwner >= 0 && key.length >= 5 && !weak) {
      person = onlyOwner;
      score = 0.45;
      reasons.push('name part only (no full name or context word in the item)');
    } else continue;
    if (titled) {
      score += 0.05;
      reasons.push('title before the name part');
    }
    if (bestDist > 0) {
      score -= fuzzyPenalty(bestDist, key.length);
      reasons.push(`spelling variant (${bestDist} edit${bestDist > 1 ? 's' : ''})`);
    }
    partials.push({ person, ts: i, te: i + 1, s: toks[i]!.s, e: toks[i]!.e, score: Math.min(1, score), reasons, full: false, term: cands[0]!.term });
  }
  for (const p of partials) {
    if (namesakes.has(p.person) && !named.has(p.person) && p.score > SHORTENED_SCORE) {
      p.score = SHORTENED_SCORE;
      p.reasons.push('the full name here is probably a namesake');
    }
    if (related.length > 0 && p.score >= REVIEW_THRESHOLD && inRanges(related, p.s)) {
      p.score = Math.min(p.score, OTHER_STORY_SCORE);
      p.reasons.push('in a list of other stories (related links)');
    }
    if (p.score >= REVIEW_THRESHOLD && otherNamed.has(p.term!)) {
      p.score = Math.min(p.score, REVIEW_THRESHOLD);
      p.reasons.push('the same name part names someone else in this item');
    }
  }
  return partials;
}

/** Is token i directly next to a capitalised word that is not a title or a common word (another person's name)? */
function nextToNameWord(scan: ItemScan, i: number, checkPrev: boolean): boolean {
  const { it, toks } = scan;
  let t = toks[i]!;
  let pi = i - 1;
  // "Saad al-Qahtani": look past the particle
  while (pi > 0 && (t.gap === GAP_SPACE || t.gap === GAP_HYPHEN) && it.particleAt(pi)) {
    t = toks[pi]!;
    pi--;
  }
  if (checkPrev && pi >= 0 && (t.gap === GAP_SPACE || t.gap === GAP_HYPHEN)) {
    const p = toks[pi]!;
    const pf = it.flags[pi]!;
    if (p.up && p.cased && !(pf & (W_HONORIFIC_KEY | W_FUNCTION | W_DIGIT_START)) && it.honorificBefore(pi) === 0) {
      // a capitalised word that the item also writes in lower case is an ordinary word
      if (!it.lowerSeen(it.keys[pi]!)) return true;
    }
  }
  let ni = i + 1;
  while (ni + 1 < toks.length && (toks[ni]!.gap === GAP_SPACE || toks[ni]!.gap === GAP_HYPHEN) && it.particleAt(ni)) ni++;
  const n = toks[ni];
  if (n && (n.gap === GAP_SPACE || n.gap === GAP_HYPHEN) && n.up && n.cased) {
    if (!(it.flags[ni]! & (W_FUNCTION | W_HONORIFIC_KEY)) && !n.allUp && !it.lowerSeen(it.keys[ni]!)) return true;
  }
  return false;
}

