import { describe, expect, it } from 'vitest';
import { WatchIndex } from '../../../src/domain/matching/index-build.js';
import { tokenise } from '../../../src/domain/matching/normalise.js';
import { sentenceStarts } from '../../../src/domain/matching/sentences.js';

// The fast paths must give exactly what the plain paths give.
describe('fast paths', () => {
  const idx = new WatchIndex([{ id: 'a', name: 'Kem Sokha', context: ['CNRP'] }, { id: 'b', name: 'Mohammed al-Qahtani' }]);

  it('interning ASCII words through the word table changes no token', () => {
    const text = 'Mr. KEM Sokha met Mohamed al-Qahtani, the CNRP and H.E. Sokha. kem sokha 2024 Sokha’s x1 O’Brien.';
    const plain = tokenise(text).tokens.map(({ w: _w, ...t }) => t);
    const fast = tokenise(text, idx.words).tokens;
    expect(fast.map(({ w: _w, ...t }) => t)).toEqual(plain);
    for (const t of fast) expect(t.w === undefined || t.w === idx.words.info(t.t)).toBe(true);
    expect(idx.words.info('mohamed').key).toBe('muhammad');
    expect(idx.words.info('sokha').term).toBeGreaterThanOrEqual(0);
  });

  it('the deletion index finds every spelling within budget', () => {
    expect(idx.fuzzy('sokah').map((h) => idx.terms[h.term])).toEqual(['sokha']);
    expect(idx.fuzzy('qahtnai').map((h) => idx.terms[h.term])).toEqual(['qahtani']);
  });

  it('sentence splitting keeps initials, abbreviations and decimals (same starts as the RegExp version)', () => {
    // "İ" lower-cases to two characters, so it never counted as an initial; "É" does
    const text = 'Mr. A. Sokha paid 3.5 dollars. He left! İ. Then É. Done.\n\nNew one';
    expect(sentenceStarts(text)).toEqual([0, 31, 40, 43, 58]);
  });
});
