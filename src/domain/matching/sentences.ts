/** Sentence boundaries in the original text, for evidence and urgency windows. */

const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'mx', 'dr', 'prof', 'st', 'no', 'gen', 'lt', 'col', 'capt', 'sgt', 'rev', 'sr', 'jr',
  'vs', 'etc', 'e', 'h', 'u', 's', 'n', 'nov', 'dec', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep',
  'sept', 'oct', 'hon', 'gov', 'sen', 'rep', 'messrs', 'mme', 'mlle', 'sra', 'sta', 'fig', 'approx', 'ca', 'al',
]);

const MAX_ABBREVIATION = Math.max(...[...ABBREVIATIONS].map((a) => a.length));

const TERMINAL = new Set(['.', '!', '?', '។', '៕', '。', '！', '？', '؟', '।', '॥', '።', '…']);
const CLOSERS = new Set(['"', '”', '’', "'", ')', ']', '»', '」', '』']);

// Character tests with an ASCII fast path: the Unicode RegExp is only consulted above U+007F
// (one RegExp call per character was most of the cost of splitting a 3 KB item).
function isSpace(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return /\s/.test(text[i]!);
}
function isLetter(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  return /[\p{L}]/u.test(text[i]!);
}
function isLower(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return c >= 97 && c <= 122;
  return /\p{Ll}/u.test(text[i]!);
}
function isUpper(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return c >= 65 && c <= 90;
  return /\p{Lu}/u.test(text[i]!);
}
function isDigit(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 48 && c <= 57; // same as /\d/ (ASCII digits only); NaN outside the text
}

/** Returns sorted sentence start offsets (the first is 0); a sentence runs to the next start. */
export function sentenceStarts(text: string): number[] {
  const starts = [0];
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const cc = text.charCodeAt(i);
    // quick reject: only newlines and terminal punctuation matter
    if (cc !== 10 && cc !== 46 && cc !== 33 && cc !== 63 && cc < 0x964) continue;
    const ch = text[i]!;
    if (cc === 10) {
      // paragraph break: a blank line
      let j = i + 1;
      while (j < n && (text[j] === ' ' || text[j] === '\t' || text[j] === '\r')) j++;
      if (j < n && text[j] === '\n') {
        while (j < n && isSpace(text, j)) j++;
        if (j < n && j > starts[starts.length - 1]!) starts.push(j);
        i = j - 1;
      }
      continue;
    }
    if (!TERMINAL.has(ch)) continue;
    let j = i + 1;
    while (j < n && (TERMINAL.has(text[j]!) || CLOSERS.has(text[j]!))) j++;
    const wide = ch === '。' || ch === '！' || ch === '？' || ch === '។' || ch === '៕';
    if (!wide) {
      if (j < n && !isSpace(text, j)) continue;
      if (cc === 46) {
        // abbreviation or initial before the dot?
        let k = i - 1;
        while (k >= 0 && isLetter(text, k)) k--;
        const wlen = i - k - 1;
        // (an initial: one upper-case letter whose lower case is one letter too, as the old word test had it)
        if (wlen === 1 && isUpper(text, i - 1) && text[i - 1]!.toLowerCase().length === 1) continue;
        if (wlen > 0 && wlen <= MAX_ABBREVIATION && ABBREVIATIONS.has(text.slice(k + 1, i).toLowerCase())) continue;
        if (wlen === 0 && i > 0 && isDigit(text, i - 1) && isDigit(text, j + 1)) continue;
      }
    }
    while (j < n && isSpace(text, j)) j++;
    // a new sentence starts with an upper-case letter, a digit, a quote or a non-cased script
    if (j < n && !wide && isLower(text, j)) continue;
    if (j < n && j > starts[starts.length - 1]!) starts.push(j);
    i = j - 1;
  }
  return starts;
}

/** Index of the sentence containing offset `at`. */
export function sentenceIndex(starts: number[], at: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function sentenceText(text: string, starts: number[], idx: number): string {
  const s = starts[idx]!;
  const e = idx + 1 < starts.length ? starts[idx + 1]! : text.length;
  return text.slice(s, e).replace(/\s+/g, ' ').trim();
}
