import { describe, expect, it } from 'vitest';
import { ALERT_THRESHOLD, REVIEW_THRESHOLD, URGENCIES, buildMatcher, type Mention, type WatchedPerson } from '../../../src/domain/matching/index.js';

const CAMBODIA: WatchedPerson[] = [
  { id: 'chamroeun', name: 'Soun Chamroeun', context: ['CNRP'] },
  { id: 'sochua', name: 'Mu Sochua', context: ['CNRP'] },
  { id: 'kem-sokha', name: 'Kem Sokha', aliases: ['កឹម សុខា'], context: ['CNRP'] },
  { id: 'sam-sokha', name: 'Sam Sokha' },
  { id: 'ny-sokha', name: 'Ny Sokha', context: ['ADHOC'] },
  { id: 'sam-bopha', name: 'Sam Bopha' },
  { id: 'yorm-bopha', name: 'Yorm Bopha', aliases: ['យ៉ោម បុប្ផា'] },
  { id: 'rainsy', name: 'Sam Rainsy' },
  { id: 'tor', name: 'Tor Nimol' },
  { id: 'nguyen', name: 'Nguyễn Văn Đài' },
  { id: 'qahtani', name: 'Mohammed al-Qahtani', aliases: ['محمد القحطاني'] },
  { id: 'navalny', name: 'Alexei Navalny', aliases: ['Алексей Навальный'] },
  { id: 'garcia', name: 'Lucía García Márquez' },
  { id: 'xu', name: 'Xu Zhiyong', aliases: ['许志永'] },
];
const matcher = buildMatcher(CAMBODIA);

function alerts(text: string, title = ''): Mention[] {
  return matcher.match({ id: 'i', title, text }).filter((m) => m.score >= ALERT_THRESHOLD);
}
const ids = (text: string, title = '') => alerts(text, title).map((m) => m.personId).sort();

describe('exports', () => {
  it('keeps the API the worker imports', () => {
    expect(URGENCIES).toEqual(['critical', 'high', 'elevated', 'info', 'good-news']);
    expect(REVIEW_THRESHOLD).toBeLessThan(ALERT_THRESHOLD);
    expect(buildMatcher([]).match({ id: 'x', title: '', text: 'Kem Sokha' })).toEqual([]);
  });
});

describe('reading names', () => {
  it('matches full names with offsets, score, reasons and the sentence as evidence', () => {
    const text = 'Police came at dawn. Opposition leader Kem Sokha was\n  arrested at home. Others fled.';
    const [m] = alerts(text);
    expect(m).toMatchObject({ personId: 'kem-sokha', itemId: 'i', field: 'text', urgency: 'high' });
    expect(text.slice(m!.start!, m!.end!)).toBe('Kem Sokha');
    expect(m!.evidence).toBe('Opposition leader Kem Sokha was arrested at home.');
    expect(m!.score).toBeGreaterThanOrEqual(0.95);
    expect(m!.reasons.length).toBeGreaterThan(0);
  });

  it('folds diacritics, case, typographic apostrophes, possessives and ALL CAPS', () => {
    expect(ids('Blogger Nguyen Van Dai spoke.')).toEqual(['nguyen']);
    expect(ids('NGUYỄN VĂN ĐÀI FREED')).toEqual(['nguyen']);
    expect(ids('Sokha’s lawyer met Kem Sokha’s family.')).toEqual(['kem-sokha']);
    expect(ids("Kem Sokha's trial resumed.")).toEqual(['kem-sokha']);
  });

  it('reads names broken across a line, hyphenated at the line end', () => {
    expect(ids('The activist Soun\nChamroeun spoke.')).toEqual(['chamroeun']);
    expect(ids('The activist Soun Cham-\nroeun spoke.')).toEqual(['chamroeun']);
    expect(ids('The activist Soun\n\nChamroeun spoke.')).toEqual([]);
  });

  it('accepts both name orders', () => {
    expect(ids('Reporters asked Sokha Kem about it.')).toEqual(['kem-sokha']);
  });

  it('matches unspaced Khmer on grapheme boundaries, spaced or not', () => {
    expect(ids('សមត្ថកិច្ចបានចាប់ខ្លួនលោកកឹមសុខា នៅភ្នំពេញ។')).toEqual(['kem-sokha']);
    expect(ids('លោក កឹម​ សុខា បាននិយាយ។')).toEqual(['kem-sokha']);
    expect(ids('អ្នកស្រី យ៉ោម បុប្ផា ត្រូវបានដោះលែង។')).toEqual(['yorm-bopha']);
    // a different cluster: the last consonant carries a subscript (coeng) here
    expect(ids('លោកកឹមសុខ្ខា')).toEqual([]);
    expect(ids('លោកសុខា បាននិយាយ។')).toEqual([]);
  });

  it('matches Chinese, Arabic and Cyrillic aliases natively (Russian case endings too)', () => {
    expect(ids('法院判处许志永有期徒刑十四年。')).toEqual(['xu']);
    expect(ids('اعتقلت السلطات محمد القحطاني مرة أخرى')).toEqual(['qahtani']);
    expect(ids('Суд приговорил Алексея Навального к 19 годам.')).toEqual(['navalny']);
  });

  it('treats Mohammed / Muhammad / Mohamed and al- / el- as one name', () => {
    for (const n of ['Muhammad al-Qahtani', 'Mohamed el-Qahtani', 'Mohammed Al Qahtani', 'Mohammad Qahtani']) expect(ids(`The reformer ${n} is held.`)).toEqual(['qahtani']);
  });

  it('matches Spanish double surnames in their short forms, not inside another name', () => {
    expect(ids('Lucía García was shot.')).toEqual(['garcia']);
    expect(ids('Ms García Márquez spoke.')).toEqual(['garcia']);
    expect(ids('A festival for Gabriel García Márquez opened.')).toEqual([]);
  });
});

