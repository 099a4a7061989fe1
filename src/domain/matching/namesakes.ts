/**
 * Full names that are probably someone else's: kept for review instead of alerting. A shortened name
 * or a one-word name without the full name or a context word; a longer name; a place; a namesake the
 * item describes (a footballer, a deputy director, "Economist X"); a name in an item with no rights news.
 */
import { ALERT_THRESHOLD, REVIEW_THRESHOLD } from './types.js';
import { SHORT_FIRST_LEFT_OUT, SHORT_LEFT_OUT, JOINED_GIVEN_NAMES } from './names.js';
import { COUNTRY_WORDS, ORG_WORDS, PLACE_PREPOSITIONS } from './lexicon.js';
import { GAP_SPACE } from './normalise.js';
import { SHORTENED_SCORE, type Hit, type ItemScan } from './scan.js';
import { sentenceCues } from './urgency.js';
import {
  ASSOCIATION_BEFORE,
  CHAIR,
  APPOSITION_OFFICE,
  APPOSITION_OFFICE_OTHER,
  APPOSITION_PROFESSION,
  PROFESSION_TITLE_BEFORE,
  SHOW_STRONG,
  SHOW_WEAK,
  SPORT_OTHER_LANGUAGES,
  SPORT_STRONG,
  SPORT_WEAK,
  SUSPECT_BEFORE,
  officeTitleBefore,
} from './descriptions.js';
import { W_FREQUENT, W_DIGIT_START, W_FUNCTION, W_HONORIFIC_KEY, W_RIGHTS_NEWS } from './words.js';

const BURMESE_TITLES: ReadonlySet<string> = new Set(['u', 'daw', 'ko', 'ma', 'maung', 'mg', 'saw', 'naw', 'nang', 'sai', 'ki']);
/** Kinds of complete names: found inside a longer name, they are probably someone else's. */
const LONGER_NAME_KINDS: ReadonlySet<string> = new Set(['full name', 'alias', 'name order reversed', 'name order rotated', 'joined name parts', JOINED_GIVEN_NAMES]);
/**
 * A shortened form of a 3+-part name ("Given Family" for "Given Middle Family", "Middle Family") is
 * as likely someone else, or a place ("San X"): it alerts only with the full name or the person's
 * own context word in the item. A name between "in"/"at"/"from" and ", <country>" is a place.
 */
export function doubtShortenedNames(scan: ItemScan, hits: Hit[], inOtherName: Set<number>): void {
  const { idx, it, toks } = scan;
  for (const h of hits) {
    if (h.ts < 0 || h.score < REVIEW_THRESHOLD) continue;
    // "Evgenia Kara-Murza told ... Kara-Murza said": the bare surname is hers, unless the item also
    // names the watched person in full or has their context word
    if (inOtherName.has(h.person) && h.score > SHORTENED_SCORE && h.reasons[0]!.startsWith('shortened name') && scan.ctxAt(h.person, h.s) === undefined) {
      if (!hits.some((o) => o.person === h.person && !o.reasons[0]!.startsWith('shortened name') && o.score >= ALERT_THRESHOLD)) {
        h.score = SHORTENED_SCORE;
        h.reasons.push('the same shortened name is part of another full name in the item');
        continue;
      }
    }
    const leftOut =
      h.reasons[0] === SHORT_LEFT_OUT ||
      (h.reasons[0] === SHORT_FIRST_LEFT_OUT && it.honorificBefore(h.ts - 1) === 0) ||
      // "U Kyaw Min" for "Kyaw Min Yu": Burmese names have no family name, a shorter one is another name
      (h.reasons[0]!.startsWith('shortened name') && h.ts > 0 && BURMESE_TITLES.has(it.keys[h.ts - 1]!));
    if (leftOut && h.score > SHORTENED_SCORE && scan.ctxAt(h.person, h.s) === undefined) {
      const full = hits.some((o) => o.person === h.person && o.full && !o.reasons[0]!.startsWith('shortened name') && o.score >= ALERT_THRESHOLD);
      if (!full) {
        h.score = SHORTENED_SCORE;
        h.reasons.push('shortened name without the full name or a context word');
      }
    }
    if (h.reasons[0] === 'single-part name' && h.score > SHORTENED_SCORE && scan.ctxAt(h.person, h.s) === undefined) {
      const parts = idx.personParts[h.person]!;
      // 'Parit "Penguin" Chiwarak': the nickname inside the person's own name
      const ownAround = (h.ts > 0 && parts.includes(it.exact[h.ts - 1]!)) || (h.te < toks.length && parts.includes(it.exact[h.te]!));
      const full = ownAround || hits.some((o) => o.person === h.person && o.full && o.reasons[0] !== 'single-part name' && o.score >= ALERT_THRESHOLD);
      if (!full) {
        h.score = SHORTENED_SCORE;
        h.reasons.push('a one-word name without the full name or a context word');
      }
    }
    if (h.score > SHORTENED_SCORE && LONGER_NAME_KINDS.has(h.reasons[0]!) && surnameAfter(scan, h.te, h.person) && scan.ctxAt(h.person, h.s) === undefined) {
      h.score = SHORTENED_SCORE;
      h.reasons.push('a longer name ("… Portillo") without a context word: probably someone else');
    }
    if (h.score > SHORTENED_SCORE && placeAround(scan, h.ts, h.te)) {
      h.score = SHORTENED_SCORE;
      h.reasons.push('a place ("in X, country")');
    }
  }
}

