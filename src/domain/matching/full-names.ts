/**
 * Stage 1: full names (and one-word names) in an item. Each token that is a watched name part is an
 * anchor; the variants (name orders, aliases, shortened forms) through it are verified outwards token
 * by token, allowing misspelt parts within the edit budget.
 */
import { fuzzyPenalty } from './fuzzy.js';
import type { WatchIndex } from './index-build.js';
import { ORG_WORDS } from './lexicon.js';
import { GAP_BREAK, GAP_HYPHEN, GAP_SPACE } from './normalise.js';
import type { Hit, ItemScan } from './scan.js';
import { W_COMMON_GIVEN, W_CONNECTOR, W_FUNCTION, W_HONORIFIC_KEY } from './words.js';

/** A spelling variant that is not good enough evidence on its own: kept for review, never alerts. */
const WEAK_VARIANT_SCORE = 0.6;
/** Written in lower case after a name: "Кара-Мурза-старший". */
const LOWER_GENERATION_WORDS: ReadonlySet<string> = new Set(['старш', 'старшии', 'старший', 'младш', 'младшии', 'младший', 'snr', 'jnr']);
const OWN_GENERATION = /(?:^|[\s,-])(?:jr|sr|snr|jnr|junior|senior|the elder|the younger|старший|младший)\.?$/i;
const ELDER_WORDS: ReadonlySet<string> = new Set(['elder', 'younger']);
const GENERATION_WORDS: ReadonlySet<string> = new Set(['sr', 'snr', 'senior', 'jr', 'jnr', 'junior']);

export interface FullNames {
  hits: Hit[];
  /** token spans of watched names that are part of an organisation's or a place's name */
  orgSpans: [number, number][];
  /** one-word names found as the nickname inside someone else's name in this item */
  otherNicks: Set<number>;
  /** parts of misspelt, incomplete names: probably another person with a similar name */
  nearMiss: Set<number>;
  /** persons whose name in this item is probably a namesake's (X Sr., a footballer ...) */
  namesakes: Set<number>;
  /** persons whose shortened name ("Kara-Murza") is found inside another full name here ("Evgenia Kara-Murza") */
  inOtherName: Set<number>;
}

