/**
 * What every matching stage reads about one item: its text (title and body joined), its tokens, the
 * watched persons' context words found in it, its sentences and its headline lines. Built once per
 * item; the stages add hits, never change it.
 */
import type { MatchableItem } from './types.js';
import { ItemTokens, titleCaseLines } from './item-tokens.js';
import type { WatchIndex } from './index-build.js';
import { COUNTRY_WORDS, LOCATIVES } from './lexicon.js';
import { contextKeys } from './names.js';
import { tokenise, type Token, type Tokenised } from './normalise.js';
import { sentenceIndex, sentenceStarts } from './sentences.js';
import { W_CONTEXT, W_FREQUENT, W_FUNCTION, W_WEAK } from './words.js';

/** A watched name found in the item, with how surely it is that person. */
export interface Hit {
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

/** A shortened name without the full name or a context word, a place, a namesake: review. */
export const SHORTENED_SCORE = 0.6;
/** A name found only in the headline of another story (related links): kept for review. */
export const OTHER_STORY_SCORE = 0.5;

export class ItemScan {
  /** title, a blank line, then the body: one text, so that offsets and sentences span both */
  readonly text: string;
  /** offset of the body in `text` */
  readonly textStart: number;
  readonly tokenised: Tokenised;
  readonly toks: Token[];
  readonly it: ItemTokens;
  /** tokens on headline-like lines, where capitals say nothing about names */
  readonly titleCase: Uint8Array;
  /** persons with a context word that counts anywhere in the item -> that word */
  readonly ctxPersons = new Map<number, string>();
  /** persons with only common-noun context words -> [offset, word], which count in their sentence only */
  readonly weakCtx = new Map<number, [number, string][]>();
  /** context words the item uses as places ("in Ashulia", "tỉnh Nghệ An"), lower case */
  readonly placeWords = new Set<string>();
  /** persons whose context words in the item are all places: local news names many people of a place */
  readonly placeOnly = new Set<number>();
  private starts: number[] | null = null;

  constructor(
    readonly idx: WatchIndex,
    item: MatchableItem,
  ) {
    const title = item.title ?? '';
    this.text = title ? `${title}\n\n${item.text ?? ''}` : (item.text ?? '');
    this.textStart = title ? title.length + 2 : 0;
    this.tokenised = tokenise(this.text, idx.words);
    this.toks = this.tokenised.tokens;
    this.it = new ItemTokens(idx, this.toks, isLowerCaseText(this.toks), this.text);
    this.titleCase = titleCaseLines(this.toks, this.text);
    this.findContextWords();
  }

