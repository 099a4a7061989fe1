/**
 * Evaluates the matcher on the labelled development set (test/fixtures/matching/devset.json):
 * pair-level precision, recall and F2 at the alert threshold, false alerts per 1,000 items,
 * each hard case as its own slice, and urgency agreement on the true positives.
 *
 *   npm run eval            summary
 *   npm run eval -- -v      also every error
 *   npm run eval -- --json  machine-readable
 *   npm run eval -- --set holdout   the independent hold-out set (test/fixtures/matching/holdout/)
 *   npm run eval -- --set NAME      any folder test/fixtures/matching/NAME/ holding watchlist.json + holdout.json
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ALERT_THRESHOLD, buildMatcher, type MatchableItem, type Mention, type WatchedPerson } from '../src/domain/matching/index.js';

interface Label {
  item: string;
  person: string;
  mention: boolean;
  urgency?: string;
  slices: string[];
}
interface DevItem {
  id: string;
  title: string;
  text?: string;
  file?: string;
}

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '..', 'test', 'fixtures', 'matching');

/** 'dev', or the name of a folder under test/fixtures/matching/ with watchlist.json + holdout.json. */
export type EvalSet = 'dev' | 'holdout' | (string & {});
function setFiles(set: EvalSet): { dir: string; labels: string } {
  if (set === 'dev') return { dir: fixtures, labels: 'devset.json' };
  if (!/^[\w.-]+$/.test(set) || set.startsWith('.')) throw new Error(`invalid set name "${set}"`);
  return { dir: join(fixtures, set), labels: 'holdout.json' };
}
export function isEvalSet(set: string): boolean {
  if (set === 'dev') return true;
  if (!/^[\w.-]+$/.test(set) || set.startsWith('.')) return false;
  const dir = join(fixtures, set);
  return existsSync(join(dir, 'watchlist.json')) && existsSync(join(dir, 'holdout.json'));
}

export function loadDevSet(set: EvalSet = 'dev'): { persons: WatchedPerson[]; items: MatchableItem[]; labels: Label[] } {
  const { dir: root, labels: labelFile } = setFiles(set);
  const persons = JSON.parse(readFileSync(join(root, 'watchlist.json'), 'utf8')) as WatchedPerson[];
  const dev = JSON.parse(readFileSync(join(root, labelFile), 'utf8')) as { items: DevItem[]; labels: Label[] };
  const items = dev.items.map((i) => ({ id: i.id, title: i.title, text: i.file ? readFileSync(join(root, i.file), 'utf8') : (i.text ?? '') }));
  return { persons, items, labels: dev.labels };
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}
const prf = (c: Counts) => {
  const p = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
  const r = c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
  const f2 = p + r === 0 ? 0 : (5 * p * r) / (4 * p + r);
  return { precision: p, recall: r, f2 };
};

export function evaluate(set: EvalSet = 'dev') {
  const { persons, items, labels } = loadDevSet(set);
  const matcher = buildMatcher(persons);
  const predicted = new Map<string, Mention>();
  for (const item of items) for (const m of matcher.match(item)) if (m.score >= ALERT_THRESHOLD) predicted.set(`${m.itemId}|${m.personId}`, m);
  const labelled = new Map(labels.map((l) => [`${l.item}|${l.person}`, l]));
  const overall: Counts = { tp: 0, fp: 0, fn: 0 };
  const slices = new Map<string, Counts>();
  const errors: string[] = [];
  let urgOk = 0;
  let urgN = 0;
  const urgMiss: string[] = [];
  const slice = (name: string) => {
    let c = slices.get(name);
    if (!c) slices.set(name, (c = { tp: 0, fp: 0, fn: 0 }));
    return c;
  };
  for (const l of labels) {
    const key = `${l.item}|${l.person}`;
    const m = predicted.get(key);
    const kind = l.mention ? (m ? 'tp' : 'fn') : m ? 'fp' : null;
    if (!kind) continue;
    overall[kind]++;
    for (const s of l.slices) slice(s)[kind]++;
    if (kind === 'fn') errors.push(`MISS  ${key}`);
    if (kind === 'fp') errors.push(`FALSE ${key} score=${m!.score} ${m!.reasons.join('; ')} | ${m!.evidence.slice(0, 120)}`);
    if (kind === 'tp' && l.urgency) {
      urgN++;
      if (m!.urgency === l.urgency) urgOk++;
      else urgMiss.push(`URG   ${key} expected ${l.urgency}, got ${m!.urgency} (${m!.reasons.at(-1)})`);
    }
  }
  for (const [key, m] of predicted) {
    if (labelled.has(key)) continue;
    overall.fp++;
    slice('unlabelled pairs').fp++;
    errors.push(`FALSE ${key} score=${m.score} (unlabelled pair) ${m.reasons.join('; ')} | ${m.evidence.slice(0, 120)}`);
  }
  return {
    items: items.length,
    persons: persons.length,
    pairs: items.length * persons.length,
    overall: { ...overall, ...prf(overall) },
    falseAlertsPer1000Items: (overall.fp / items.length) * 1000,
    urgencyAgreement: urgN ? urgOk / urgN : 1,
    urgencyPairs: urgN,
    slices: [...slices].sort(([a], [b]) => a.localeCompare(b)).map(([name, c]) => ({ name, ...c, ...prf(c) })),
    errors,
    urgMiss,
  };
}

const isMain = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const i = process.argv.indexOf('--set');
  const arg = i >= 0 ? process.argv[i + 1] : process.argv.find((a) => a.startsWith('--set='))?.slice(6);
  const set = arg ?? 'dev';
  if (!isEvalSet(set)) {
    console.error(`unknown --set "${set}" (expected dev, or a folder under test/fixtures/matching/ with watchlist.json + holdout.json)`);
    process.exit(2);
  }
  const r = evaluate(set);
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(r, null, 2));
  } else {
    const f = (x: number) => x.toFixed(3);
    console.log(`${set} set: ${r.items} items × ${r.persons} persons = ${r.pairs} pairs; alert threshold ${ALERT_THRESHOLD}`);
    console.log(`overall  P=${f(r.overall.precision)} R=${f(r.overall.recall)} F2=${f(r.overall.f2)}  (tp ${r.overall.tp}, fp ${r.overall.fp}, fn ${r.overall.fn})`);
    console.log(`false alerts per 1,000 items: ${r.falseAlertsPer1000Items.toFixed(1)}`);
    console.log(`urgency agreement on true positives: ${f(r.urgencyAgreement)} (${r.urgencyPairs} pairs)`);
    console.log('\nslice                      P      R      F2     tp  fp  fn');
    for (const s of r.slices) console.log(`${s.name.padEnd(24)} ${f(s.precision)}  ${f(s.recall)}  ${f(s.f2)}  ${String(s.tp).padStart(3)} ${String(s.fp).padStart(3)} ${String(s.fn).padStart(3)}`);
    if (process.argv.includes('-v')) {
      console.log('');
      for (const e of [...r.errors, ...r.urgMiss]) console.log(e);
    } else if (r.errors.length) console.log(`\n${r.errors.length} errors (-v to list)`);
  }
}
