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

/** Optimal string alignment distance, with early exit above `max`. */
export function osaDistance(a: string, b: string, max: number): number {
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > max) return max + 1;
  if (a === b) return 0;
  let prev2 = new Array<number>(lb + 1).fill(0);
  let prev = new Array<number>(lb + 1);
  let cur = new Array<number>(lb + 1);
  for (let j = 0; j <= lb; j++) prev[j] = j;
  for (let i = 1; i <= la; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= lb; j++) {
      const cb = b.charCodeAt(j - 1);
      const cost = ca === cb ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) v = Math.min(v, prev2[j - 2]! + 1);
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

/** FNV-1a over `s` skipping positions `skip1` and `skip2` (-1 for none). */
function hashSkip(s: string, skip1: number, skip2: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    if (i === skip1 || i === skip2) continue;
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0 || 1;
}

/** Calls `fn(hash)` for `s` and each of its deletions up to `depth` (position 0 never deleted). */
export function forEachDeletion(s: string, depth: number, fn: (h: number) => void): void {
  fn(hashSkip(s, -1, -1));
  if (depth < 1) return;
  const n = s.length;
  for (let i = 1; i < n; i++) {
    // deleting one of a run of equal letters gives the same string: only the first of the run
    if (s.charCodeAt(i) === s.charCodeAt(i - 1) && i > 1) continue;
    fn(hashSkip(s, i, -1));
    if (depth < 2) continue;
    for (let j = i + 1; j < n; j++) fn(hashSkip(s, i, j));
  }
}

/** An open-addressing multimap from 32-bit hashes to term ids, in typed arrays. */
export class DeletionIndex {
  private keys: Uint32Array;
  private heads: Int32Array;
  private next: Int32Array;
  private vals: Int32Array;
  private count = 0;
  private mask: number;

  constructor(expectedEntries: number) {
    let cap = 1024;
    while (cap < expectedEntries * 1.6) cap <<= 1;
    this.mask = cap - 1;
    this.keys = new Uint32Array(cap);
    this.heads = new Int32Array(cap).fill(-1);
    const n = Math.max(16, expectedEntries);
    this.next = new Int32Array(n);
    this.vals = new Int32Array(n);
  }

  add(hash: number, term: number): void {
    let slot = (Math.imul(hash, 0x9e3779b1) >>> 0) & this.mask;
    for (;;) {
      const head = this.heads[slot]!;
      if (head === -1) {
        this.keys[slot] = hash;
        this.push(slot, term, -1);
        return;
      }
      if (this.keys[slot] === hash) {
        if (this.vals[head] === term) return; // same term, same deletion string twice
        this.push(slot, term, head);
        return;
      }
      slot = (slot + 1) & this.mask;
    }
  }

  private push(slot: number, term: number, head: number): void {
    if (this.count === this.next.length) {
      const nn = new Int32Array(this.next.length * 2);
      nn.set(this.next);
      this.next = nn;
      const nv = new Int32Array(this.vals.length * 2);
      nv.set(this.vals);
      this.vals = nv;
    }
    this.vals[this.count] = term;
    this.next[this.count] = head;
    this.heads[slot] = this.count++;
  }

  /** Calls fn(term) for every term stored under `hash` (may repeat terms). */
  get(hash: number, fn: (term: number) => void): void {
    let slot = (Math.imul(hash, 0x9e3779b1) >>> 0) & this.mask;
    for (;;) {
      const head = this.heads[slot]!;
      if (head === -1) return;
      if (this.keys[slot] === hash) {
        for (let p = head; p !== -1; p = this.next[p]!) fn(this.vals[p]!);
        return;
      }
      slot = (slot + 1) & this.mask;
    }
  }

  get size(): number {
    return this.count;
  }
}
