import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../bench/eval.js';

describe('labelled development set', () => {
  it('keeps precision and recall at or above 0.98', () => {
    const r = evaluate();
    expect(r.errors).toEqual([]);
    expect(r.overall.precision).toBeGreaterThanOrEqual(0.98);
    expect(r.overall.recall).toBeGreaterThanOrEqual(0.98);
    expect(r.urgencyAgreement).toBeGreaterThanOrEqual(0.85);
  });
});
