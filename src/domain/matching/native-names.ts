/**
 * Stage 2: names in scripts written without spaces (Khmer, Thai, Lao, Myanmar, Chinese, Japanese),
 * found by a substring automaton over the folded character sequence, kept only on grapheme boundaries
 * ("លោកកឹមសុខា" holds កឹមសុខា; a match that splits a consonant cluster is not a name).
 */
import type { Hit, ItemScan } from './scan.js';

export function findNativeNames(scan: ItemScan): Hit[] {
  const tk = scan.tokenised;
  const hits: Hit[] = [];
  if (!tk.hasNoSpace || scan.idx.native.size === 0) return hits;
  const c = tk.compact;
  scan.idx.native.search(c, (s, e, val) => {
    if (!onGraphemeBoundary(c, s, e)) return;
    if (e - s <= 3 && HAN.test(c.slice(s, e)) && !onWordBoundaries(c, s, e)) return;
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
  return hits;
}

const HAN = /^\p{Script=Han}+$/u;
let zhWords: Intl.Segmenter | undefined;
/**
 * A short Chinese name found inside other words ("扩张展现" holds 张展) is not a name: the match must
 * start and end on word boundaries of the text around it. Longer names are rare as chance substrings.
 */
function onWordBoundaries(c: string, s: number, e: number): boolean {
  zhWords ??= new Intl.Segmenter('zh', { granularity: 'word' });
  const from = Math.max(0, s - 12);
  const window = c.slice(from, Math.min(c.length, e + 12));
  const cuts = new Set<number>();
  for (const seg of zhWords.segment(window)) cuts.add(from + seg.index);
  cuts.add(from + window.length);
  return cuts.has(s) && cuts.has(e);
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
