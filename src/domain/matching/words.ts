/**
 * Everything the matcher needs to know about one folded word, computed once per distinct word.
 *
 * A 3 KB item has ~500 tokens, and each used to cost half a dozen string-keyed Set/Map lookups
 * (variant key, vocabulary, function words, particles, honorifics, context words ...), several of
 * them repeated by the neighbour walks. News vocabulary repeats heavily across items, so one memo
 * lookup per token returning a precomputed record (key, term id, bit flags) replaces them all.
 * The record is a pure function of the word and the watchlist, so memoising changes no result.
 */
import { COMMON_WORDS, FREQUENT_WORDS, FUNCTION_WORDS, HONORIFICS, HYPHEN_PARTICLES, NAME_VARIANT_KEY, PARTICLES, RIGHTS_STEMS, RIGHTS_WORDS } from './lexicon.js';
import { CONNECTORS, tokenKey } from './names.js';

/** The key is a function word ("the", "said"). */
export const W_FUNCTION = 1;
/** The word is a particle that may be absent from a name (al, de, van ...). */
export const W_PARTICLE = 2;
/** The word is a particle only when hyphen-attached (ash-Shami). */
export const W_HYPHEN_PARTICLE = 4;
/** The key is a connector written in lower case inside names (bin, van ...). */
export const W_CONNECTOR = 8;
/** The word itself is a one-word honorific (Mr, Dr, Lok ...). */
export const W_HONORIFIC = 16;
/** The key is an honorific. */
export const W_HONORIFIC_KEY = 32;
/** A part made of this key needs a title: short, a common word or a very common given name. */
export const W_WEAK = 64;
/** The key starts some person's context phrase. */
export const W_CONTEXT = 128;
/** The key contains a digit. */
export const W_DIGIT = 256;
/** The key starts with a digit. */
export const W_DIGIT_START = 512;
/** The word is the second word of a two-word honorific ("H.E.", "Lok Chumteav"). */
export const W_HONORIFIC_2ND = 1024;
/** The key is a very common given name with many spellings (Mohammed, Ahmed, Alexei ...). */
export const W_COMMON_GIVEN = 2048;
/** The key is one of the commonest function words of a language with listed rights words (FREQUENT_WORDS). */
export const W_FREQUENT = 4096;
/** The key is a word of rights news (arrested, court, journalist ...). */
export const W_RIGHTS_NEWS = 8192;

export interface WordInfo {
  /** the folded word itself (shared: tokens of known ASCII words reuse it instead of slicing) */
  readonly word: string;
  /** tokenKey of the word: the form it is indexed and looked up under */
  readonly key: string;
  /** watched term id of the key, or -1 */
  readonly term: number;
  readonly flags: number;
}

const COMMON_GIVEN_KEYS: ReadonlySet<string> = new Set(NAME_VARIANT_KEY.values());
const HONORIFIC_SECOND: ReadonlySet<string> = new Set([...HONORIFICS].filter((h) => h.includes(' ')).map((h) => h.slice(h.lastIndexOf(' ') + 1)));

/** Bounded so that a stream of novel words (numbers, typos) cannot grow it without limit. */
const MAX_MEMO = 200_000;

/**
 * Hash of a lower-cased ASCII word, one character at a time (FNV-1a); tokenise() computes it while
 * scanning, so looking a word up needs neither a substring nor a string hash.
 */
export const ASCII_HASH_SEED = 0x811c9dc5 | 0;
export function asciiHashStep(h: number, lowerCode: number): number {
  return Math.imul(h ^ lowerCode, 0x01000193);
}

export class WordTable {
  private memo = new Map<string, WordInfo>();
  /** open addressing over `entries` for ASCII words, keyed by asciiHash */
  private slots = new Int32Array(1 << 14).fill(-1);
  private entries: WordInfo[] = [];
  private entryHash: number[] = [];

  constructor(
    private readonly vocab: ReadonlyMap<string, number>,
    private readonly contextFirst: ReadonlyMap<string, unknown>,
  ) {}

