import { describe, expect, it } from 'vitest';
import { arabicConsonants, cyrillicSkeleton, latinConsonants, latinSkeleton, transliterateCyrillic } from '../../../src/domain/matching/cross-script.js';
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

describe('names watched in Latin, written in Arabic script', () => {
  it('meet on consonant skeletons, the article and long vowels aside', () => {
    const ar = (w: string) => arabicConsonants(tokenKey(w));
    expect(ar('الشهاب')).toBe(latinConsonants('shehab'));
    expect(ar('الهذلول')).toBe(latinConsonants('hathloul'));
    expect(ar('محمد')).toBe(latinConsonants('muhammad'));
    expect(ar('خندان')).toBe(latinConsonants('khandan'));
    expect(ar('والغامدي')).toBe(latinConsonants('ghamdi'));
    expect(arabicConsonants('abc')).toBe('');
  });
  const p = probe([
    { id: 'ss', name: 'Salma al-Shehab' },
    { id: 'rk', name: 'Reza Khandan' },
    { id: 'mg', name: 'Mohammed al-Ghamdi' },
    { id: 'ma', name: 'Mohammed Ali', aliases: ['محمد علي'] },
  ]);
  it('finds the full name in Arabic or Persian text, short parts included', () => {
    expect(p.alerts('الإفراج عن طالبة الدكتوراه سلمى الشهاب بعد أربع سنوات في السجن')).toEqual(['ss']);
    expect(p.alerts('رضا خندان، همسر نسرین ستوده، بازداشت شد')).toEqual(['rk']);
    // "محمد" is also another watched person's native-script part
    expect(p.alerts('المعلم المتقاعد محمد الغامدي لا يزال محتجزا')).toEqual(['mg']);
    expect(p.all('المعلم المتقاعد محمد الغامدي لا يزال محتجزا')[0]?.urgency).toBe('high');
  });
  it('does not take a lone word with the same consonants for a name', () => {
    expect(p.alerts('وقال إن السلام ممكن في المنطقة')).toEqual([]);
  });
});

describe('a Cyrillic alias, written in Latin letters', () => {
  it('is an alias too: "Мария Колесникова" stands for "Maria Kolesnikova"', () => {
    const p = probe([{ id: 'mk', name: 'Maria Kalesnikava', aliases: ['Мария Колесникова'] }]);
    expect(p.alerts('Belarus freed 123 prisoners, including opposition figure Maria Kolesnikova.')).toEqual(['mk']);
    expect(transliterateCyrillic('Алексей Навальный')).toBe('aleksei navalny');
    expect(transliterateCyrillic('Maria')).toBeNull();
  });
});