export function findFullNames(scan: ItemScan): FullNames {
  const { idx, it, toks } = scan;
  const hits: Hit[] = [];
  /** token spans of watched names that are part of an organisation's or a place's name */
  const orgSpans: [number, number][] = [];
  /** one-word names found as the nickname inside someone else's name in this item */
  const otherNicks = new Set<number>();
  /** parts of misspelt, incomplete names: probably another person with a similar name */
  const nearMiss = new Set<number>();
  /** persons whose name in this item is probably a namesake's (X Sr., a footballer ...) */
  const namesakes = new Set<number>();
  const inOtherName = new Set<number>();
  const tried = new Set<number>();
  for (let i = 0; i < toks.length; i++) {
    const ex = it.exact[i]!;
    // a lower-case function word ("the", "to") never starts a name worth verifying
    if (ex >= 0 && !it.capsOk[i] && it.flags[i]! & W_FUNCTION) continue;
    if (ex >= 0) tryAnchor(ex, 0, i);
    else {
      const cross = idx.crossTerms(it.keys[i]!);
      if (cross) for (const t of cross) tryAnchor(t, 0, i);
      // a misspelt part is only worth looking up next to an exactly spelt one: every multi-part
      // name allows fewer misspelt parts than it has parts, so some part is exact
      else if (it.nearExact(i)) for (const f of it.fuzzy(i)) tryAnchor(f.term, f.dist, i);
    }
  }

  function tryAnchor(term: number, dist: number, i: number): void {
    const vs = idx.anchored[term];
    if (!vs) return;
    // every verification starts with the token just before (or after) the anchor: most variants
    // fail right there, so test that step first without walking the rest
    let pj = -2;
    let nj = -2;
    for (const v of vs) {
      const first = idx.vFirst[v]!;
      if (first >= 0) {
        let j: number;
        if (idx.vAnchor[v]! > 0) j = pj === -2 ? (pj = it.prev(i)) : pj;
        else j = nj === -2 ? (nj = it.next(i)) : nj;
        if (j < 0) continue;
        const ex = it.exact[j]!;
        if (ex !== first && it.cost(j, first) < 0) continue;
      }
      const keys = idx.vKeys[v]!;
      const a = idx.vAnchor[v]!;
      let cost = dist;
      let fuzzyParts = dist > 0 ? 1 : 0;
      let penalty = dist > 0 ? fuzzyPenalty(dist, idx.terms[term]!.length) : 0;
      let lower = needsCaps(scan, i) ? 1 : 0;
      // an exactly spelt part that is not a very common given name ("Ahmed")
      let strongExact = dist === 0 && !(it.flags[i]! & W_COMMON_GIVEN);
      /** bit k set: part k of the variant was spelt exactly */
      let exactMask = dist === 0 ? 1 << a : 0;
      let start = i;
      let end = i;
      let ok = true;
      // walk outwards from the anchor: first leftwards (parts a-1 .. 0), then rightwards (a+1 ..)
      for (let n = 0; n < keys.length - 1; n++) {
        const left = n < a;
        const k = left ? a - 1 - n : n + 1;
        const j = left ? it.prev(start) : it.next(end);
        const c = j < 0 ? -1 : it.cost(j, keys[k]!);
        if (c < 0) {
          ok = false;
          break;
        }
        if (left) start = j;
        else end = j;
        cost += c;
        if (c === 0 && !(it.flags[j]! & W_COMMON_GIVEN)) strongExact = true;
        if (c === 0) exactMask |= 1 << k;
        if (c > 0) {
          fuzzyParts++;
          penalty += fuzzyPenalty(c, idx.terms[keys[k]!]!.length);
        }
        if (needsCaps(scan, j)) lower++;
      }
      if (!ok) continue;
      const sig = v * 1_000_003 + start;
      if (tried.has(sig)) continue;
      tried.add(sig);
      // at most one misspelt part in a two-part name; in longer names at most a third of them
      if (fuzzyParts > Math.max(1, Math.floor(keys.length / 3))) continue;
      if (idx.vKind[v]!.startsWith('shortened name') && extendsName(scan, start, end)) {
        // "Evgenia Kara-Murza": the shortened name is part of someone else's here
        inOtherName.add(idx.vPerson[v]!);
        continue;
      }
      const reasons = [idx.vKind[v]!];
      let score = idx.vScore[v]!;
      if (keys.length === 1) {
        // a one-part name is only a name when written like one, and not when it is the given name or
        // quoted nickname inside someone else's name ('Jimmy Chow', 'Rungnapa "Rung" Saetang')
        if (!it.capsOk[i] || it.flags[i]! & W_FUNCTION) continue;
        if (insideOtherName(scan, start, idx.vPerson[v]!)) {
          // the other bare uses of that word in this item name the same other person
          otherNicks.add(keys[0]!);
          continue;
        }
        // (only for a one-word alias of a person with a full name: a mononym may be written with more)
        if (idx.personParts[idx.vPerson[v]!]!.length > 0 && extendsName(scan, start, end)) continue;
      }
      if (generationAfter(scan, end) && !ownGeneration(idx, idx.vPerson[v]!)) {
        // "X Sr.", "X-старший": a namesake father (or son); the item's shorter forms of the name
        // ("Kara-Murza was ...") are probably about them too
        orgSpans.push([start, end + 1]);
        namesakes.add(idx.vPerson[v]!);
        continue;
      }
      if (orgWordAfter(scan, end)) {
        // "the Sam Rainsy Party", "Raif Badawi Foundation": an organisation or place named after the
        // person, not news about them
        orgSpans.push([start, end + 1]);
        continue;
      }
      if (cost > 0) {
        score -= penalty;
        reasons.push(`spelling variant (${cost} edit${cost > 1 ? 's' : ''})`);
        const person = idx.vPerson[v]!;
        // a misspelt name that is also incomplete, or whose only exact parts are common given names
        // ("Ahmed Mansour" for "Ahmed Mansoor"), is as likely someone else with a similar name
        // ("Berta Cáceres" for "Bertha Zúniga Cáceres"): review, and that other person's name parts
        // make bare uses of them in this item ambiguous; a complete name with one distinctive part
        // exact still needs the person's own context word when its exact parts are common names
        // Two edits in one part ("Shafiqul" for "Shahidul") are as likely another name as a typo: they
        // need the person's context word too
        const shortened = idx.vKind[v]!.startsWith('shortened name');
        if (shortened || ((!strongExact || cost >= 2) && scan.ctxAt(person, toks[start]!.s) === undefined)) {
          score = Math.min(score, WEAK_VARIANT_SCORE);
          reasons.push(shortened ? 'misspelt and incomplete' : cost >= 2 ? 'two edits from the name' : 'misspelt, only common name parts exact');
          for (let k = 0; k < keys.length; k++) if (exactMask & (1 << k)) nearMiss.add(keys[k]!);
        }
      }
      if (lower > 0) {
        score -= 0.35;
        reasons.push('written in lower case');
      }
      const hb = it.honorificBefore(start - 1);
      if (hb > 0) reasons.push('title before the name');
      hits.push({
        person: idx.vPerson[v]!,
        ts: start,
        te: end + 1,
        s: toks[start]!.s,
        e: toks[end]!.e,
        score: Math.max(0, Math.min(1, score)),
        reasons,
        full: true,
        term: keys.length === 1 ? keys[0]! : undefined,
      });
    }
  }
  return { hits, orgSpans, otherNicks, nearMiss, namesakes, inOtherName };
}

