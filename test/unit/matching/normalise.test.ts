import { describe, expect, it } from 'vitest';
import { editBudget, osaDistance } from '../../../src/domain/matching/fuzzy.js';
import { tokenise } from '../../../src/domain/matching/normalise.js';
import { sentenceStarts, sentenceText } from '../../../src/domain/matching/sentences.js';

describe('tokenise', () => {
  it('folds and keeps offsets into the original text', () => {
    const text = 'Mr. NGUYỄN Văn Đài’s ﬁle: O’Brien al-Qahtani';
    const { tokens } = tokenise(text);
    expect(tokens.map((t) => t.t)).toEqual(['mr', 'nguyen', 'van', 'dai', 'file', 'obrien', 'al', 'qahtani']);
    for (const t of tokens.slice(1, 4)) expect(text.slice(t.s, t.e).normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace('đ', 'd')).toBe(t.t);
    expect(tokens[1]!.allUp).toBe(true);
  });

  it('sends scripts without spaces to the compact stream, spaces removed', () => {
    const r = tokenise('ok លោក កឹម​សុខា ok');
    expect(r.compact.replace(/\0/g, '')).toBe('លោកកឹមសុខា');
    expect(r.tokens.map((t) => t.t)).toEqual(['ok', 'ok']);
  });
});

describe('sentences', () => {
  it('does not split after titles or initials', () => {
    const t = 'Mr. Chamroeun met H.E. Kem Sokha on 9 Nov. He left. J. Smith stayed!\n\nNew para';
    const s = sentenceStarts(t);
    expect(s.map((_, i) => sentenceText(t, s, i))).toEqual(['Mr. Chamroeun met H.E. Kem Sokha on 9 Nov. He left.', 'J. Smith stayed!', 'New para']);
  });
});

describe('edit budget', () => {
  it('grows with length and counts transpositions as one edit', () => {
    expect([4, 5, 7, 8].map(editBudget)).toEqual([0, 1, 1, 2]);
    expect(osaDistance('chamroeun', 'chamrouen', 2)).toBe(1);
    expect(osaDistance('sochua', 'sochoua', 1)).toBe(1);
    expect(osaDistance('mohammed', 'muhammad', 2)).toBe(2);
  });
});
