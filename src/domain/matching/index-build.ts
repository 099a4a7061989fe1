/**
 * The index built once per watchlist version. Its size grows with the watchlist; the work per item
 * does not: each text token costs one hash lookup (plus, for capitalised unknown words of four
 * letters or more, a few dozen deletion-hash lookups), and only the variants anchored on a token
 * that was found are verified.
 */
import { Automaton } from './automaton.js';
import { DeletionIndex, editBudget, forEachDeletion, osaDistance } from './fuzzy.js';
import { JOINED_GIVEN_NAMES, contextKeys, nameParts, nameVariants } from './names.js';
import { arabicConsonants, crossScriptEligible, cyrillicSkeleton, latinConsonants, latinSkeleton } from './cross-script.js';
import type { WatchedPerson } from './types.js';
import { WordTable } from './words.js';

export interface NativeHit {
  person: number;
  score: number;
}

/** Most Latin parts one cross-script skeleton may stand for, for it to be looked up at all. */
const MAX_CROSS_TERMS = 8;
const LATIN_WORD = /^[a-z]+$/;

export interface FuzzyHit {
  term: number;
  dist: number;
}

export class WatchIndex {
  readonly persons: WatchedPerson[];
  /** token key -> term id */
  readonly vocab = new Map<string, number>();
  readonly terms: string[] = [];
  /** per variant */
  readonly vPerson: number[] = [];
  readonly vKeys: number[][] = [];
  readonly vScore: number[] = [];
  readonly vKind: string[] = [];
  readonly vAnchor: number[] = [];
  /**
   * per variant: the key its verification checks first (the part before the anchor, or after it when
   * the anchor is the first part), -1 for one-part variants. Lets matching reject most variants
   * anchored on a word with one integer comparison against the neighbouring token.
   */
  vFirst: Int32Array = new Int32Array(0);
  /** term -> variants anchored on it (arrays indexed by term id: cheaper than Maps at 100k+ terms) */
  readonly anchored: (number[] | undefined)[] = [];
  /** term -> persons having it as a (partial-usable) name part */
  readonly partOwners: (number[] | undefined)[] = [];
  /** person -> its part terms */
  readonly personParts: number[][] = [];
  /**
   * context: first key -> [person, keys, weak]. A weak context word is a common noun as the admin
   * typed it ("journalist", "community radio"): it supports a name only in the same sentence.
   */
  readonly context = new Map<string, { person: number; keys: string[]; weak: boolean }[]>();
  readonly native = new Automaton<NativeHit>();
  readonly deletions: DeletionIndex;
  /** per-word facts (key, term, flags), memoised across items */
  readonly words: WordTable;
  /** fuzzy lookups memoised across items (news vocabulary repeats) */
  private fuzzyCache = new Map<string, FuzzyHit[]>();
  private termLen: Uint8Array = new Uint8Array(0);
  private seen: Int32Array = new Int32Array(0);
  private stamp = 0;

  /** memoised per-term keys, one array per kind of key */
  private readonly vowelKeys: (string | undefined)[] = [];
  private readonly consonantKeys: (string | undefined)[] = [];
  private readonly skeletonKeys: (string | undefined)[] = [];
  /** Latin name parts by cross-script skeleton ('#'-prefixed: Arabic-script consonant skeletons); built on first use */
  private crossScript: Map<string, number[]> | null = null;
  private readonly crossMemo = new Map<string, number[] | null>();

  private termKey(cache: (string | undefined)[], term: number, key: (t: string) => string): string {
    let v = cache[term];
    if (v === undefined) cache[term] = v = key(this.terms[term]!);
    return v;
  }

  /** The term with transliteration vowels folded (vowelKey), memoised. */
  termVowelKey(term: number): string {
    return this.termKey(this.vowelKeys, term, vowelKey);
  }

  /** The term's skeleton for Arabic-script words (cross-script.latinConsonants); '' if it is not a Latin word. */
  termConsonants(term: number): string {
    return this.termKey(this.consonantKeys, term, (t) => (LATIN_WORD.test(t) ? latinConsonants(t) : ''));
  }

