/**
 * Matching one item against a built WatchIndex.
 */
import { ALERT_THRESHOLD, REVIEW_THRESHOLD, type MatchableItem, type Mention, type Urgency } from './types.js';
import { editBudget, osaDistance } from './fuzzy.js';
import { arabicConsonants, cyrillicSkeleton } from './cross-script.js';
import { WatchIndex, vowelKey, type FuzzyHit } from './index-build.js';
import { inRanges, relatedRanges } from './boilerplate.js';
import { JOINED_GIVEN_NAMES, SHORT_FIRST_LEFT_OUT, SHORT_LEFT_OUT } from './names.js';
import { COMMON_WORDS, COUNTRY_WORDS, HONORIFICS, ORG_WORDS } from './lexicon.js';
import { GAP_BREAK, GAP_DOT, GAP_HYPHEN, GAP_SPACE, tokenise, type Token } from './normalise.js';
import { sentenceIndex, sentenceStarts, sentenceText } from './sentences.js';
import { combineLevels, levelOf, sentenceCues, type Cue } from './urgency.js';
import { W_COMMON_ENGLISH, W_RIGHTS_NEWS, W_CONNECTOR, W_CONTEXT, W_DIGIT, W_DIGIT_START, W_FUNCTION, W_HONORIFIC, W_HONORIFIC_2ND, W_HONORIFIC_KEY, W_HYPHEN_PARTICLE, W_PARTICLE, W_WEAK, W_COMMON_GIVEN } from './words.js';

interface Hit {
  person: number;
  /** token span [ts, te) or -1 for native-script hits */
  ts: number;
  te: number;
  /** original offsets in the combined text */
  s: number;
  e: number;
  score: number;
  reasons: string[];
  full: boolean;
  /** for partial references: the part matched */
  term?: number;
}

const NO_FUZZY: FuzzyHit[] = [];

/** Per-item token state: one word-table lookup per token, then flags and term ids only. */
class ItemTokens {
  readonly keys: string[];
  readonly exact: Int32Array;
  /** WordInfo flags (W_*) per token */
  readonly flags: Int32Array;
  private fuzzyHits: (FuzzyHit[] | undefined)[];
  readonly capsOk: Uint8Array;
  private lowerWords: Set<string> | null = null;
  /** cross-script skeletons of Cyrillic and Arabic-script tokens, computed on first use */
  private readonly skeletons: (string | undefined)[] = [];

  constructor(
    readonly idx: WatchIndex,
    readonly toks: Token[],
    lowerCaseText: boolean,
    private readonly text: string,
  ) {
    const n = toks.length;
    this.keys = new Array<string>(n);
    this.exact = new Int32Array(n);
    this.flags = new Int32Array(n);
    this.fuzzyHits = new Array(n);
    this.capsOk = new Uint8Array(n);
    const words = idx.words;
    for (let i = 0; i < n; i++) {
      const t = toks[i]!;
      const w = t.w ?? words.info(t.t);
      this.keys[i] = w.key;
      this.exact[i] = w.term;
      this.flags[i] = w.flags;
      this.capsOk[i] = t.up || !t.cased || lowerCaseText ? 1 : 0;
    }
  }

  /** Does the item write this folded word in lower case somewhere (an ordinary word)? Built on first use. */
  lowerSeen(word: string): boolean {
    if (this.lowerWords === null) {
      this.lowerWords = new Set<string>();
      for (const t of this.toks) if (t.cased && !t.up) this.lowerWords.add(t.t);
    }
    return this.lowerWords.has(word);
  }

  /** Is token j one capitalised word in quotes between two capitalised words ('Parit "Penguin" Chiwarak')? */
  quotedNickname(j: number): boolean {
    const n = this.toks[j + 1];
    return j > 0 && n !== undefined && this.toks[j]!.up && n.up && n.gap === GAP_BREAK && this.quoted(j);
  }

  /** Are there quote marks (or brackets) right around token j, between its neighbours? */
  quoted(j: number): boolean {
    const p = this.toks[j - 1]!;
    const t = this.toks[j]!;
    const n = this.toks[j + 1]!;
    return QUOTE_OPEN.test(this.text.slice(p.e, t.s)) && QUOTE_CLOSE.test(this.text.slice(t.e, n.s));
  }

  /** Is token i a name particle that may be absent (al-, el-, de, van ...)? Same rule as names.isParticleAt. */
  particleAt(i: number): boolean {
    const f = this.flags[i]!;
    if (f & W_PARTICLE) return true;
    if (f & W_HYPHEN_PARTICLE) {
      const nx = this.toks[i + 1];
      return nx !== undefined && nx.gap === GAP_HYPHEN;
    }
    return false;
  }

  /** Number of honorific tokens ending at token i (0 if none); same rule as names.honorificBefore. */
  honorificBefore(i: number): number {
    if (i < 0) return 0;
    const f = this.flags[i]!;
    if (i >= 1 && f & W_HONORIFIC_2ND && HONORIFICS.has(`${this.toks[i - 1]!.t} ${this.toks[i]!.t}`)) return 2;
    return f & W_HONORIFIC ? 1 : 0;
  }

  /** Watched parts this token may be a spelling variant of (only capitalised or caseless words). */
  fuzzy(i: number): FuzzyHit[] {
    let f = this.fuzzyHits[i];
    if (f === undefined) {
      const t = this.toks[i]!;
      const k = this.keys[i]!;
      // ordinary words (written in lower case elsewhere in the item, or function words) are not names
      f =
        this.exact[i]! >= 0 || k.length < 4 || !this.capsOk[i] || this.flags[i]! & (W_FUNCTION | W_DIGIT) || (t.cased && this.lowerSeen(t.t))
          ? NO_FUZZY
          : this.idx.fuzzy(k);
      this.fuzzyHits[i] = f;
    }
    return f;
  }

