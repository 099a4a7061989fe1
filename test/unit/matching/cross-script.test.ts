import { describe, expect, it } from 'vitest';
import { cyrillicSkeleton, latinSkeleton } from '../../../src/domain/matching/cross-script.js';
import { tokenKey } from '../../../src/domain/matching/names.js';
import { probe } from './probe.js';

describe('cross-script skeletons', () => {
  it('meet for a Latin spelling and the Cyrillic forms of the same name, in any case', () => {
    const sk = (w: string) => cyrillicSkeleton(tokenKey(w));
    expect(sk('навального')).toBe(latinSkeleton('navalny'));
    expect(sk('навальный')).toBe(latinSkeleton('navalny'));
    expect(sk('алексея')).toBe(latinSkeleton('alexei'));
    expect(sk('колесникова')).toBe(latinSkeleton('kolesnikova'));
    expect(sk('ивановой')).toBe(latinSkeleton('ivanova'));
    expect(sk('навального')).not.toBe(latinSkeleton('navarro'));
    expect(cyrillicSkeleton('abc')).toBe('');
  });
});

describe('names watched in Latin, written in Cyrillic', () => {
  const p = probe([
    { id: 'an', name: 'Alexei Navalny' },
    { id: 'iv', name: 'Olga Ivanova' },
  ]);
  it('finds the full name in Cyrillic, declined', () => {
    expect(p.alerts('Суд приговорил Алексея Навального к 19 годам заключения.')).toEqual(['an']);
    expect(p.all('В Москве задержали Алексея Навального.')[0]?.urgency).toBe('high');
    expect(p.alerts('Ольгу Иванову освободили в понедельник.')).toEqual(['iv']);
  });
  it('treats a bare Cyrillic surname like a bare Latin one: not enough on its own', () => {
    expect(p.alerts('Навальный был арестован в январе.')).toEqual([]);
    expect(p.alerts('Иванов сказал, что суд состоится в мае.')).toEqual([]);
  });
});
