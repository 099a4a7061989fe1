import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'vigil-cli-'));
const file = (name: string, body: string) => {
  const p = join(dir, name);
  writeFileSync(p, body);
  return p;
};
const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { cwd: root, encoding: 'utf8' });

const W = file('w.json', JSON.stringify([{ id: 'p1', name: 'Kem Sokha' }, { id: 'p2', name: 'Soun Chamroeun', context: ['CNRP'] }, { id: 'p3', name: 'Sam Sokha' }]));
const I = file(
  'i.json',
  JSON.stringify([
    { id: 'a', title: 'Crackdown', text: 'Police arrested Kem Sokha at his home in Phnom Penh. Mr. Chamroeun, a CNRP activist, was attacked.' },
    { id: 'b', title: 'Weather', text: 'Sokha said it would rain.' },
  ]),
);

describe('vigil match', () => {
  it('prints one JSON line per mention at or above the alert threshold, nothing else', () => {
    const r = run('match', '--watchlist', W, '--items', I);
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(2);
    expect(Object.keys(lines[0]!)).toEqual(['item', 'person', 'score', 'urgency', 'evidence']);
    expect(lines).toContainEqual({ item: 'a', person: 'p1', score: 1, urgency: 'high', evidence: 'Police arrested Kem Sokha at his home in Phnom Penh.' });
    const c = lines.find((l) => l.person === 'p2')!;
    expect(c).toMatchObject({ item: 'a', urgency: 'critical', evidence: 'Mr. Chamroeun, a CNRP activist, was attacked.' });
    expect(c.score as number).toBeGreaterThanOrEqual(0.7);
  }, 20_000);

  it('exits 2 with a clear message for bad usage, missing files and invalid JSON', () => {
    const cases: [string[], RegExp][] = [
      [[], /no command/],
      [['frobnicate'], /unknown command "frobnicate"/],
      [['match', '--items', I], /missing --watchlist/],
      [['match', '--watchlist', W], /missing --items/],
      [['match', '--watchlist', join(dir, 'nope.json'), '--items', I], /watchlist file .*nope\.json: not found/],
      [['match', '--watchlist', file('bad.json', '[{'), '--items', I], /watchlist file .*bad\.json: invalid JSON/],
      [['match', '--watchlist', W, '--items', file('obj.json', '{}')], /items file .*obj\.json: expected a JSON array/],
      [['match', '--watchlist', file('noname.json', '[{"id":"x"}]'), '--items', I], /entry 0: "name" must be a non-empty string/],
    ];
    for (const [args, re] of cases) {
      const r = run(...args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(re);
    }
  }, 30_000);
});
