/**
 * Text normalisation that keeps offsets into the original string.
 *
 * Every code point is folded on its own (NFKC, case folding, Latin/Greek/Cyrillic diacritics and
 * Arabic short vowels removed, typographic apostrophes and hyphens unified), so a folded token can
 * always be traced back to the characters it came from. Scripts written without spaces (Khmer,
 * Thai, Lao, Myanmar, Tibetan, Chinese, Japanese) are not tokenised: their characters go to a
 * separate "compact" stream (spaces removed) that the substring automaton scans.
 */

import { ASCII_HASH_SEED, asciiHashStep, type WordInfo, type WordTable } from './words.js';

/** Character classes after folding. */
const enum C {
  Other = 0,
  Letter = 1,
  Space = 2,
  Newline = 3,
  Apostrophe = 4,
  Hyphen = 5,
  Ignore = 6,
  NoSpace = 7,
  Dot = 8,
}

interface Folded {
  /** folded text ('' for ignorable) */
  s: string;
  cls: C;
  upper: boolean;
}

const SPECIAL: Record<string, string> = {
  ß: 'ss', ẞ: 'ss', đ: 'd', Đ: 'd', ð: 'd', Ð: 'd', ø: 'o', Ø: 'o', ł: 'l', Ł: 'l', æ: 'ae', Æ: 'ae',
  œ: 'oe', Œ: 'oe', ı: 'i', þ: 'th', Þ: 'th', ħ: 'h', Ħ: 'h', ŧ: 't', ς: 'σ',
  // Arabic letter variants (hamza seats, alef maqsura, teh marbuta, Persian kaf/yeh)
  'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', 'ى': 'ي', 'ة': 'ه', 'ؤ': 'و', 'ئ': 'ي', 'ک': 'ك', 'ی': 'ي',
};