  info(t: string): WordInfo {
    let w = this.memo.get(t);
    if (w === undefined) {
      w = this.compute(t);
      if (this.memo.size >= MAX_MEMO) this.memo.clear();
      this.memo.set(t, w);
    }
    return w;
  }

  /**
   * The record of the ASCII word text[s..e) folded to lower case, `hash` being its asciiHash.
   * Only a word not seen before costs a substring (and then the ordinary lookup).
   */
  ascii(text: string, s: number, e: number, hash: number): WordInfo {
    const slots = this.slots;
    const mask = slots.length - 1;
    let p = hash & mask;
    for (let id = slots[p]!; id >= 0; id = slots[p]!) {
      if (this.entryHash[id] === hash) {
        const w = this.entries[id]!;
        if (sameAsciiFolded(w.word, text, s, e)) return w;
      }
      p = (p + 1) & mask;
    }
    const w = this.info(text.slice(s, e).toLowerCase());
    if (this.entries.length >= MAX_MEMO) {
      this.entries = [];
      this.entryHash = [];
      this.slots = new Int32Array(1 << 14).fill(-1);
    } else if (this.entries.length * 2 >= slots.length) this.grow();
    this.put(w, hash);
    return w;
  }

  private put(w: WordInfo, hash: number): void {
    const mask = this.slots.length - 1;
    let p = hash & mask;
    while (this.slots[p]! >= 0) p = (p + 1) & mask;
    this.slots[p] = this.entries.length;
    this.entries.push(w);
    this.entryHash.push(hash);
  }

  private grow(): void {
    const entries = this.entries;
    const hashes = this.entryHash;
    this.slots = new Int32Array(this.slots.length * 2).fill(-1);
    this.entries = [];
    this.entryHash = [];
    for (let i = 0; i < entries.length; i++) this.put(entries[i]!, hashes[i]!);
  }

  private compute(t: string): WordInfo {
    const key = tokenKey(t);
    let term = this.vocab.get(key);
    // Arabic conjunction prefix: ومحمد = و + محمد
    if (term === undefined && key.length > 3 && key.charCodeAt(0) === 0x0648) term = this.vocab.get(tokenKey(key.slice(1)));
    let flags = 0;
    if (FUNCTION_WORDS.has(key)) flags |= W_FUNCTION;
    if (PARTICLES.has(t)) flags |= W_PARTICLE;
    if (HYPHEN_PARTICLES.has(t)) flags |= W_HYPHEN_PARTICLE;
    if (CONNECTORS.has(key)) flags |= W_CONNECTOR;
    if (HONORIFICS.has(t)) flags |= W_HONORIFIC;
    if (HONORIFICS.has(key)) flags |= W_HONORIFIC_KEY;
    if (HONORIFIC_SECOND.has(t)) flags |= W_HONORIFIC_2ND;
    if (key.length <= 3 || COMMON_WORDS.has(key) || FUNCTION_WORDS.has(key) || COMMON_GIVEN_KEYS.has(key)) flags |= W_WEAK;
    if (COMMON_GIVEN_KEYS.has(key)) flags |= W_COMMON_GIVEN;
    if (FREQUENT_WORDS.has(key)) flags |= W_FREQUENT;
    else if (RIGHTS_WORDS.has(key) || RIGHTS_STEMS.test(key)) flags |= W_RIGHTS_NEWS;
    if (this.contextFirst.has(key)) flags |= W_CONTEXT;
    if (/\d/.test(key)) flags |= W_DIGIT;
    if (/^\d/.test(key)) flags |= W_DIGIT_START;
    return { word: t, key, term: term ?? -1, flags };
  }
}

/** Is `word` the lower-cased form of the ASCII text[s..e)? */
function sameAsciiFolded(word: string, text: string, s: number, e: number): boolean {
  if (word.length !== e - s) return false;
  for (let k = 0; k < word.length; k++) {
    let c = text.charCodeAt(s + k);
    if (c >= 65 && c <= 90) c += 32;
    if (c !== word.charCodeAt(k)) return false;
  }
  return true;
}
