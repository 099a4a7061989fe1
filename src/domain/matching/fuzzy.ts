/**
 * Spelling variants: an edit budget by length, optimal-string-alignment distance (transpositions
 * count as one edit) and a SymSpell-style deletion index over the watched name parts.
 *
 * The deletion index stores, for every name part of five letters or more, a 32-bit hash of each
 * string obtained by deleting up to `budget` characters (never the first: variants must share the
 * first letter). A query token generates its own deletions and looks each hash up; hash collisions
 * only add candidates, which are all verified with the real distance.
 */

/** Edits allowed for a name part of this length: none up to 4, one from 5, two from 8. */
export function editBudget(len: number): number {
  return len >= 8 ? 2 : len >= 5 ? 1 : 0;
}

/** Score lost by a part misspelt by `dist` edits: less for long parts, where an edit is a smaller share. */
export function fuzzyPenalty(dist: number, len: number): number {
  return dist * (len >= 7 ? 0.1 : 0.13);
}

let rowA = new Int32Array(64);
let rowB = new Int32Array(64);
let rowC = new Int32Array(64);

/** Optimal string alignment distance, with early exit above `max`. */
export function osaDistance(a: string, b: string, max: number): number {
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > max) return max + 1;
  if (a === b) return 0;
  if (lb + 1 > rowA.length) {
    rowA = new Int32Array(lb + 1);
    rowB = new Int32Array(lb + 1);
    rowC = new Int32Array(lb + 1);
  }
  let prev2 = rowA;
  let prev = rowB;
  let cur = rowC;
  for (let j = 0; j <= lb; j++) prev[j] = j;
  for (let i = 1; i <= la; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= lb; j++) {
      const cb = b.charCodeAt(j - 1);
      const cost = ca === cb ? 0 : 1;
      let v = prev[j]! + 1;
      const ins = cur[j - 1]! + 1;
      if (ins < v) v = ins;
      const sub = prev[j - 1]! + cost;
      if (sub < v) v = sub;
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) {
        const tr = prev2[j - 2]! + 1;
        if (tr < v) v = tr;
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return prev[lb]!;
}

// Polynomial hashing mod 2^32: every deletion's hash in O(1) from prefix hashes.
const B = 0x01000193;
const MAXLEN = 64;
const POW = new Int32Array(MAXLEN + 1);
POW[0] = 1;
for (let i = 1; i <= MAXLEN; i++) POW[i] = Math.imul(POW[i - 1]!, B);
const PRE = new Int32Array(MAXLEN + 1);

/** hash of s[a..b) from prefix hashes */
function sub(a: number, b: number): number {
  return (PRE[b]! - Math.imul(PRE[a]!, POW[b - a]!)) | 0;
}

function finish(h: number, len: number): number {
  // mix in the length, avoid 0
  let x = (h ^ Math.imul(len, 0x9e3779b1)) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b) >>> 0;
  return (x ^ (x >>> 13)) >>> 0 || 1;
}

/** Calls `fn(hash)` for `s` and each of its deletions up to `depth` (position 0 never deleted). */
export function forEachDeletion(s: string, depth: number, fn: (h: number) => void): void {
  const n = Math.min(s.length, MAXLEN);
  PRE[0] = 0;
  for (let k = 0; k < n; k++) PRE[k + 1] = (Math.imul(PRE[k]!, B) + s.charCodeAt(k)) | 0;
  fn(finish(PRE[n]!, n));
  if (depth < 1) return;
  for (let i = 1; i < n; i++) {
    // deleting one of a run of equal letters gives the same string: only the first of the run
    if (i > 1 && s.charCodeAt(i) === s.charCodeAt(i - 1)) continue;
    // s without i: s[0..i) + s[i+1..n)
    const h1 = (Math.imul(PRE[i]!, POW[n - i - 1]!) + sub(i + 1, n)) | 0;
    fn(finish(h1, n - 1));
    if (depth < 2) continue;
    for (let j = i + 1; j < n; j++) {
      if (j > i + 1 && s.charCodeAt(j) === s.charCodeAt(j - 1)) continue;
      // s without i and j: s[0..i) + s[i+1..j) + s[j+1..n)
      const h2 = (Math.imul(PRE[i]!, POW[n - i - 2]!) + Math.imul(sub(i + 1, j), POW[n - j - 1]!) + sub(j + 1, n)) | 0;
      fn(finish(h2, n - 2));
    }
  }
}

/**
 * A static multimap from 32-bit hashes to term ids in compressed-sparse-row form: entries sorted
 * by bucket (hash & mask), each entry its full hash and term side by side (one cache line per
 * lookup). About 8 bytes per entry plus 4 per bucket of ~8 entries.
 *
 * Built from a flat list of (hash, term) pairs with one counting sort: the pairs are generated once
 * and written sequentially; the buckets are few enough for the counters to stay in cache.
 */
export class DeletionIndex {
  private readonly mask: number;
  private readonly starts: Uint32Array;
  /** [hash, term, hash, term, ...] */
  private readonly pairs: Uint32Array;

  /** `pairs` holds `count` (hash, term) pairs; it is read, not kept. */
  constructor(pairs: Uint32Array, count: number) {
    let buckets = 1024;
    while (buckets * 8 < count) buckets <<= 1;
    const mask = buckets - 1;
    this.mask = mask;
    const starts = new Uint32Array(buckets + 1);
    for (let k = 0; k < count; k++) starts[(pairs[2 * k]! & mask) + 1]!++;
    for (let b = 0; b < buckets; b++) starts[b + 1]! += starts[b]!;
    const fill = starts.slice(0, buckets);
    const out = new Uint32Array(2 * count);
    for (let k = 0; k < count; k++) {
      const h = pairs[2 * k]!;
      const at = 2 * fill[h & mask]!++;
      out[at] = h;
      out[at + 1] = pairs[2 * k + 1]!;
    }
    this.starts = starts;
    this.pairs = out;
  }

  /** Calls fn(term) for every term stored under `hash` (may repeat terms). */
  get(hash: number, fn: (term: number) => void): void {
    const [a, b] = this.range(hash);
    for (let i = a; i < b; i++) if (this.hashAt(i) === hash) fn(this.termAt(i));
  }

  /** Range of bucket entries for `hash`: [start, end); check hashAt(i) === hash. */
  range(hash: number): [number, number] {
    const b = hash & this.mask;
    return [this.starts[b]!, this.starts[b + 1]!];
  }

  hashAt(i: number): number {
    return this.pairs[2 * i]!;
  }

  termAt(i: number): number {
    return this.pairs[2 * i + 1]!;
  }

  get size(): number {
    return this.pairs.length >> 1;
  }

  get bytes(): number {
    return this.starts.byteLength + this.pairs.byteLength;
  }
}
