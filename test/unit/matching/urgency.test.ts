import { describe, expect, it } from 'vitest';
import { buildMatcher } from '../../../src/domain/matching/index.js';

const m = buildMatcher([
  { id: 'p', name: 'Kem Sokha' },
  { id: 'q', name: 'Mu Sochua' },
]);
const level = (text: string, title = '') => m.match({ id: 'i', title, text }).find((x) => x.personId === 'p')?.urgency;

describe('urgency', () => {
  it.each([
    ['Kem Sokha was killed in custody.', 'critical'],
    ['Kem Sokha died in detention.', 'critical'],
    ['Kem Sokha has disappeared.', 'critical'],
    ['Kem Sokha was abducted by men in a van.', 'critical'],
    ['Kem Sokha was tortured.', 'critical'],
    ['Kem Sokha was attacked by unknown men.', 'critical'],
    ['Kem Sokha was arrested on Monday.', 'high'],
    ['Kem Sokha was detained at the airport.', 'high'],
    ['Kem Sokha was deported to Cambodia.', 'high'],
    ['Kem Sokha was forcibly returned to Cambodia.', 'high'],
    ['Kem Sokha was charged with treason.', 'high'],
    ['Kem Sokha was convicted and sentenced to 27 years.', 'high'],
    ['The passport of Kem Sokha was revoked.', 'high'],
    ['Kem Sokha was threatened online.', 'elevated'],
    ['Kem Sokha was harassed by police.', 'elevated'],
    ['Kem Sokha is under surveillance.', 'elevated'],
    ['Kem Sokha was summoned by the court.', 'elevated'],
    ['Kem Sokha was denied entry to Thailand.', 'elevated'],
    ['Kem Sokha gave a speech.', 'info'],
    ['Kem Sokha was released.', 'good-news'],
    ['Kem Sokha was acquitted.', 'good-news'],
    ['The charges against Kem Sokha were dropped.', 'good-news'],
  ])('%s → %s', (text, expected) => {
    expect(level(text)).toBe(expected);
  });

  it('reads negation and time', () => {
    expect(level('Kem Sokha was released after being detained for two days.')).toBe('good-news');
    expect(level('Kem Sokha was detained for most of the day. He was later released.')).toBe('good-news');
    expect(level('Kem Sokha was not arrested, police said.')).toBe('info');
    expect(level('Kem Sokha has not been released.')).not.toBe('good-news');
    expect(level('Kem Sokha was killed after being arrested.')).toBe('critical');
    expect(level('Kem Sokha was arrested again after his release.')).toBe('high');
  });

  it('downgrades threats and calls, and reads accusations as charges', () => {
    expect(level('Kem Sokha is at risk of being forcibly returned.')).toBe('elevated');
    expect(level('The ambassador called for the arrest of Kem Sokha.')).toBe('elevated');
    expect(level('Kem Sokha must be released immediately, rights groups said.')).not.toBe('good-news');
    expect(level('Kem Sokha was convicted of assault.')).toBe('high');
  });

  it('gives each cue to the nearest person, except to persons listed together', () => {
    const r = m.match({ id: 'i', title: '', text: 'Mu Sochua gave a speech while Kem Sokha was arrested.' });
    expect(r.find((x) => x.personId === 'q')?.urgency).toBe('info');
    expect(r.find((x) => x.personId === 'p')?.urgency).toBe('high');
    const l = m.match({ id: 'i', title: '', text: 'Mu Sochua and Kem Sokha were detained on Monday.' });
    expect(l.map((x) => x.urgency)).toEqual(['high', 'high']);
  });

  it('reads a headline name with the first sentence of the body', () => {
    expect(level('Police detained the opposition leader at dawn.', 'Kem Sokha')).toBe('high');
  });
});
