/**
 * Aho–Corasick automaton over UTF-16 code units, for aliases in scripts written without spaces.
 */
export class Automaton<T> {
  private goto: Map<number, number>[] = [new Map()];
  private fail: number[] = [0];
  private out: number[][] = [[]];
  private patterns: { len: number; value: T }[] = [];
  private built = false;

  add(pattern: string, value: T): void {
    if (pattern.length === 0) return;
    let s = 0;
    for (let i = 0; i < pattern.length; i++) {
      const c = pattern.charCodeAt(i);
      let nx = this.goto[s]!.get(c);
      if (nx === undefined) {
        nx = this.goto.length;
        this.goto.push(new Map());
        this.fail.push(0);
        this.out.push([]);
        this.goto[s]!.set(c, nx);
      }
      s = nx;
    }
    this.out[s]!.push(this.patterns.length);
    this.patterns.push({ len: pattern.length, value });
    this.built = false;
  }

  private build(): void {
    const queue: number[] = [];
    for (const nx of this.goto[0]!.values()) {
      this.fail[nx] = 0;
      queue.push(nx);
    }
    for (let qi = 0; qi < queue.length; qi++) {
      const s = queue[qi]!;
      for (const [c, nx] of this.goto[s]!) {
        queue.push(nx);
        let f = this.fail[s]!;
        while (f !== 0 && !this.goto[f]!.has(c)) f = this.fail[f]!;
        const g = this.goto[f]!.get(c);
        this.fail[nx] = g !== undefined && g !== nx ? g : 0;
        const fo = this.out[this.fail[nx]!]!;
        if (fo.length) this.out[nx] = [...this.out[nx]!, ...fo];
      }
    }
    this.built = true;
  }

  get size(): number {
    return this.patterns.length;
  }

  /** Calls fn(start, end, value) for every occurrence (end exclusive, in code units of `text`). */
  search(text: string, fn: (start: number, end: number, value: T) => void): void {
    if (this.patterns.length === 0) return;
    if (!this.built) this.build();
    let s = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      for (;;) {
        const g = this.goto[s]!.get(c);
        if (g !== undefined) {
          s = g;
          break;
        }
        if (s === 0) break;
        s = this.fail[s]!;
      }
      const o = this.out[s]!;
      for (let k = 0; k < o.length; k++) {
        const p = this.patterns[o[k]!]!;
        fn(i + 1 - p.len, i + 1, p.value);
      }
    }
  }
}