/** Middle dots between the parts of a transcribed foreign name in Chinese and Japanese. */
const NAME_DOTS: ReadonlySet<number> = new Set([0x00b7, 0x30fb, 0x2027, 0xff65, 0x2022]);
/** Case endings written after an apostrophe on proper names in Turkish and Azerbaijani. */
const TURKIC_SUFFIXES: ReadonlySet<string> = new Set(
  'ın in un ün nın nin nun nün ı i u ü yı yi yu yü a e ya ye yə ə da de də ta te dan den dən tan ten la le yla yle nda nde ndan nden ca ce dır dir'.split(' '),
);
const APOSTROPHES = new Set(["'", '’', '‘', 'ʼ', 'ʻ', '´', '`', '′', '＇', 'ʹ']);
const HYPHENS = new Set(['-', '‐', '‑', '‒', '–', '—', '―', '−', '﹣', '－', '⁃']);
const IGNORABLE = new Set(['\u00AD', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u0640']);

/** Marks that are diacritics (dropped); every other mark is part of the letter (kept). */
function isDroppableMark(cp: number): boolean {
  return (
    (cp >= 0x0300 && cp <= 0x036f) ||
    (cp >= 0x1ab0 && cp <= 0x1aff) ||
    (cp >= 0x1dc0 && cp <= 0x1dff) ||
    (cp >= 0x20d0 && cp <= 0x20ff) ||
    (cp >= 0xfe20 && cp <= 0xfe2f) ||
    (cp >= 0x064b && cp <= 0x065f) ||
    cp === 0x0670 ||
    (cp >= 0x06d6 && cp <= 0x06ed)
  );
}

/** Scripts written without spaces between words. */
export function isNoSpaceScript(cp: number): boolean {
  return (
    (cp >= 0x1780 && cp <= 0x17ff) || // Khmer
    (cp >= 0x19e0 && cp <= 0x19ff) || // Khmer symbols
    (cp >= 0x0e00 && cp <= 0x0eff) || // Thai, Lao
    (cp >= 0x1000 && cp <= 0x109f) || // Myanmar
    (cp >= 0xa9e0 && cp <= 0xa9ff) ||
    (cp >= 0xaa60 && cp <= 0xaa7f) ||
    (cp >= 0x0f00 && cp <= 0x0fff) || // Tibetan
    (cp >= 0x3040 && cp <= 0x30ff) || // kana
    (cp >= 0x31f0 && cp <= 0x31ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) || // CJK
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xff66 && cp <= 0xff9f) || // half-width katakana
    (cp >= 0x20000 && cp <= 0x2ffff)
  );
}

const LETTER_RE = /[\p{L}\p{N}\p{M}]/u;
const SPACE_RE = /\s/u;

const cache = new Map<number, Folded>();
const ascii: Folded[] = [];

function computeFold(cp: number): Folded {
  const ch = String.fromCodePoint(cp);
  if (ch === '\n' || ch === '\r' || ch === '\u2028' || ch === '\u2029') return { s: ' ', cls: C.Newline, upper: false };
  if (ch === '\u200B') return { s: '', cls: C.Space, upper: false };
  if (SPACE_RE.test(ch)) return { s: ' ', cls: C.Space, upper: false };
  if (IGNORABLE.has(ch)) return { s: '', cls: C.Ignore, upper: false };
  if (APOSTROPHES.has(ch)) return { s: "'", cls: C.Apostrophe, upper: false };
  if (HYPHENS.has(ch)) return { s: '-', cls: C.Hyphen, upper: false };
  if (ch === '.') return { s: '.', cls: C.Dot, upper: false };
  if (isNoSpaceScript(cp)) {
    const n = ch.normalize('NFKC');
    return { s: n, cls: C.NoSpace, upper: false };
  }
  if (!LETTER_RE.test(ch)) {
    const n = ch.normalize('NFKC');
    // e.g. full-width letters fold to ASCII letters
    if (n !== ch && n.length > 0 && [...n].every((c) => LETTER_RE.test(c))) return computeFoldString(n, ch);
    return { s: n, cls: C.Other, upper: false };
  }
  return computeFoldString(ch, ch);
}

function computeFoldString(src: string, orig: string): Folded {
  const upper = orig !== orig.toLowerCase();
  let out = '';
  for (const c of src.normalize('NFKC')) {
    const sp = SPECIAL[c];
    if (sp !== undefined) {
      out += sp;
      continue;
    }
    for (const d of c.normalize('NFD')) {
      const dcp = d.codePointAt(0)!;
      if (isDroppableMark(dcp)) continue;
      const low = d.toLowerCase();
      for (const l of low) {
        const lcp = l.codePointAt(0)!;
        if (isDroppableMark(lcp)) continue;
        out += SPECIAL[l] ?? l;
      }
    }
  }
  out = out.normalize('NFC');
  return { s: out, cls: out === '' ? C.Ignore : C.Letter, upper };
}

for (let i = 0; i < 128; i++) ascii.push(computeFold(i));
const ASCII_WORD = new Uint8Array(128);
for (let i = 0; i < 128; i++) ASCII_WORD[i] = /[A-Za-z0-9]/.test(String.fromCharCode(i)) ? 1 : 0;

export function foldCp(cp: number): Folded {
  if (cp < 128) return ascii[cp]!;
  let f = cache.get(cp);
  if (f === undefined) {
    f = computeFold(cp);
    if (cache.size < 50_000) cache.set(cp, f);
  }
  return f;
}

/** Fold a whole string (for names, aliases and context words): letters and digits only, spaces between words. */
export function foldString(s: string): string {
  let out = '';
  for (const ch of s) {
    const f = foldCp(ch.codePointAt(0)!);
    out += f.cls === C.Letter || f.cls === C.NoSpace ? f.s : f.cls === C.Ignore || f.cls === C.Apostrophe ? '' : ' ';
  }
  return out.replace(/\s+/g, ' ').trim();
}

/** Gap kinds between two tokens. */
export const GAP_SPACE = 0; // whitespace, at most one line break
export const GAP_HYPHEN = 1; // letter-hyphen-letter
export const GAP_DOT = 2; // "Mr. X": a dot then whitespace
export const GAP_BREAK = 3; // any other punctuation, paragraph break, start of text

export interface Token {
  /** folded text */
  t: string;
  /** offsets into the original string, end exclusive */
  s: number;
  e: number;
  /** first letter upper case in the original */
  up: boolean;
  /** every cased letter upper case (ALL-CAPS), and at least two letters */
  allUp: boolean;
  /** the token has cased letters at all (Latin, Cyrillic, Greek ...) */
  cased: boolean;
  /** gap before this token */
  gap: number;
  /** the word's record, when tokenise() was given a WordTable and the word took the ASCII fast path */
  w: WordInfo | undefined;
}

export interface Tokenised {
  tokens: Token[];
  /** characters of space-less scripts, spaces removed; '\u0000' separates runs */
  compact: string;
  /** original offset of each UTF-16 unit of `compact` */
  compactOffs: number[];
  hasNoSpace: boolean;
}

/**
 * Split a text into folded word tokens, keeping original offsets.
 * - apostrophes inside words are dropped (O'Brien = OBrien); a possessive 's is removed (Sokha's)
 * - hyphens split words (the gap records it); a hyphen at a line end followed by a lower-case
 *   letter joins the word (hyphenation: "Cham-\nroeun")
 *
 * With a WordTable, plain ASCII words (most of an English item) are looked up while scanning, from
 * a hash computed on the fly: a word seen before costs no substring, lower-casing or string hashing.
 */
export function tokenise(text: string, words?: WordTable): Tokenised {
  const tokens: Token[] = [];
  let compact = '';
  const compactOffs: number[] = [];
  let hasNoSpace = false;

  let cur = '';
  let curStart = -1;
  let curEnd = -1;
  let curUp = false;
  let curAllUp = true;
  let curCased = false;
  let curLetters = 0;
  let gap = GAP_BREAK;
  let newlines = 0;
  let pendingHyphen = false;
  let pendingDot = false;

  const flush = () => {
    if (cur !== '') {
      tokens.push({ t: cur, s: curStart, e: curEnd, up: curUp, allUp: curCased && curAllUp && curLetters > 1, cased: curCased, gap, w: undefined });
      cur = '';
      gap = GAP_SPACE;
      newlines = 0;
      pendingHyphen = false;
      pendingDot = false;
    }
  };
  const breakGap = () => {
    flush();
    gap = GAP_BREAK;
  };

  const n = text.length;
  let i = 0;
  while (i < n) {
    const c0 = text.charCodeAt(i);
    // fast path: a run of ASCII letters/digits starting a token
    if (cur === '' && c0 < 128 && ASCII_WORD[c0] === 1) {
      // one pass: extent, case and the hash of the lower-cased word
      let hasUpper = c0 >= 65 && c0 <= 90;
      let hasLower = c0 >= 97 && c0 <= 122;
      let h = asciiHashStep(ASCII_HASH_SEED, hasUpper ? c0 + 32 : c0);
      let j = i + 1;
      while (j < n) {
        const cj = text.charCodeAt(j);
        if (cj >= 128 || ASCII_WORD[cj] !== 1) break;
        if (cj >= 97) hasLower = true;
        else if (cj >= 65) hasUpper = true;
        h = asciiHashStep(h, cj >= 65 && cj <= 90 ? cj + 32 : cj);
        j++;
      }
      const nx = j < n ? text.charCodeAt(j) : 32;
      // only when the run ends in something simple (space, punctuation other than ' - .)
      if (nx < 128 && ASCII_WORD[nx] !== 1 && nx !== 39 && nx !== 45) {
        if (tokens.length > 0 && gap !== GAP_BREAK) {
          if (pendingHyphen) gap = GAP_HYPHEN;
          else if (pendingDot) gap = GAP_DOT;
          else if (newlines >= 2) gap = GAP_BREAK;
        }
        let w: WordInfo | undefined;
        let low: string;
        if (words !== undefined) {
          w = words.ascii(text, i, j, h);
          low = w.word;
        } else {
          const raw = text.slice(i, j);
          low = hasUpper ? raw.toLowerCase() : raw;
        }
        const up = c0 >= 65 && c0 <= 90;
        const hasAlpha = hasUpper || hasLower;
        tokens.push({ t: low, s: i, e: j, up, allUp: hasAlpha && !hasLower && j - i > 1, cased: hasAlpha, gap, w });
        gap = GAP_SPACE;
        newlines = 0;
        pendingHyphen = false;
        pendingDot = false;
        i = j;
        if (nx === 46) {
          // "Mr. X" / "H.E. X": a dot followed by whitespace or a letter keeps a soft gap
          const n2 = j + 1 < n ? text.charCodeAt(j + 1) : 0;
          if (n2 === 32 || n2 === 10 || n2 === 9 || n2 === 0xa0 || (n2 < 128 ? ASCII_WORD[n2] === 1 && n2 > 57 : foldCp(n2).cls === C.Letter)) pendingDot = true;
          else gap = GAP_BREAK;
          i = j + 1;
        }
        continue;
      }
    }
    const cp = c0 >= 0xd800 && c0 <= 0xdbff ? text.codePointAt(i)! : c0;
    const w = cp > 0xffff ? 2 : 1;
    const f = foldCp(cp);
    switch (f.cls) {
      case C.Letter: {
        if (cur === '') {
          if (tokens.length > 0 && gap !== GAP_BREAK) {
            if (pendingHyphen) gap = GAP_HYPHEN;
            else if (pendingDot) gap = GAP_DOT;
            else if (newlines >= 2) gap = GAP_BREAK;
          }
          curStart = i;
          curUp = f.upper;
          curAllUp = true;
          curCased = false;
          curLetters = 0;
        }
        cur += f.s;
        curEnd = i + w;
        curLetters++;
        const ch = text[i]!;
        if (ch.toLowerCase() !== ch.toUpperCase() || f.upper) {
          curCased = true;
          if (!f.upper) curAllUp = false;
        }
        break;
      }
      case C.Apostrophe: {
        if (cur !== '') {
          // possessive: 's / ’s followed by a non-letter
          const nx = text.codePointAt(i + 1);
          if (nx !== undefined && (nx === 0x73 || nx === 0x53)) {
            const after = text.codePointAt(i + 2);
            if (after === undefined || foldCp(after).cls !== C.Letter) {
              flush();
              i += 2;
              continue;
            }
          }
          // Turkish and Azerbaijani case endings after a name: "Kavala'nın", "Dündar'a", "KAVALA'YA"
          if (curUp) {
            let j = i + 1;
            while (j < n && j - i <= 5 && /\p{L}/u.test(text[j]!)) j++;
            if (j - i >= 2 && j - i <= 5 && (j >= n || !/\p{L}/u.test(text[j]!)) && TURKIC_SUFFIXES.has(text.slice(i + 1, j).toLocaleLowerCase('tr'))) {
              flush();
              i = j;
              continue;
            }
          }
          if (nx !== undefined && foldCp(nx).cls === C.Letter) break; // O'Brien: join
        }
        breakGap();
        break;
      }
      case C.Hyphen: {
        if (cur !== '') {
          // line-end hyphenation: "Cham-\nroeun" (next letter lower case) joins
          let j = i + 1;
          let sawNl = false;
          while (j < n && (text[j] === ' ' || text[j] === '\t' || text[j] === '\r' || text[j] === '\n')) {
            if (text[j] === '\n') sawNl = true;
            j++;
          }
          if (sawNl && j < n) {
            const nf = foldCp(text.codePointAt(j)!);
            if (nf.cls === C.Letter && !nf.upper && /\p{Ll}/u.test(text[j]!)) {
              i = j;
              continue;
            }
          }
          const nx = text.codePointAt(i + 1);
          if (nx !== undefined && foldCp(nx).cls === C.Letter) {
            flush();
            pendingHyphen = true;
            break;
          }
        }
        breakGap();
        break;
      }
      case C.Space:
        flush();
        break;
      case C.Newline:
        flush();
        if (text[i] === '\n' || text[i] !== '\r') newlines++;
        break;
      case C.Dot: {
        if (cur !== '') {
          // "Mr. X" / "H.E. X": a dot followed by whitespace keeps a soft gap
          const nx = text[i + 1];
          flush();
          if (nx === ' ' || nx === '\n' || nx === '\t' || nx === '\u00A0') {
            pendingDot = true;
          } else if (nx !== undefined && foldCp(nx.codePointAt(0)!).cls === C.Letter) {
            pendingDot = true; // H.E. — dot between letters
          } else gap = GAP_BREAK;
        } else if (pendingDot) {
          gap = GAP_BREAK;
        } else breakGap();
        break;
      }
      case C.Ignore:
        break;
      case C.NoSpace: {
        breakGap();
        hasNoSpace = true;
        for (let k = 0; k < f.s.length; k++) {
          compact += f.s[k];
          compactOffs.push(i);
        }
        i += w;
        // spaces / ZWSP between two no-space characters are skipped in the compact stream
        let j = i;
        while (j < n) {
          const c2 = text.codePointAt(j)!;
          const f2 = foldCp(c2);
          // (and the middle dot inside a transcribed foreign name: "伊力哈木·土赫提", "アウン・サン")
          if (f2.cls === C.Space || f2.cls === C.Ignore || NAME_DOTS.has(c2) || (f2.cls === C.Newline && text[j] !== '\n')) j += c2 > 0xffff ? 2 : 1;
          else if (f2.cls === C.Newline) j++;
          else break;
        }
        if (j < n && foldCp(text.codePointAt(j)!).cls === C.NoSpace) {
          i = j;
        } else {
          compact += '\u0000';
          compactOffs.push(i);
        }
        continue;
      }
      default:
        breakGap();
    }
    i += w;
  }
  flush();
  return { tokens, compact, compactOffs, hasNoSpace };
}

/** Fold a string for the no-space automaton: folded characters, all spaces and joiners removed. */
export function compactFold(s: string): string {
  let out = '';
  for (const ch of s) {
    const f = foldCp(ch.codePointAt(0)!);
    if (f.cls === C.NoSpace || f.cls === C.Letter) out += f.s;
  }
  return out;
}

export function hasNoSpaceChars(s: string): boolean {
  for (const ch of s) if (isNoSpaceScript(ch.codePointAt(0)!)) return true;
  return false;
}
