/** Sentence boundaries in the original text, for evidence and urgency windows. */

const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'mx', 'dr', 'prof', 'st', 'no', 'gen', 'lt', 'col', 'capt', 'sgt', 'rev', 'sr', 'jr',
  'vs', 'etc', 'e', 'h', 'u', 's', 'n', 'nov', 'dec', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep',
  'sept', 'oct', 'hon', 'gov', 'sen', 'rep', 'messrs', 'mme', 'mlle', 'sra', 'sta', 'fig', 'approx', 'ca', 'al',
]);

const TERMINAL = new Set(['.', '!', '?', '។', '៕', '。', '！', '？', '؟', '।', '॥', '።', '…']);
const CLOSERS = new Set(['"', '”', '’', "'", ')', ']', '»', '」', '』']);

/** Returns sorted sentence start offsets (the first is 0); a sentence runs to the next start. */
export function sentenceStarts(text: string): number[] {
  const starts = [0];
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const cc = text.charCodeAt(i);
    // quick reject: only newlines and terminal punctuation matter
    if (cc !== 10 && cc !== 46 && cc !== 33 && cc !== 63 && cc < 0x964) continue;
    const ch = text[i]!;
    if (ch === '\n') {
      // paragraph break: a blank line
      let j = i + 1;
      while (j < n && (text[j] === ' ' || text[j] === '\t' || text[j] === '\r')) j++;
      if (j < n && text[j] === '\n') {
        while (j < n && /\s/.test(text[j]!)) j++;
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
      if (j < n && !/\s/.test(text[j]!)) continue;
      if (ch === '.') {
        // abbreviation or initial before the dot?
        let k = i - 1;
        while (k >= 0 && /[\p{L}]/u.test(text[k]!)) k--;
        const word = text.slice(k + 1, i).toLowerCase();
        if (ABBREVIATIONS.has(word) || (word.length === 1 && /\p{Lu}/u.test(text[i - 1]!))) continue;
        if (word.length === 0 && /\d/.test(text[i - 1] ?? '') && /\d/.test(text[j + 1] ?? '')) continue;
      }
    }
    while (j < n && /\s/.test(text[j]!)) j++;
    if (j < n && !wide) {
      const nx = text[j]!;
      // a new sentence starts with an upper-case letter, a digit, a quote or a non-cased script
      if (/\p{Ll}/u.test(nx)) continue;
    }
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