/** Capitalised name-like words right before or after the span: "Gabriel García Márquez" is not "García Márquez". */
function extendsName(scan: ItemScan, start: number, end: number): boolean {
  const { it, toks } = scan;
  const before = toks[start - 1];
  const first = toks[start]!;
  if (before && (first.gap === GAP_SPACE || first.gap === GAP_HYPHEN) && before.up && before.cased) {
    const k = it.keys[start - 1]!;
    if (!(it.flags[start - 1]! & W_FUNCTION) && it.honorificBefore(start - 1) === 0 && !(before.gap === GAP_BREAK && /^[a-z]+$/.test(k) && k.length < 4)) return true;
  }
  // "Abdel Fattah al-Sisi": look past a particle
  let ae = end + 1;
  while (ae + 1 < toks.length && (toks[ae]!.gap === GAP_SPACE || toks[ae]!.gap === GAP_HYPHEN) && it.particleAt(ae)) ae++;
  const after = toks[ae];
  if (after && (after.gap === GAP_SPACE || after.gap === GAP_HYPHEN) && after.up && after.cased && !(it.flags[ae]! & W_FUNCTION)) return true;
  return false;
}

function needsCaps(scan: ItemScan, j: number): boolean {
  const { it, toks } = scan;
  if (it.capsOk[j] || it.flags[j]! & W_CONNECTOR) return false;
  // "Chow Hang-tung": the later syllables of a hyphenated given name are written in lower case
  const t = toks[j]!;
  return !(t.gap === GAP_HYPHEN && j > 0 && toks[j - 1]!.up);
}

/** Is the name followed by a capitalised organisation or place word ("Party", "Foundation", "Street"), or by Sr./Jr.? */
function orgWordAfter(scan: ItemScan, end: number): boolean {
  const { it, toks } = scan;
  const n = toks[end + 1];
  if (n === undefined || n.gap !== GAP_SPACE || !n.up) return false;
  return ORG_WORDS.has(it.keys[end + 1]!);
}

/** The watched name itself carries Jr./Sr. ("Jose Dela Cruz Jr."). */
function ownGeneration(idx: WatchIndex, person: number): boolean {
  const p = idx.persons[person]!;
  return [p.name, ...(p.aliases ?? [])].some((n) => OWN_GENERATION.test(n));
}

/** "Vladimir Kara-Murza Sr.", "Кара-Мурза-старший", "X the elder": the watched person's namesake father (or son). */
function generationAfter(scan: ItemScan, end: number): boolean {
  const { it, toks } = scan;
  const n = toks[end + 1];
  if (n === undefined) return false;
  const nk = it.keys[end + 1]!;
  if ((n.gap === GAP_SPACE || n.gap === GAP_HYPHEN) && LOWER_GENERATION_WORDS.has(nk)) return true;
  if (n.gap === GAP_SPACE && nk === 'the' && toks[end + 2]?.gap === GAP_SPACE && ELDER_WORDS.has(it.keys[end + 2]!)) return true;
  return n.gap === GAP_SPACE && n.up && GENERATION_WORDS.has(nk);
}

/** 'Rungnapa "Rung" Saetang': a quoted or bracketed word between two capitalised name words. */
function insideOtherName(scan: ItemScan, start: number, person: number): boolean {
  const { idx, it, toks } = scan;
  const t = toks[start]!;
  const p = toks[start - 1];
  const n = toks[start + 1];
  if (!p || !n || !p.up || !n.up || t.gap !== GAP_BREAK || n.gap !== GAP_BREAK) return false;
  if (it.flags[start - 1]! & (W_FUNCTION | W_HONORIFIC_KEY) || it.flags[start + 1]! & W_FUNCTION) return false;
  // 'Panusaya "Rung" Sithijirawattanakul': the person's own name around their own nickname
  const parts = idx.personParts[person]!;
  if (parts.includes(it.exact[start - 1]!) || parts.includes(it.exact[start + 1]!)) return false;
  return it.quoted(start);
}