  /**
   * Context words of watched persons present in the item. A bare country name ("Egypt") is too
   * common in news to say which of a country's people is meant: it licenses nothing. A common noun
   * ("journalist") licenses a name only in its own sentence: most items about one journalist name others.
   */
  private findContextWords(): void {
    const { idx, it, toks } = this;
    if (idx.context.size === 0) return;
    /** person -> context words found, and whether each is used as a place somewhere in the item */
    const found = new Map<number, Map<string, boolean>>();
    const weakFound = new Set<number>();
    for (let i = 0; i < toks.length; i++) {
      if (!(it.flags[i]! & W_CONTEXT)) continue;
      const l = idx.context.get(it.keys[i]!);
      if (!l) continue;
      for (const c of l) {
        if (c.keys.length === 1 && COUNTRY_WORDS.has(c.keys[0]!)) continue;
        let ok = true;
        for (let k = 1; k < c.keys.length && ok; k++) if (it.keys[i + k] !== c.keys[k]) ok = false;
        // a proper noun that is also a common word ("Pará", "para") counts only with its capital; others
        // may be written in lower case ("la lideresa q'eqchi'")
        if (!ok || (!c.weak && !it.capsOk[i] && it.flags[i]! & (W_FREQUENT | W_FUNCTION | W_WEAK))) continue;
        const word = c.keys.join(' ');
        if (!c.weak) {
          // ("from Rappler's reporting": an organisation's, not a place)
          const end = toks[i + c.keys.length - 1]!.e;
          const place =
            // ("du CNRP": an acronym is an organisation)
            (i > 0 && LOCATIVES.has(it.keys[i - 1]!) && !toks[i]!.allUp && !/^['’]s\b/.test(this.text.slice(end, end + 3))) ||
            // a dateline: "CONAKRY, 28 août 2025 —", "Addis Ababa, September 11 (AFP) -"
            ((i === 0 || this.text.slice(toks[i - 1]!.e, toks[i]!.s).includes('\n')) && DATELINE.test(this.text.slice(end, end + 40)));
          let words = found.get(c.person);
          if (!words) found.set(c.person, (words = new Map()));
          words.set(word, (words.get(word) ?? false) || place);
        }
        else weakFound.add(c.person);
        if (this.ctxPersons.has(c.person)) continue;
        if (!c.weak) this.ctxPersons.set(c.person, word);
        else {
          const w = this.weakCtx.get(c.person);
          if (w) w.push([toks[i]!.s, word]);
          else this.weakCtx.set(c.person, [[toks[i]!.s, word]]);
        }
      }
    }
    for (const p of this.ctxPersons.keys()) this.weakCtx.delete(p);
    for (const [p, words] of found) {
      let all = true;
      for (const [word, place] of words) {
        if (place) this.placeWords.add(word);
        else all = false;
      }
      if (all && !weakFound.has(p)) this.placeOnly.add(p);
    }
  }

  /** Sentence start offsets in `text`, found on first use. */
  get sentenceStarts(): number[] {
    return (this.starts ??= sentenceStarts(this.text));
  }

  /** Index of the sentence holding offset `at`. */
  sentenceAt(at: number): number {
    return sentenceIndex(this.sentenceStarts, at);
  }

  /** Sentence `si` as written. */
  sentence(si: number): string {
    const starts = this.sentenceStarts;
    return this.text.slice(starts[si]!, si + 1 < starts.length ? starts[si + 1]! : this.text.length);
  }

  /** Does the item hold any of the person's context words (anywhere, or in some sentence)? */
  hasContext(person: number): boolean {
    return this.ctxPersons.has(person) || this.weakCtx.has(person);
  }

  /** The person's context word that supports a name at offset `at`: anywhere in the item, or in its sentence if weak. */
  ctxAt(person: number, at: number): string | undefined {
    const strong = this.ctxPersons.get(person);
    if (strong !== undefined || this.weakCtx.size === 0) return strong;
    const w = this.weakCtx.get(person);
    if (!w) return undefined;
    const si = this.sentenceAt(at);
    for (const [off, word] of w) if (this.sentenceAt(off) === si) return word;
    return undefined;
  }

  /**
   * Does this lower-cased sentence hold one of the person's context words (as typed, any kind)? Not a
   * country ("Ethiopia" in "the Great Ethiopian Run"), which says nothing of who is meant, nor a word
   * the item uses as a place.
   */
  contextIn(person: number, lower: string): boolean {
    for (const [typed, keys] of this.contextOf(person)) if (lower.includes(typed) && !this.placeWords.has(keys)) return true;
    return false;
  }

  private readonly contexts = new Map<number, [typed: string, keys: string][]>();
  private contextOf(person: number): [string, string][] {
    let l = this.contexts.get(person);
    if (!l) {
      l = [];
      for (const c of this.idx.persons[person]!.context ?? []) {
        const keys = contextKeys(c);
        if (c.length > 0 && !(keys.length === 1 && COUNTRY_WORDS.has(keys[0]!))) l.push([c.toLowerCase(), keys.join(' ')]);
      }
      this.contexts.set(person, l);
    }
    return l;
  }
}

/** After a place at the start of a line: a date, or a news agency, then a dash. */
const DATELINE = /^\s*(?:\([^)]{1,30}\))?\s*,\s*(?:\d{1,2}\s+\p{L}+|\p{L}+\.?\s+\d{1,2})\b|^\s*(?:\([A-Z]{2,8}\))?\s*[—–-]\s/u;

/** A text written almost all in lower case (chat, some feeds): capitals cannot be asked of names there. */
function isLowerCaseText(toks: Token[]): boolean {
  let capital = 0;
  let cased = 0;
  for (const t of toks) {
    if (!t.cased) continue;
    cased++;
    if (t.up) capital++;
  }
  return cased > 20 && capital / cased < 0.02;
}