  /** Is a neighbouring name token (same name run) an exact, capitalised watched part? */
  nearExact(i: number): boolean {
    const p = this.prev(i);
    if (p >= 0 && this.exact[p]! >= 0 && this.capsOk[p]) return true;
    const n = this.next(i);
    return n >= 0 && this.exact[n]! >= 0 && this.capsOk[n] === 1;
  }

  /** Watched parts within the edit budget of token i among the given persons' parts only. */
  fuzzyAmong(i: number, persons: Iterable<number>): FuzzyHit[] {
    const known = this.fuzzyHits[i];
    if (known !== undefined) return known;
    const t = this.toks[i]!;
    const k = this.keys[i]!;
    if (this.exact[i]! >= 0 || k.length < 4 || !this.capsOk[i] || this.flags[i]! & W_FUNCTION || (t.cased && this.lowerSeen(t.t))) return NO_FUZZY;
    const out: FuzzyHit[] = [];
    const seen = new Set<number>();
    for (const p of persons) {
      for (const term of this.idx.personParts[p]!) {
        if (seen.has(term)) continue;
        seen.add(term);
        const part = this.idx.terms[term]!;
        const budget = editBudget(part.length);
        if (budget === 0 || part.charCodeAt(0) !== k.charCodeAt(0) || Math.abs(part.length - k.length) > budget) continue;
        const d = osaDistance(k, part, budget);
        if (d >= 1 && d <= budget) out.push({ term, dist: d });
      }
    }
    return out;
  }

  /** Cost of token i being term `term`: 0 exact, n edits, or -1. */
  cost(i: number, term: number): number {
    if (this.exact[i] === term) return 0;
    const k = this.keys[i]!;
    // "محمد الغامدي", "Алексея Навального" for a name watched in Latin letters: the same skeleton (the
    // word may also be another person's native-script part, so this comes before the exact test)
    const c0 = k.charCodeAt(0);
    if (c0 >= 0x0400 && c0 <= 0x06ff) {
      let sk = this.skeletons[i];
      if (sk === undefined) sk = this.skeletons[i] = c0 >= 0x0600 ? arabicConsonants(k) : cyrillicSkeleton(k);
      if (sk.length >= 2 && sk === (c0 >= 0x0600 ? this.idx.termConsonants(term) : this.idx.termSkeleton(term))) return 0;
    }
    if (this.exact[i]! >= 0) return -1;
    for (const h of this.fuzzy(i)) if (h.term === term) return h.dist;
    // "Idrees" for "Idris", "Yoosuf" for "Yusuf": one transliteration, counted as one edit
    if (k.length >= 4 && this.capsOk[i] && !(this.flags[i]! & (W_FUNCTION | W_DIGIT)) && VOWEL_PAIR.test(k) !== VOWEL_PAIR.test(this.idx.terms[term]!)) {
      if (vowelKey(k) === this.idx.termVowelKey(term) && !(this.toks[i]!.cased && this.lowerSeen(this.toks[i]!.t))) return 1;
    }
    return -1;
  }

  /** Next name token after i within the same name (skipping particles), or -1. */
  next(i: number): number {
    let j = i + 1;
    while (j < this.toks.length) {
      const g = this.toks[j]!.gap;
      // 'Panusaya "Rung" Sithijirawattanakul': past a quoted nickname inside the name
      if (g !== GAP_SPACE && g !== GAP_HYPHEN) return j === i + 1 && this.quotedNickname(j) ? j + 1 : -1;
      if (this.particleAt(j) && j + 1 < this.toks.length) {
        j++;
        continue;
      }
      return j;
    }
    return -1;
  }

  prev(i: number): number {
    let j = i;
    for (;;) {
      const g = this.toks[j]!.gap;
      if (g !== GAP_SPACE && g !== GAP_HYPHEN) return j === i && j >= 2 && this.quotedNickname(j - 1) ? j - 2 : -1;
      j--;
      if (j < 0) return -1;
      if (this.particleAt(j)) continue;
      return j;
    }
  }
}

function fuzzyPenalty(dist: number, len: number): number {
  return dist * (len >= 7 ? 0.1 : 0.13);
}