  /** The term's skeleton for Cyrillic words (cross-script.latinSkeleton); '' if it is not a Latin word. */
  termSkeleton(term: number): string {
    return this.termKey(this.skeletonKeys, term, (t) => (LATIN_WORD.test(t) ? latinSkeleton(t) : ''));
  }

  /**
   * Latin name parts a Cyrillic or Arabic-script word (a key with no term of its own) may be written
   * for: "Навального" for "navalny", "الشهاب" for "shehab". Several, since skeletons are coarse.
   */
  crossTerms(key: string): number[] | undefined {
    const c0 = key.charCodeAt(0);
    if (c0 < 0x0400 || c0 > 0x06ff) return undefined;
    // built on the first Cyrillic or Arabic-script word: most watchlists never meet one
    this.crossScript ??= this.buildCrossScript();
    let found = this.crossMemo.get(key);
    if (found === undefined) {
      const sk = c0 >= 0x0600 ? arabicConsonants(key) : cyrillicSkeleton(key);
      const all = sk.length >= 3 ? this.crossScript.get(c0 >= 0x0600 ? `#${sk}` : sk) : undefined;
      // a skeleton shared by many parts says little and would verify them all: such a word can still
      // be the other part of a name found from its rarer part (cost(), match.ts)
      found = all && all.length <= MAX_CROSS_TERMS ? all : null;
      // bounded like the word table: a stream of novel words cannot grow it without limit
      if (this.crossMemo.size >= 100_000) this.crossMemo.clear();
      this.crossMemo.set(key, found);
    }
    return found ?? undefined;
  }

  private buildCrossScript(): Map<string, number[]> {
    const out = new Map<string, number[]>();
    const add = (sk: string, id: number) => {
      const l = out.get(sk);
      if (!l) out.set(sk, [id]);
      else if (!l.includes(id)) l.push(id);
    };
    for (let id = 0; id < this.terms.length; id++) {
      const t = this.terms[id]!;
      if (!crossScriptEligible(t)) continue;
      add(latinSkeleton(t), id);
      const cons = latinConsonants(t);
      if (cons.length >= 3) add(`#${cons}`, id);
    }
    return out;
  }