/** "Rolando Álvarez Portillo" for "Rolando Álvarez": a further capitalised name word, in running text. */
function surnameAfter(scan: ItemScan, te: number, person: number): boolean {
  const { idx, it, toks, titleCase } = scan;
  const n = toks[te];
  // (one letter is an initial, or the last syllable of a name like "Try Seang Y")
  if (n === undefined || n.gap !== GAP_SPACE || !n.up || !n.cased || n.allUp || titleCase[te] || n.t.length < 2) return false;
  if (it.flags[te]! & (W_FUNCTION | W_HONORIFIC_KEY | W_DIGIT_START) || ORG_WORDS.has(it.keys[te]!)) return false;
  if (idx.personParts[person]!.includes(it.exact[te]!) || it.lowerSeen(it.keys[te]!)) return false;
  return true;
}

/** "in San Miguel, El Salvador", "from Qasr, Egypt": a place name, not a person. */
function placeAround(scan: ItemScan, ts: number, te: number): boolean {
  const { it, toks, text } = scan;
  const p = toks[ts - 1];
  if (!p || p.up || !PLACE_PREPOSITIONS.has(it.keys[ts - 1]!) || toks[ts]!.gap !== GAP_SPACE) return false;
  const c = toks[te];
  if (!c || !/^\s*,\s*$/.test(text.slice(toks[te - 1]!.e, c.s))) return false;
  let k = te;
  if (it.particleAt(k) || it.keys[k] === 'the') k++;
  const n = toks[k];
  return n !== undefined && n.up && COUNTRY_WORDS.has(it.keys[k]!);
}

/**
 * A name in a sentence about sport or entertainment, or described as having a profession or a post
 * none of the person's context words fits ("X, an economics professor at ..."), is as likely someone
 * else with the same name: review, unless the sentence has the person's context word. Once the item
 * describes a namesake, its other uses of that name are the namesake's too.
 */