describe('partial references', () => {
  it('counts "Mr. Chamroeun" when the item names him in full', () => {
    const ms = alerts('Mr. Soun Chamroeun was attacked. Later, Mr. Chamroeun was taken to hospital.');
    expect(ms.map((m) => m.personId)).toEqual(['chamroeun']);
  });

  it('counts a part with one of the person\'s context words, and otherwise only for review', () => {
    expect(ids('Ms Sochua, the CNRP deputy leader, was threatened.')).toEqual(['sochua']);
    const r = matcher.match({ id: 'i', title: '', text: 'Chamroeun said he would appeal.' });
    expect(r.map((m) => m.personId)).toEqual(['chamroeun']);
    expect(r[0]!.score).toBeLessThan(ALERT_THRESHOLD);
    expect(r[0]!.score).toBeGreaterThanOrEqual(REVIEW_THRESHOLD);
  });

  it('credits a part shared by two persons named in the item to neither', () => {
    const text = 'Kem Sokha and Sam Sokha were both charged. Sokha was later released on bail.';
    const ms = alerts(text);
    expect(ms.map((m) => m.personId).sort()).toEqual(['kem-sokha', 'sam-sokha']);
    for (const m of ms) expect(m.evidence).toContain('charged');
  });

  it('never reads a family-name mismatch as the person', () => {
    expect(ids('The lawyer Sem Sokha attended. Sokha said it was postponed. Kem Sakhon too.')).toEqual([]);
    expect(ids('Sam Sokha was sentenced.')).toEqual(['sam-sokha']);
    expect(ids('Yorm Sokha was sentenced by the CNRP court.')).toEqual([]);
  });

  it('does not take common words or short parts for names', () => {
    expect(ids('Uncle Sam spent more. Sam Smith sang. Sam said so. The Tor network and NY Times. Mu is a letter.')).toEqual([]);
    expect(ids('the kem sokha style of cooking is popular.')).toEqual([]);
  });
});

describe('spelling variants', () => {
  it('allows one edit from five letters and two from eight, transpositions included', () => {
    expect(ids('Activist Soun Chamrouen was detained.')).toEqual(['chamroeun']);
    expect(ids('Activist Soun Chamrn was detained.')).toEqual([]);
    expect(ids('Deputy leader Mu Sochoua was summoned.')).toEqual(['sochua']);
    expect(ids('Mr. Soun Chamroeun was attacked. Mr. Chamrouen is safe.')).toEqual(['chamroeun']);
  });

  it('gives short parts no edits: Kem, Ny, Mu and Tor match exactly', () => {
    expect(ids('Kim Sokha spoke.')).toEqual([]);
    expect(ids('Ma Sochua spoke.')).toEqual([]);
    expect(ids('Tom Nimol spoke.')).toEqual([]);
  });

  it('never uses a variant that is itself part of another watched name', () => {
    const m = buildMatcher([
      { id: 'a', name: 'Tep Vanny' },
      { id: 'b', name: 'Chan Vanna' },
    ]);
    expect(m.match({ id: 'x', title: '', text: 'Tep Vanna was arrested.' }).filter((x) => x.score >= ALERT_THRESHOLD)).toEqual([]);
    expect(buildMatcher([{ id: 'a', name: 'Tep Vanny' }]).match({ id: 'x', title: '', text: 'Tep Vanna was arrested.' })[0]?.personId).toBe('a');
  });
});

describe('one mention per person, best first', () => {
  it('returns the best mention per person sorted by score', () => {
    const ms = matcher.match({ id: 'i', title: 'Sam Rainsy speaks', text: 'Rainsy spoke. Kem Sokha was detained. Sochua said.' });
    expect(new Set(ms.map((m) => m.personId)).size).toBe(ms.length);
    for (let i = 1; i < ms.length; i++) expect(ms[i - 1]!.score).toBeGreaterThanOrEqual(ms[i]!.score);
    const r = ms.find((m) => m.personId === 'rainsy')!;
    expect(r.field).toBe('title');
  });
});