  constructor(persons: WatchedPerson[]) {
    this.persons = persons;
    const termOf = (k: string): number => {
      let id = this.vocab.get(k);
      if (id === undefined) {
        id = this.terms.length;
        this.terms.push(k);
        this.vocab.set(k, id);
      }
      return id;
    };
    const termFreq: number[] = [];
    const pending: { person: number; keys: number[]; score: number; kind: string }[] = [];
    for (let p = 0; p < persons.length; p++) {
      const person = persons[p]!;
      const aliases = person.aliases ?? [];
      const { variants, native } = nameVariants(person.name, aliases);
      for (const v of variants) {
        const keys = v.keys.map(termOf);
        // (a joined-given-names variant repeats the family name: counting it would move the anchors of
        // the person's other variants off their family name)
        if (v.kind !== JOINED_GIVEN_NAMES) for (let i = 0; i < keys.length; i++) if (keys.indexOf(keys[i]!) === i) termFreq[keys[i]!] = (termFreq[keys[i]!] ?? 0) + 1;
        pending.push({ person: p, keys, score: v.score, kind: v.kind });
      }
      for (const n of native) this.native.add(n.text, { person: p, score: n.score });
      const parts = nameParts(person.name, aliases).map(termOf);
      this.personParts.push(parts);
      for (const t of parts) {
        const o = this.partOwners[t];
        if (o) o.push(p);
        else this.partOwners[t] = [p];
      }
      for (const c of person.context ?? []) {
        const keys = contextKeys(c);
        if (keys.length === 0) continue;
        const l = this.context.get(keys[0]!);
        const e = { person: p, keys, weak: !/[\p{Lu}\p{Nd}]/u.test(c) };
        if (l) l.push(e);
        else this.context.set(keys[0]!, [e]);
      }
    }
    // anchor every variant on its rarest part (longer on ties), so a common part ("Mohammed") does
    // not make every item verify thousands of variants
    for (const v of pending) {
      let best = 0;
      for (let i = 1; i < v.keys.length; i++) {
        const a = termFreq[v.keys[i]!] ?? 0;
        const b = termFreq[v.keys[best]!] ?? 0;
        if (a < b || (a === b && this.terms[v.keys[i]!]!.length > this.terms[v.keys[best]!]!.length)) best = i;
      }
      const id = this.vPerson.length;
      this.vPerson.push(v.person);
      this.vKeys.push(v.keys);
      this.vScore.push(v.score);
      this.vKind.push(v.kind);
      this.vAnchor.push(best);
      const t = v.keys[best]!;
      const l = this.anchored[t];
      if (l) l.push(id);
      else this.anchored[t] = [id];
    }
    this.vFirst = new Int32Array(this.vKeys.length);
    for (let v = 0; v < this.vKeys.length; v++) {
      const keys = this.vKeys[v]!;
      const a = this.vAnchor[v]!;
      this.vFirst[v] = a > 0 ? keys[a - 1]! : keys.length > 1 ? keys[1]! : -1;
    }
    // deletion index over the parts long enough to have an edit budget; a joined form of two given
    // names ("frenchiemae") is matched as written only
    const joinedOnly = new Uint8Array(this.terms.length).fill(1);
    for (const v of pending) if (v.kind !== JOINED_GIVEN_NAMES) for (const k of v.keys) joinedOnly[k] = 0;
    const budgetOf = (id: number) => (joinedOnly[id] ? 0 : editBudget(this.terms[id]!.length));
    let expected = 0;
    for (let id = 0; id < this.terms.length; id++) {
      const t = this.terms[id]!;
      const b = budgetOf(id);
      if (b === 1) expected += t.length;
      else if (b === 2) expected += 1 + (t.length * (t.length - 1)) / 2;
    }
    // every (deletion hash, term) pair generated once, written in order, then bucketed
    const pairs = new Uint32Array(2 * expected);
    let count = 0;
    for (let id = 0; id < this.terms.length; id++) {
      const t = this.terms[id]!;
      const b = budgetOf(id);
      if (b === 0) continue;
      forEachDeletion(t, b, (h) => {
        pairs[2 * count] = h;
        pairs[2 * count + 1] = id;
        count++;
      });
    }
    this.deletions = new DeletionIndex(pairs, count);
    this.words = new WordTable(this.vocab, this.context);
    this.termLen = new Uint8Array(this.terms.length);
    for (let id = 0; id < this.terms.length; id++) this.termLen[id] = Math.min(255, this.terms[id]!.length);
    this.seen = new Int32Array(this.terms.length);
  }

  /** Watched name parts within their edit budget of `key` (which is not itself a part). */
  fuzzy(key: string): FuzzyHit[] {
    const cached = this.fuzzyCache.get(key);
    if (cached) return cached;
    const out: FuzzyHit[] = [];
    const len = key.length;
    if (len >= 4 && len <= 40 && this.deletions.size > 0) {
      const stamp = ++this.stamp;
      const seen = this.seen;
      const lens = this.termLen;
      const first = key.charCodeAt(0);
      const del = this.deletions;
      const terms = this.terms;
      forEachDeletion(key, len >= 6 ? 2 : 1, (h) => {
        const [a, b] = del.range(h);
        for (let p = a; p < b; p++) {
          if (del.hashAt(p) !== h) continue;
          const term = del.termAt(p);
          if (seen[term] === stamp) continue;
          seen[term] = stamp;
          const tl = lens[term]!;
          const budget = tl >= 8 ? 2 : tl >= 5 ? 1 : 0;
          if (budget === 0 || Math.abs(tl - len) > budget) continue;
          const t = terms[term]!;
          if (t.charCodeAt(0) !== first) continue;
          const d = osaDistance(key, t, budget);
          if (d >= 1 && d <= budget) out.push({ term, dist: d });
        }
      });
    }
    if (this.fuzzyCache.size > 100_000) this.fuzzyCache.clear();
    this.fuzzyCache.set(key, out);
    return out;
  }
}

/**
 * Transliteration vowels of Arabic, Urdu and Persian names folded: "ee"/"ea" = "i" (Idrees = Idris),
 * "oo" = "u" (Yoosuf = Yusuf). Not "ou": "Mansour" and "Mansoor" stay one edit apart, so the
 * weak-variant rule still needs the person's context for them.
 */
export function vowelKey(k: string): string {
  return k.replace(/ee|ea/g, 'i').replace(/oo/g, 'u');
}