export function doubtDescribedNamesakes(scan: ItemScan, hits: Hit[], namesakes: Set<number>): void {
  const { idx, text } = scan;
  /** the namesakes found by what the item says of them (sport, a post, a profession) */
  const described = new Set<number>();
  for (const h of hits) {
    if (h.score < ALERT_THRESHOLD) continue;
    if (namesakes.has(h.person) && h.reasons[0]!.startsWith('shortened name')) {
      // "X Sr." in the item: a shorter form of the name is probably the namesake too, unless the
      // person's full name (without Sr.) is also there
      if (!hits.some((o) => o.person === h.person && !o.reasons[0]!.startsWith('shortened name') && o.score >= ALERT_THRESHOLD)) {
        h.score = SHORTENED_SCORE;
        h.reasons.push('probably a namesake (the item names "Sr."/"the elder")');
        continue;
      }
    }
    const sent = scan.sentence(scan.sentenceAt(h.s));
    const lower = sent.toLowerCase();
    const ctx = idx.persons[h.person]!.context ?? [];
    if (scan.contextIn(h.person, lower)) continue;
    let why: string | null = null;
    if (SPORT_STRONG.test(lower) || SPORT_OTHER_LANGUAGES.test(lower) || countMatches(SPORT_WEAK, lower) >= 2) why = 'a sentence about sport';
    else if (SHOW_STRONG.test(lower) || countMatches(SHOW_WEAK, lower) >= 2) why = 'a sentence about entertainment';
    else if (SUSPECT_BEFORE.test(text.slice(Math.max(0, h.s - 50), h.s).toLowerCase())) why = 'a suspect or a driver in a police report';
    else if (ctx.length > 0) {
      const after = text.slice(h.e, Math.min(text.length, h.e + 80)).toLowerCase();
      const ap = APPOSITION_PROFESSION.exec(after);
      const office = APPOSITION_OFFICE.exec(after) ?? APPOSITION_OFFICE_OTHER.exec(after);
      if (ap && !sentenceCues(sent).some((c) => c.level === 'critical' || c.level === 'high')) why = `described as ${ap[1]}`;
      // an official or manager arrested is news about someone, but not about the watched person
      else if (office) why = `described as ${office[1] ?? office[2] ?? office[3]}`;
      else {
        const before = text.slice(Math.max(0, h.s - 40), h.s).toLowerCase();
        const title = officeTitleBefore(before);
        const profession = PROFESSION_TITLE_BEFORE.exec(before);
        // ("Residents Trust chairperson X", "Union president X": the chair of an association is what a
        // defender often is)
        if (title && !(CHAIR.test(title) && ASSOCIATION_BEFORE.test(text.slice(Math.max(0, h.s - 80), h.s)))) why = `titled ${title}`;
        else if (profession && !sentenceCues(sent).some((c) => c.level === 'critical' || c.level === 'high')) why = `titled ${profession[1]}`;
      }
    }
    if (why) {
      h.score = SHORTENED_SCORE;
      h.reasons.push(`probably a namesake (${why})`);
      namesakes.add(h.person);
      described.add(h.person);
    }
  }
  // the item describes a namesake: its other uses of the same name are the namesake's too, unless
  // their sentence has the person's context word ("Deputy governor Sam Sokha ... 'We built it,' Sam Sokha said")
  if (described.size > 0) {
    for (const h of hits) {
      if (h.score < ALERT_THRESHOLD || !described.has(h.person)) continue;
      const lower = scan.sentence(scan.sentenceAt(h.s)).toLowerCase();
      if (scan.contextIn(h.person, lower)) continue;
      h.score = SHORTENED_SCORE;
      h.reasons.push('probably a namesake (the item describes one by this name)');
    }
  }
}

/**
 * An article with next to no words of rights news (an archery final, a company's new director, a road
 * opened by a deputy governor, an obituary) that names a watched person without any of their context
 * words (or with only a place among them: local news names many people of one place) is about a
 * namesake: review. Short items, and languages without listed rights words, are left alone.
 */
export function doubtOffTopic(scan: ItemScan, hits: Hit[], namesakes: Set<number>): void {
  let offTopic: boolean | null = null;
  for (const h of hits) {
    if (h.score < ALERT_THRESHOLD || h.ts < 0 || (scan.hasContext(h.person) && !scan.placeOnly.has(h.person))) continue;
    offTopic ??= isOffTopic(scan.it.flags);
    if (!offTopic) break;
    h.score = SHORTENED_SCORE;
    h.reasons.push('probably a namesake (an item with no rights news and none of the context words)');
    namesakes.add(h.person);
  }
}

function countMatches(re: RegExp, s: string): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(s)) n++;
  return n;
}

/**
 * A text in a language with listed rights words (FREQUENT_WORDS) with fewer than 5 of them (15+ of its
 * commonest words), or none at all (5+).
 */
function isOffTopic(flags: Int32Array): boolean {
  let frequent = 0;
  let rights = 0;
  for (let i = 0; i < flags.length; i++) {
    const f = flags[i]!;
    if (f & W_FREQUENT) frequent++;
    else if (f & W_RIGHTS_NEWS) rights++;
  }
  return (frequent >= 15 && rights < 5) || (frequent >= 5 && rights === 0);
}