export function matchItem(idx: WatchIndex, item: MatchableItem): Mention[] {
  const title = item.title ?? '';
  const combined = title ? `${title}\n\n${item.text ?? ''}` : (item.text ?? '');
  const textStart = title ? title.length + 2 : 0;
  const tk = tokenise(combined, idx.words);
  const toks = tk.tokens;

  let capital = 0;
  let cased = 0;
  for (const t of toks) {
    if (!t.cased) continue;
    cased++;
    if (t.up) capital++;
  }
  const lowerCaseText = cased > 20 && capital / cased < 0.02;
  const it = new ItemTokens(idx, toks, lowerCaseText, combined);

  // context words of watched persons present in the item. A bare country name ("Egypt") is too
  // common in news to say which of a country's people is meant: it licenses nothing. A common noun
  // ("journalist") licenses a name only in its own sentence: most items about one journalist name others.
  const ctxPersons = new Map<number, string>();
  /** person -> [sentence-finding offset, word] of weak context words */
  const weakCtx = new Map<number, [number, string][]>();
  if (idx.context.size > 0) {
    for (let i = 0; i < toks.length; i++) {
      if (!(it.flags[i]! & W_CONTEXT)) continue;
      const l = idx.context.get(it.keys[i]!);
      if (!l) continue;
      for (const c of l) {
        if (c.keys.length === 1 && COUNTRY_WORDS.has(c.keys[0]!)) continue;
        let ok = true;
        for (let k = 1; k < c.keys.length && ok; k++) if (it.keys[i + k] !== c.keys[k]) ok = false;
        if (!ok || ctxPersons.has(c.person)) continue;
        if (!c.weak) ctxPersons.set(c.person, c.keys.join(' '));
        else {
          const w = weakCtx.get(c.person);
          if (w) w.push([toks[i]!.s, c.keys.join(' ')]);
          else weakCtx.set(c.person, [[toks[i]!.s, c.keys.join(' ')]]);
        }
      }
    }
    for (const p of ctxPersons.keys()) weakCtx.delete(p);
  }
  let sentStarts: number[] | null = null;
  /** Does this lower-cased sentence hold one of the person's context words (as typed, any kind)? */
  const contextIn = (person: number, lower: string): boolean =>
    (idx.persons[person]!.context ?? []).some((c) => c.length > 0 && lower.includes(c.toLowerCase()));
  /** The person's context word that supports a name at offset `at`: anywhere in the item, or in its sentence if weak. */
  const ctxAt = (person: number, at: number): string | undefined => {
    const strong = ctxPersons.get(person);
    if (strong !== undefined || weakCtx.size === 0) return strong;
    const w = weakCtx.get(person);
    if (!w) return undefined;
    sentStarts ??= sentenceStarts(combined);
    const si = sentenceIndex(sentStarts, at);
    for (const [off, word] of w) if (sentenceIndex(sentStarts, off) === si) return word;
    return undefined;
  };

  const hits: Hit[] = [];
  /** token spans of watched names that are part of an organisation's or a place's name */
  const orgSpans: [number, number][] = [];
  /** one-word names found as the nickname inside someone else's name in this item */
  const otherNicks = new Set<number>();
  /** parts of misspelt, incomplete names: probably another person with a similar name */
  const nearMiss = new Set<number>();
  /** persons whose name in this item is probably a namesake's (X Sr., a footballer ...) */
  const namesakes = new Set<number>();
  /** the subset of namesakes found by what the item says of them (sport, a post, a profession) */
  const described = new Set<number>();
  // ---- 1. full names: anchor lookups, then verification of the rest of the variant
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
      let lower = needsCaps(i) ? 1 : 0;
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
        if (needsCaps(j)) lower++;
      }
      if (!ok) continue;
      const sig = v * 1_000_003 + start;
      if (tried.has(sig)) continue;
      tried.add(sig);
      // at most one misspelt part in a two-part name; in longer names at most a third of them
      if (fuzzyParts > Math.max(1, Math.floor(keys.length / 3))) continue;
      if (idx.vKind[v]!.startsWith('shortened name') && extendsName(start, end)) continue;
      const reasons = [idx.vKind[v]!];
      let score = idx.vScore[v]!;
      if (keys.length === 1) {
        // a one-part name is only a name when written like one, and not when it is the given name or
        // quoted nickname inside someone else's name ('Jimmy Chow', 'Rungnapa "Rung" Saetang')
        if (!it.capsOk[i] || it.flags[i]! & W_FUNCTION) continue;
        if (insideOtherName(start, idx.vPerson[v]!)) {
          // the other bare uses of that word in this item name the same other person
          otherNicks.add(keys[0]!);
          continue;
        }
        // (only for a one-word alias of a person with a full name: a mononym may be written with more)
        if (idx.personParts[idx.vPerson[v]!]!.length > 0 && extendsName(start, end)) continue;
      }
      if (generationAfter(end) && !ownGeneration(idx.vPerson[v]!)) {
        // "X Sr.", "X-старший": a namesake father (or son); the item's shorter forms of the name
        // ("Kara-Murza was ...") are probably about them too
        orgSpans.push([start, end + 1]);
        namesakes.add(idx.vPerson[v]!);
        continue;
      }
      if (orgWordAfter(end)) {
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
        if (shortened || ((!strongExact || cost >= 2) && ctxAt(person, toks[start]!.s) === undefined)) {
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

  /** Capitalised name-like words right before or after the span: "Gabriel García Márquez" is not "García Márquez". */
  function extendsName(start: number, end: number): boolean {
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

  function needsCaps(j: number): boolean {
    if (it.capsOk[j] || it.flags[j]! & W_CONNECTOR) return false;
    // "Chow Hang-tung": the later syllables of a hyphenated given name are written in lower case
    const t = toks[j]!;
    return !(t.gap === GAP_HYPHEN && j > 0 && toks[j - 1]!.up);
  }

  /** Is the name followed by a capitalised organisation or place word ("Party", "Foundation", "Street"), or by Sr./Jr.? */
  function orgWordAfter(end: number): boolean {
    const n = toks[end + 1];
    if (n === undefined || n.gap !== GAP_SPACE || !n.up) return false;
    return ORG_WORDS.has(it.keys[end + 1]!);
  }

  /** The watched name itself carries Jr./Sr. ("Jose Dela Cruz Jr."). */
  function ownGeneration(person: number): boolean {
    const p = idx.persons[person]!;
    return [p.name, ...(p.aliases ?? [])].some((n) => OWN_GENERATION.test(n));
  }

  /** "Vladimir Kara-Murza Sr.", "Кара-Мурза-старший", "X the elder": the watched person's namesake father (or son). */
  function generationAfter(end: number): boolean {
    const n = toks[end + 1];
    if (n === undefined) return false;
    const nk = it.keys[end + 1]!;
    if ((n.gap === GAP_SPACE || n.gap === GAP_HYPHEN) && LOWER_GENERATION_WORDS.has(nk)) return true;
    if (n.gap === GAP_SPACE && nk === 'the' && toks[end + 2]?.gap === GAP_SPACE && ELDER_WORDS.has(it.keys[end + 2]!)) return true;
    return n.gap === GAP_SPACE && n.up && GENERATION_WORDS.has(nk);
  }

  /** 'Rungnapa "Rung" Saetang': a quoted or bracketed word between two capitalised name words. */
  function insideOtherName(start: number, person: number): boolean {
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

  // ---- 2. native scripts without spaces: substring automaton on grapheme boundaries
  if (tk.hasNoSpace && idx.native.size > 0) {
    const c = tk.compact;
    idx.native.search(c, (s, e, val) => {
      if (!onGraphemeBoundary(c, s, e)) return;
      hits.push({
        person: val.person,
        ts: -1,
        te: -1,
        s: tk.compactOffs[s]!,
        e: tk.compactOffs[e - 1]! + 1,
        score: val.score,
        reasons: ['native-script name'],
        full: true,
      });
    });
  }

  const titleCase = titleCaseLines(toks, combined);

  // ---- shortened names and places
  // A shortened form of a 3+-part name ("Given Family" for "Given Middle Family", "Middle Family") is
  // as likely someone else, or a place ("San X"): it alerts only with the full name or the person's
  // own context word in the item. A name between "in"/"at"/"from" and ", <country>" is a place.
  for (const h of hits) {
    if (h.ts < 0 || h.score < REVIEW_THRESHOLD) continue;
    const leftOut =
      h.reasons[0] === SHORT_LEFT_OUT ||
      (h.reasons[0] === SHORT_FIRST_LEFT_OUT && it.honorificBefore(h.ts - 1) === 0) ||
      // "U Kyaw Min" for "Kyaw Min Yu": Burmese names have no family name, a shorter one is another name
      (h.reasons[0]!.startsWith('shortened name') && h.ts > 0 && BURMESE_TITLES.has(it.keys[h.ts - 1]!));
    if (leftOut && h.score > SHORTENED_SCORE && ctxAt(h.person, h.s) === undefined) {
      const full = hits.some((o) => o.person === h.person && o.full && !o.reasons[0]!.startsWith('shortened name') && o.score >= ALERT_THRESHOLD);
      if (!full) {
        h.score = SHORTENED_SCORE;
        h.reasons.push('shortened name without the full name or a context word');
      }
    }
    if (h.reasons[0] === 'single-part name' && h.score > SHORTENED_SCORE && ctxAt(h.person, h.s) === undefined) {
      const parts = idx.personParts[h.person]!;
      // 'Parit "Penguin" Chiwarak': the nickname inside the person's own name
      const ownAround = (h.ts > 0 && parts.includes(it.exact[h.ts - 1]!)) || (h.te < toks.length && parts.includes(it.exact[h.te]!));
      const full = ownAround || hits.some((o) => o.person === h.person && o.full && o.reasons[0] !== 'single-part name' && o.score >= ALERT_THRESHOLD);
      if (!full) {
        h.score = SHORTENED_SCORE;
        h.reasons.push('a one-word name without the full name or a context word');
      }
    }
    if (h.score > SHORTENED_SCORE && LONGER_NAME_KINDS.has(h.reasons[0]!) && surnameAfter(h.te, h.person) && ctxAt(h.person, h.s) === undefined) {
      h.score = SHORTENED_SCORE;
      h.reasons.push('a longer name ("… Portillo") without a context word: probably someone else');
    }
    if (h.score > SHORTENED_SCORE && placeAround(h.ts, h.te)) {
      h.score = SHORTENED_SCORE;
      h.reasons.push('a place ("in X, country")');
    }
  }

  /** "Rolando Álvarez Portillo" for "Rolando Álvarez": a further capitalised name word, in running text. */
  function surnameAfter(te: number, person: number): boolean {
    const n = toks[te];
    // (one letter is an initial, or the last syllable of a name like "Try Seang Y")
    if (n === undefined || n.gap !== GAP_SPACE || !n.up || !n.cased || n.allUp || titleCase[te] || n.t.length < 2) return false;
    if (it.flags[te]! & (W_FUNCTION | W_HONORIFIC_KEY | W_DIGIT_START) || ORG_WORDS.has(it.keys[te]!)) return false;
    if (idx.personParts[person]!.includes(it.exact[te]!) || it.lowerSeen(it.keys[te]!)) return false;
    return true;
  }

  /** "in San Miguel, El Salvador", "from Qasr, Egypt": a place name, not a person. */
  function placeAround(ts: number, te: number): boolean {
    const p = toks[ts - 1];
    if (!p || p.up || !PLACE_PREPOSITIONS.has(it.keys[ts - 1]!) || toks[ts]!.gap !== GAP_SPACE) return false;
    const c = toks[te];
    if (!c || !/^\s*,\s*$/.test(combined.slice(toks[te - 1]!.e, c.s))) return false;
    let k = te;
    if (it.particleAt(k) || it.keys[k] === 'the') k++;
    const n = toks[k];
    return n !== undefined && n.up && COUNTRY_WORDS.has(it.keys[k]!);
  }

  // ---- namesakes: a name in a sentence about sport or entertainment, or described as having a
  // profession none of the person's context words fits ("X, an economics professor at ..."), is as
  // likely someone else with the same name: review, unless the sentence has the person's context word
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
    sentStarts ??= sentenceStarts(combined);
    const si = sentenceIndex(sentStarts, h.s);
    const sent = sentenceRaw(combined, sentStarts, si);
    const lower = sent.toLowerCase();
    const ctx = idx.persons[h.person]!.context ?? [];
    if (contextIn(h.person, lower)) continue;
    let why: string | null = null;
    if (SPORT_STRONG.test(lower) || countMatches(SPORT_WEAK, lower) >= 2) why = 'a sentence about sport';
    else if (SHOW_STRONG.test(lower) || countMatches(SHOW_WEAK, lower) >= 2) why = 'a sentence about entertainment';
    else if (ctx.length > 0) {
      const after = combined.slice(h.e, Math.min(combined.length, h.e + 80)).toLowerCase();
      const ap = APPOSITION_PROFESSION.exec(after);
      const office = APPOSITION_OFFICE.exec(after);
      if (ap && !sentenceCues(sent).some((c) => c.level === 'critical' || c.level === 'high')) why = `described as ${ap[1]}`;
      // an official or manager arrested is news about someone, but not about the watched person
      else if (office) why = `described as ${office[1] ?? office[3]}`;
      else {
        const before = combined.slice(Math.max(0, h.s - 40), h.s).toLowerCase();
        const title = OFFICE_TITLE_BEFORE.exec(before);
        const profession = PROFESSION_TITLE_BEFORE.exec(before);
        if (title) why = `titled ${title[1]}`;
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
      sentStarts ??= sentenceStarts(combined);
      const lower = sentenceRaw(combined, sentStarts, sentenceIndex(sentStarts, h.s)).toLowerCase();
      if (contextIn(h.person, lower)) continue;
      h.score = SHORTENED_SCORE;
      h.reasons.push('probably a namesake (the item describes one by this name)');
    }
  }

  // ---- an English article with next to no words of rights news (an archery final, a company's new
  // director, a road opened by a deputy governor) that names a watched person without any of their
  // context words is about a namesake: review. Short items and other languages are left alone.
  let offTopic: boolean | null = null;
  for (const h of hits) {
    if (h.score < ALERT_THRESHOLD || h.ts < 0 || ctxPersons.has(h.person) || weakCtx.has(h.person)) continue;
    offTopic ??= isOffTopic(it.flags);
    if (!offTopic) break;
    h.score = SHORTENED_SCORE;
    h.reasons.push('probably a namesake (an item with no rights news and none of the context words)');
  }

  // ---- names in the headlines of other stories ("Related stories", "Read more"): review only
  const related = relatedRanges(combined);
  if (related.length > 0) {
    for (const h of hits) {
      if (h.score >= REVIEW_THRESHOLD && inRanges(related, h.s)) {
        h.score = Math.min(h.score, OTHER_STORY_SCORE);
        h.reasons.push('in a list of other stories (related links)');
      }
    }
  }

  // ---- overlapping full names of different persons: the longer span wins
  const fulls = resolveOverlaps(otherNicks.size === 0 ? hits : hits.filter((h) => h.term === undefined || !otherNicks.has(h.term)));

  // ---- 3. partial references (one name part, with or without a title)
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
  const withCtx = [...ctxPersons.keys(), ...weakCtx.keys()];
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
          else if (ctxAt(o, toks[i]!.s) !== undefined) ctxOwners.add(o);
        }
      } else {
        for (const o of named) if (idx.personParts[o]!.includes(c.term)) namedOwners.add(o);
        for (const o of withCtx) if (!named.has(o) && idx.personParts[o]!.includes(c.term) && ctxAt(o, toks[i]!.s) !== undefined) ctxOwners.add(o);
      }
    }
    if (ownerCount === 0) continue;
    const key = it.keys[i]!;
    const hb = it.honorificBefore(i - 1);
    const titled = hb > 0 && (toks[i]!.gap === GAP_SPACE || toks[i]!.gap === GAP_DOT);
    // short parts, common words and very common given names (Mohammed, Ali) need a title
    const weak = (it.flags[i]! & W_WEAK) !== 0;
    // ... except a three-letter family name ("Lai", "Kem") of the one person named in full here
    const shortName = weak && key.length === 3 && !(it.flags[i]! & (W_FUNCTION | W_COMMON_GIVEN)) && !COMMON_WORDS.has(key);
    if (weak && !titled && !(shortName && namedOwners.size === 1 && ctxOwners.size === 0 && bestDist === 0)) continue;
    if (!titleCase[i] && nextToNameWord(toks, it, i, !titled)) {
      // "Saad al-Qahtani": this part also names someone else here; its bare uses are ambiguous
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
      score = 0.75;
      reasons.push(`name part with context word "${ctxAt(person, toks[i]!.s)}"`);
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

  // ---- 4. one mention per person: best hit as evidence, urgency from every hit's sentences
  const all = [...fulls, ...partials].filter((h) => h.score >= REVIEW_THRESHOLD);
  if (all.length === 0) return [];
  const byPerson = new Map<number, Hit[]>();
  for (const h of all) {
    const l = byPerson.get(h.person);
    if (l) l.push(h);
    else byPerson.set(h.person, [h]);
  }
  const starts = sentStarts ?? sentenceStarts(combined);
  const sentHits = new Map<number, Hit[]>();
  for (const h of all) {
    const si = sentenceIndex(starts, h.s);
    const l = sentHits.get(si);
    if (l) l.push(h);
    else sentHits.set(si, [h]);
  }
  const cueCache = new Map<number, Cue[]>();
  const cuesOf = (si: number): Cue[] => {
    let c = cueCache.get(si);
    if (!c) {
      c = sentenceCues(sentenceRaw(combined, starts, si));
      cueCache.set(si, c);
    }
    return c;
  };

  const mentions: Mention[] = [];
  for (const [person, hs] of byPerson) {
    hs.sort((a, b) => b.score - a.score || a.s - b.s);
    const best = hs[0]!;
    const levels: Urgency[] = [];
    const times: number[] = [];
    const cueWords: string[] = [];
    for (const h of hs) {
      if (h.score < ALERT_THRESHOLD && best.score >= ALERT_THRESHOLD) continue;
      const si = sentenceIndex(starts, h.s);
      const sStart = starts[si]!;
      const others = (sentHits.get(si) ?? []).filter((o) => o.person !== person);
      let cues = cuesOf(si);
      const hs0 = h.s - sStart;
      const he0 = h.e - sStart;
      const raw = sentenceRaw(combined, starts, si);
      const rs0 = cueOffset(raw, hs0);
      const re0 = cueOffset(raw, he0);
      // a cue about someone else: a relative or others named before it ("his father ... died") unless
      // this mention is that subject; a quotation the person is not in (someone speaking about others)
      cues = cues.filter((c) => {
        if (c.other >= 0) {
          const lead = cueGap(raw, Math.max(0, rs0 - 40), rs0);
          if (!(rs0 >= c.other && re0 <= c.at) && !KIN_OF.test(lead)) return false;
          // "members of the network founded by X were jailed", "associates of the late X were freed"
          if (rs0 >= c.other && re0 <= c.at && COMPLEMENT.test(lead)) return false;
        }
        if (c.after && rs0 < c.at) return false;
        // "X's lawyer was arrested": about the one X's noun names
        // (but "X's wife said he was tortured" is about X)
        if (c.at >= re0 && POSSESSED_OTHER.test(cueGap(raw, re0, c.at)) && !SPEECH.test(cueGap(raw, re0, c.at))) return false;
        if (c.quote && !(rs0 >= c.quote[0] && re0 <= c.quote[1])) return false;
        // "X said the abduction showed ...": reported speech about something else
        if (c.at >= re0 && SPEECH_THEN_OTHER.test(cueGap(raw, re0, c.at))) return false;
        return true;
      });
      // a cue governing a list ("released 123 prisoners, including A and B") reaches every name in it
      const listed = cues.filter(
        (c) =>
          (c.list >= 0 && rs0 >= c.list && !COMPLEMENT.test(cueGap(raw, Math.max(0, rs0 - 40), rs0)) && !POSSESSED_OTHER.test(cueGap(raw, re0, re0 + 40))) ||
          // "A, a reporter, B and C were among 16 prisoners freed": the verb of a plural subject
          (c.at >= re0 && c.list < 0 && PLURAL_SUBJECT.test(cueGap(raw, re0, c.at))),
      );
      // a cue belongs to a mention near it (same clause-sized stretch) ...
      cues = cues.filter((c) => (c.at >= re0 ? c.at - re0 : rs0 - c.at) <= CUE_REACH && !(c.list >= 0 && rs0 >= c.list));
      if (others.length > 0) {
        // ... and to the nearest named person, unless they are listed together ("A and B were detained")
        cues = cues.filter((c) => {
          const mine = c.at >= he0 ? c.at - he0 : hs0 - c.at;
          return others.every((o) => {
            const os = o.s - sStart;
            const oe = o.e - sStart;
            const theirs = c.at >= oe ? c.at - oe : os - c.at;
            if (theirs >= mine) return true;
            const between = o.s >= h.e ? combined.slice(h.e, o.s) : combined.slice(o.e, h.s);
            return LIST_JOIN.test(between);
          });
        });
      }
      for (const c of listed) if (!cues.includes(c)) cues.push(c);
      let { level, cue, time } = levelOf(cues);
      // "She was later released." — the next sentence, when it continues about the same person
      if (si + 1 < starts.length) {
        const nextRaw = sentenceRaw(combined, starts, si + 1);
        // ("They" after a sentence naming one watched person is about a group, not about them)
        const pronoun = others.length === 0 ? /^\s*["“]?(?:he|she|his|her)\b/i : /^\s*["“]?(?:they|their)\b/i;
        if (pronoun.test(nextRaw) && !sentHits.has(si + 1)) {
          const more = levelOf([...cues, ...cuesOf(si + 1).filter((c) => c.other < 0 && !c.quote)]);
          if (more.level !== 'info') ({ level, cue, time } = more);
        }
      }
      if (h.s < textStart && level === 'info') {
        // a name in the headline: the body's first sentence tells what happened
        const lead = sentenceIndex(starts, textStart);
        const more = levelOf(cuesOf(lead).filter((c) => c.other < 0 && !c.quote));
        if (more.level !== 'info') ({ level, cue, time } = more);
      }
      levels.push(level);
      times.push(time);
      if (cue) cueWords.push(cue);
    }
    const urgency = combineLevels(levels, times);
    const si = sentenceIndex(starts, best.s);
    const inTitle = best.s < textStart;
    const reasons = [...best.reasons];
    const ctx = ctxAt(person, best.s);
    if (ctx && !reasons.some((r) => r.includes('context'))) reasons.push(`context word "${ctx}"`);
    if (hs.length > 1) reasons.push(`${hs.length} mentions in the item`);
    if (urgency !== 'info' && cueWords.length) reasons.push(`urgency from "${[...new Set(cueWords)].slice(0, 3).join('", "')}"`);
    mentions.push({
      itemId: item.id,
      personId: idx.persons[person]!.id,
      score: Math.round(best.score * 1000) / 1000,
      urgency,
      evidence: sentenceText(combined, starts, si),
      reasons,
      field: inTitle ? 'title' : 'text',
      start: inTitle ? best.s : best.s - textStart,
      end: inTitle ? best.e : best.e - textStart,
    });
  }
  mentions.sort((a, b) => b.score - a.score || (a.field === b.field ? (a.start ?? 0) - (b.start ?? 0) : a.field === 'title' ? -1 : 1));
  return mentions;
}

/** An English text with fewer than 5 words of rights news (15+ of the commonest words), or none at all (5+). */
function isOffTopic(flags: Int32Array): boolean {
  let english = 0;
  let rights = 0;
  for (let i = 0; i < flags.length; i++) {
    const f = flags[i]!;
    if (f & W_COMMON_ENGLISH) english++;
    else if (f & W_RIGHTS_NEWS) rights++;
  }
  return (english >= 15 && rights < 5) || (english >= 5 && rights === 0);
}

/** A name part, or a misspelt name, of a person named in full elsewhere in the item. */
const NAMED_ELSEWHERE_SCORE = 0.85;
const BURMESE_TITLES: ReadonlySet<string> = new Set(['u', 'daw', 'ko', 'ma', 'maung', 'mg', 'saw', 'naw', 'nang', 'sai', 'ki']);
/** Kinds of complete names: found inside a longer name, they are probably someone else's. */
const LONGER_NAME_KINDS: ReadonlySet<string> = new Set(['full name', 'alias', 'name order reversed', 'name order rotated', 'joined name parts', JOINED_GIVEN_NAMES]);
/** A spelling variant that is not good enough evidence on its own: kept for review, never alerts. */
const WEAK_VARIANT_SCORE = 0.6;
/** Letter pairs that transliterate one vowel ("ee", "ea", "oo"). */
const VOWEL_PAIR = /ee|ea|oo/;
/** A name found only in the headline of another story (related links): kept for review. */
const OTHER_STORY_SCORE = 0.5;
/** A shortened name without the full name or a context word, or a place: review. */
const SHORTENED_SCORE = 0.6;
const PLACE_PREPOSITIONS: ReadonlySet<string> = new Set(['in', 'at', 'from', 'near', 'outside']);
/** Written in lower case after a name: "Кара-Мурза-старший". */
const LOWER_GENERATION_WORDS: ReadonlySet<string> = new Set(['старш', 'старшии', 'старший', 'младш', 'младшии', 'младший', 'snr', 'jnr']);
const OWN_GENERATION = /(?:^|[\s,-])(?:jr|sr|snr|jnr|junior|senior|the elder|the younger|старший|младший)\.?$/i;
const ELDER_WORDS: ReadonlySet<string> = new Set(['elder', 'younger']);
/** Words that make a sentence about a sports match or player (one strong word, or two weak ones). */
const SPORT_STRONG =
  /\b(?:scored|scores|(?<!hunger )striker|(?<!(?:rights|land|environmental|public|women's|peace) )defender|midfielder|goalkeeper|footballer|stoppage time|hat-trick|halftime|half-time|free kick|penalty kick|premier league|champions league|transfer window|red card|yellow card|archery|archer|(?:gold|silver|bronze) medal|medall?ist|championships?|olympics?|olympian|world cup|grand slam|(?:semi|quarter)-?finals?|defending champion|tennis|cricketer|golfer|boxer|wrestler|cyclist|sprinter|marathon|volleyball|basketball|badminton|handball|rugby|squad|captained|national team|sea games|asian games|most valuable player|outside hitter|\d+ points|rebounds|baseball|innings|pitcher|right-hander|left-hander|home runs?|strikeouts?|struck out)\b/;
const SPORT_WEAK = /\b(?:struck|match|league|club|coach|stadium|goals?|season|tournament|fixture|derby|suspended \w+ games)\b/g;
/** Entertainment: an album, a tour, a single, a concert. */
const SHOW_STRONG = /\b(?:album|singer-songwriter|songwriter|box office|hitmaker|sitcom|blockbuster)\b/;
const SHOW_WEAK = /\b(?:tour|single|concert|singer|film|movie|actor|actress|festival|tickets)\b/g;
/** ", 58, former deputy director of the land office": a post in a government office or a company. */
const APPOSITION_OFFICE =
  /^\s*,\s*(?:\d{2,3},\s*)?(?:(?:a|an|the)\s+)?(?:(?:(?:former|ex-|deputy|vice|vice-|acting|then|chief|senior|general)\s*)*(director|chairman|chairwoman|chairperson|head|official|manager|accountant|governor|mayor|minister|secretary|commander|officer|president)\s+of\s+(?:(?:the|a|an)\s+)?(?:[\p{L}'-]+\s+){0,3}?(?:office|department|ministry|committee|bureau|administration|council|company|firm|bank|corporation|police|province|district|municipality)\b|(member|mp|representative)\s+(?:of parliament\s+)?(?:for|from)\s+\p{L}|(?:retired\s+)?(diplomat|ambassador|civil servant|businessman|businesswoman|tycoon))/u;
/** "Economist X", "Rapper X": a profession as a title; like the apposition, it does not outweigh an arrest. */
const PROFESSION_TITLE_BEFORE =
  /\b(economist|analyst|professor|researcher|banker|entrepreneur|investor|actor|actress|singer|rapper|musician|footballer|athlete|coach|chef|comedian|surgeon|architect|engineer)\s+$/;
/** "Chairman X", "Deputy Minister X", "General X": a post written as a title before the name. */
const OFFICE_TITLE_BEFORE =
  /\b(chairman|chairwoman|chairperson|ceo|chief executive|managing director|director general|deputy minister|vice minister|minister|governor|mayor|general|colonel|major general|police chief|prosecutor|judge|ambassador)\s+$/;
/** ", an economics professor at ...": a profession in apposition right after the name. */
const APPOSITION_PROFESSION =
  /^\s*,\s*(?:a|an|the)\s+(?:[\p{L}-]+\s+){0,3}?(professor|lecturer|economist|analyst|banker|businessman|businesswoman|entrepreneur|executive|investor|actor|actress|singer|rapper|musician|footballer|athlete|chef|comedian|surgeon|physician|architect|engineer|broker|trader)\b/u;

function countMatches(re: RegExp, s: string): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(s)) n++;
  return n;
}

const GENERATION_WORDS: ReadonlySet<string> = new Set(['sr', 'snr', 'senior', 'jr', 'jnr', 'junior']);
const QUOTE_OPEN = /^\s*["“‘'«(]\s*$/;
const QUOTE_CLOSE = /^\s*["”’'»)]\s*$/;

/** How far (in characters) from a mention an urgency cue may be. */
const CUE_REACH = 160;
/**
 * Text between two names that makes them one list: ", ", " and ", ", 32, and ", ", two other citizens, and ",
 * ", editor-in-chief " (a role before the next name);
 * the rest of a name around a nickname may be on either side ('"Penguin" Chiwarak and Panusaya "Rung"').
 */
const LIST_JOIN =
  /^\s*["”’']?\s*(?:["“”‘’']?\p{Lu}[\p{L}'-]*["“”‘’']?\s*){0,3}(?:,\s*[^,.;:]{0,40},)?\s*(?:,|and|&|or|as well as|along with)?\s*(?:his wife|her husband)?\s*,?\s*(?:(?:the\s+)?(?:(?!(?:who|whom|which|that|said|says|told|was|were|is|are|has|had|and|or)\b)[\p{Ll}-]+\s+){1,3})?(?:["“”‘’']?\p{Lu}[\p{L}'-]*["“”‘’']?\s*){0,3}["“‘']?\s*$/u;

/** The rest of a plural subject the mention is in, then its verb: ", B and C were among 16 prisoners ". */
const PLURAL_SUBJECT =
  /^(?:(?!\b(?:said|says|told|reported|announced|stated|wrote|added|when|while|after|because|who|whom|which|that|whose|was|is|has)\b)[^.;:!?])*\band\b(?:(?!\b(?:said|says|told|reported|announced|stated|wrote|added|when|while|after|because|who|whom|which|that|whose|was|is|has)\b)[^.;:!?])*\b(?:were|are|have been|had been)(?: (?:all|both|each|also|later|among|then))*(?: \S+){0,3} ?$/;

const SPEECH = /\b(?:said|says|told|reported|fears?|feared|believes?|believed|added|wrote|confirmed)\b/;
/** "'s lawyer", "'s party": the mention is the possessor of someone or something else. */
const POSSESSED_OTHER =
  /^\s*['’]s\s+(?:[\p{L}-]+\s+){0,2}?(?:lawyers?|attorneys?|sons?|daughters?|wife|husband|brothers?|sisters?|father|mother|parents|family|relatives?|nephew|niece|cousin|party|government|supporters|colleagues|aides?|assistant|driver|bodyguards?|staff|office|organi[sz]ation|group|movement|newspaper|website|associates|followers|friends?|co-defendants?|deputy|spokes(?:man|woman|person))\b/u;

/** "the daughter of X said her father ...": the relative named later is X. */
const KIN_OF = /\b(?:son|daughter|wife|husband|mother|father|brother|sister|child|children|family|widow) of\s*$/;

/** The mention completes another noun phrase: "associates of the late X", "the network founded by X". */
const COMPLEMENT =
  /\b(?:(?:associates|allies|supporters|members|relatives|family|families|colleagues|followers|staff|friends|lawyers?|children) of|(?:founded|co-founded|led|headed|run|created|established) by)\s+(?:the\s+)?(?:late\s+)?(?:\S+\s+){0,3}$/;

/** "said the", "told reporters that the": a reported statement whose subject is not the speaker. */
const SPEECH_THEN_OTHER = /\b(?:said|says|told \S+|wrote|added|stated|argued|warned)\s+(?:that\s+)?(?:the|a|an|this|these|those|it)\b/;

/**
 * Cue positions are in the sentence with quote marks removed and whitespace collapsed (sentenceCues);
 * map an offset in the raw sentence to that text.
 */
function cueOffset(raw: string, off: number): number {
  let out = 0;
  let prevSpace = false;
  for (let i = 0; i < off && i < raw.length; i++) {
    const ch = raw[i]!;
    if (ch === '“' || ch === '”' || ch === '"' || ch === '«' || ch === '»' || ch === '„') continue;
    const sp = ch === ' ' || ch === '\n' || ch === '\t' || ch === '\r' || ch === '\u00a0';
    if (sp && prevSpace) continue;
    prevSpace = sp;
    out++;
  }
  return out;
}

function cueGap(raw: string, a: number, b: number): string {
  // the text between mention and cue, in cue coordinates (close enough for a word test)
  return raw.replace(/[“”"«»„]/g, '').replace(/\s+/g, ' ').slice(a, b).toLowerCase();
}

function sentenceRaw(text: string, starts: number[], si: number): string {
  const s = starts[si]!;
  const e = si + 1 < starts.length ? starts[si + 1]! : text.length;
  return text.slice(s, e);
}

/** Combining marks, Khmer coeng and Myanmar virama glue characters into one cluster. */
function isJoining(c: number): boolean {
  return (
    c === 0x17d2 ||
    c === 0x1039 ||
    c === 0x103a ||
    c === 0x200d ||
    (c >= 0x17b4 && c <= 0x17d3) ||
    (c >= 0x0e31 && c <= 0x0e3a && c !== 0x0e32 && c !== 0x0e33) ||
    (c >= 0x0e47 && c <= 0x0e4e) ||
    (c >= 0x0eb1 && c <= 0x0ebc && c !== 0x0eb2 && c !== 0x0eb3) ||
    (c >= 0x0ec8 && c <= 0x0ecd) ||
    (c >= 0x102b && c <= 0x103e) ||
    (c >= 0x3099 && c <= 0x309a)
  );
}

function onGraphemeBoundary(c: string, s: number, e: number): boolean {
  if (isJoining(c.charCodeAt(s))) return false;
  if (s > 0 && (c.charCodeAt(s - 1) === 0x17d2 || c.charCodeAt(s - 1) === 0x1039)) return false;
  if (e < c.length && isJoining(c.charCodeAt(e))) return false;
  if (c.charCodeAt(e - 1) === 0x17d2 || c.charCodeAt(e - 1) === 0x1039) return false;
  return true;
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

/** Is token i directly next to a capitalised word that is not a title or a common word (another person's name)? */
function nextToNameWord(toks: Token[], it: ItemTokens, i: number, checkPrev: boolean): boolean {
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

/**
 * Tokens on Title Case or ALL-CAPS lines (headlines), where capitals say nothing about names. A line,
 * not a stretch between commas: "UN Special Rapporteur Irene Khan, who ..." is body text.
 */
function titleCaseLines(toks: Token[], text: string): Uint8Array {
  const out = new Uint8Array(toks.length);
  let runStart = 0;
  const flush = (end: number) => {
    let cased = 0;
    let up = 0;
    for (let k = runStart; k < end; k++) {
      const t = toks[k]!;
      if (!t.cased || t.t.length < 4) continue;
      cased++;
      if (t.up) up++;
    }
    if (cased >= 3 && up / cased >= 0.8) out.fill(1, runStart, end);
  };
  for (let i = 1; i < toks.length; i++) {
    // (only the gap between the two tokens is read: a search of the text would cost a paragraph per token)
    const s = toks[i]!.s;
    for (let k = toks[i - 1]!.e; k < s; k++) {
      if (text.charCodeAt(k) === 10) {
        flush(i);
        runStart = i;
        break;
      }
    }
  }
  flush(toks.length);
  return out;
}
