/**
 * One item's tokens as the matcher reads them: a word-table lookup per token, then flags, term ids,
 * spelling variants and name-shape tests (titles, particles, quoted nicknames) over them.
 */
import { editBudget, osaDistance } from './fuzzy.js';
import { arabicConsonants, cyrillicSkeleton } from './cross-script.js';
import { WatchIndex, vowelKey, type FuzzyHit } from './index-build.js';
import { HONORIFICS } from './lexicon.js';
import { GAP_BREAK, GAP_HYPHEN, GAP_SPACE, type Token } from './normalise.js';
import { W_DIGIT, W_FUNCTION, W_HONORIFIC, W_HONORIFIC_2ND, W_HYPHEN_PARTICLE, W_PARTICLE } from './words.js';

export const NO_FUZZY: FuzzyHit[] = [];

/** Letters of the Slavic languages written in Latin letters, which decline names. */
const SLAVIC_LETTERS = /[ąęłśżźćńřěůďťňčšžđ]/i;
/** Their case endings on names, folded, longest first. */
const SLAVIC_ENDINGS = ['owi', 'ami', 'ach', 'em', 'om', 'ie', 'a', 'u', 'y', 'i', 'e'];
/** Letter pairs that transliterate one vowel ("ee", "ea", "oo"). */
const VOWEL_PAIR = /ee|ea|oo/;
const QUOTE_OPEN = /^\s*["“‘'«(]\s*$/;
const QUOTE_CLOSE = /^\s*["”’'»)]\s*$/;

/** Per-item token state: one word-table lookup per token, then flags and term ids only. */
export class ItemTokens {
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
    if (SLAVIC_LETTERS.test(text)) this.undecline();
  }

  /**
   * Polish, Czech, Slovak, Croatian texts decline names written in Latin letters ("Andrzeja Poczobuta",
   * "Poczobutowi"): a capitalised word that is a watched part plus a case ending is that part.
   */
  private undecline(): void {
    for (let i = 0; i < this.toks.length; i++) {
      const k = this.keys[i]!;
      if (this.exact[i]! >= 0 || !this.toks[i]!.up || k.length < 5) continue;
      for (const e of SLAVIC_ENDINGS) {
        if (k.length - e.length < 4 || !k.endsWith(e)) continue;
        const term = this.idx.words.info(k.slice(0, -e.length)).term;
        if (term >= 0) {
          this.exact[i] = term;
          break;
        }
      }
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

  /**
   * Is token i the surname of a name written the way case lists write it, "MANSOOR, Ahmed – poet":
   * an ALL-CAPS word first on its line, a comma, then a capitalised given name?
   */
  invertedAt(i: number): boolean {
    const t = this.toks[i]!;
    const n = this.toks[i + 1];
    if (n === undefined || !t.allUp || t.t.length < 2 || !n.up || n.allUp) return false;
    if (!/^\s*,[ \t]*$/.test(this.text.slice(t.e, n.s))) return false;
    return i === 0 || this.text.slice(this.toks[i - 1]!.e, t.s).includes('\n');
  }

  /** Next name token after i within the same name (skipping particles), or -1. */
  next(i: number): number {
    let j = i + 1;
    while (j < this.toks.length) {
      const g = this.toks[j]!.gap;
      // 'Panusaya "Rung" Sithijirawattanakul': past a quoted nickname inside the name
      if (g !== GAP_SPACE && g !== GAP_HYPHEN) {
        if (j !== i + 1) return -1;
        if (this.invertedAt(i)) return j;
        return this.quotedNickname(j) ? j + 1 : -1;
      }
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
      if (g !== GAP_SPACE && g !== GAP_HYPHEN) {
        if (j !== i) return -1;
        if (j >= 1 && this.invertedAt(j - 1)) return j - 1;
        return j >= 2 && this.quotedNickname(j - 1) ? j - 2 : -1;
      }
      j--;
      if (j < 0) return -1;
      if (this.particleAt(j)) continue;
      return j;
    }
  }
}

/**
 * Tokens on Title Case or ALL-CAPS lines (headlines), where capitals say nothing about names. A line,
 * not a stretch between commas: "UN Special Rapporteur Irene Khan, who ..." is body text.
 */
export function titleCaseLines(toks: Token[], text: string): Uint8Array {
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

