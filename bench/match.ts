/**
 * Matching benchmark: items per second, index build time and memory at 1k, 10k and 100k watched
 * persons, against two baselines run in the same process on the same items:
 *  - "regexp loop": one case-insensitive RegExp per alias, tried in turn (what most people write)
 *  - "alternation": one big exact-only alternation RegExp of every alias (the fastest trick a user knows)
 *
 * Each size runs in its own child process so that build memory is measured alone. Throughput is
 * the median of several rounds on fresh items (the machine is shared: one slow round does not set
 * the figure), and the machine, Node version and load average are printed with the table.
 *   npx tsx bench/match.ts            all sizes, prints a Markdown table
 *   npx tsx bench/match.ts --json     machine-readable
 *   npx tsx bench/match.ts --size N   one size, JSON
 */
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { ALERT_THRESHOLD, buildMatcher, type MatchableItem, type WatchedPerson } from '../src/domain/matching/index.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

// ---- deterministic synthetic data ---------------------------------------------------------
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const ONSETS = ['b', 'ch', 'd', 'h', 'k', 'kh', 'l', 'm', 'n', 'ng', 'p', 'ph', 'r', 's', 'sr', 't', 'th', 'v', 'y', 'z', 'g', 'j', 'q', 'sh', 'x', 'f', 'w'];
const NUCLEI = ['a', 'e', 'i', 'o', 'u', 'ai', 'ao', 'ea', 'oeu', 'ou', 'ia', 'ue', 'ay', 'ey'];
const CODAS = ['', '', 'n', 'ng', 'm', 'r', 'k', 't', 'l', 's', 'v', 'y'];
const GIVEN_AR = ['Mohammed', 'Ahmed', 'Ali', 'Omar', 'Youssef', 'Hassan', 'Fatima', 'Aisha', 'Khaled', 'Salma', 'Abdullah', 'Mariam'];
const KHMER = ['កឹម', 'សុខា', 'សម', 'បុប្ផា', 'យ៉ោម', 'ចាន់', 'សុភា', 'វណ្ណី', 'ធីតា', 'រ័ត្ន', 'ស្រី', 'ពៅ'];

function syllableWord(r: () => number, n: number): string {
  let w = '';
  for (let i = 0; i < n; i++) w += ONSETS[Math.floor(r() * ONSETS.length)]! + NUCLEI[Math.floor(r() * NUCLEI.length)]! + CODAS[Math.floor(r() * CODAS.length)]!;
  return w[0]!.toUpperCase() + w.slice(1);
}

export function makePersons(n: number, seed = 1): WatchedPerson[] {
  const r = rng(seed);
  const out: WatchedPerson[] = [];
  for (let i = 0; i < n; i++) {
    const style = r();
    let name: string;
    const aliases: string[] = [];
    if (style < 0.4) name = `${syllableWord(r, 1)} ${syllableWord(r, 1 + Math.floor(r() * 2))}`;
    else if (style < 0.6) name = `${GIVEN_AR[Math.floor(r() * GIVEN_AR.length)]} al-${syllableWord(r, 2 + Math.floor(r() * 2))}`;
    else if (style < 0.8) name = `${syllableWord(r, 2)} ${syllableWord(r, 2)} ${syllableWord(r, 2 + Math.floor(r() * 2))}`;
    else name = `${syllableWord(r, 2 + Math.floor(r() * 2))} ${syllableWord(r, 3)}`;
    if (r() < 0.3) aliases.push(name.split(' ').reverse().join(' '));
    if (r() < 0.05) aliases.push(`${KHMER[Math.floor(r() * KHMER.length)]} ${KHMER[Math.floor(r() * KHMER.length)]}${KHMER[Math.floor(r() * KHMER.length)]}`);
    out.push({ id: `p${i}`, name, aliases, context: r() < 0.5 ? [syllableWord(r, 2)] : [] });
  }
  return out;
}

const FILLER = (
  'the of and to in a is that for on was with he she they as by at from his her it an were are which this be has had ' +
  'have not but said after been their who will more would its also one two new into other some than government court ' +
  'police human rights authorities activist opposition party international report week month year people country ' +
  'during against since statement family lawyer prison release security forces protest election members minister ' +
  'president leader committee council province capital city district village community organisation campaign ' +
  'investigation evidence trial appeal charges defenders journalist media online social network freedom expression'
).split(' ');
const CAPS = ['Cambodia', 'Amnesty', 'International', 'Thailand', 'Bangkok', 'Monday', 'Friday', 'November', 'United', 'Nations', 'Ministry', 'Interior', 'Supreme', 'Court', 'Phnom', 'Penh', 'Reuters', 'Beijing', 'Moscow', 'Cairo'];

function typo(r: () => number, w: string): string {
  if (w.length < 6) return w;
  const i = 1 + Math.floor(r() * (w.length - 2));
  return w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2); // transposition
}

export function makeItems(persons: WatchedPerson[], n: number, seed = 2, bytes = 3000): MatchableItem[] {
  const r = rng(seed);
  const items: MatchableItem[] = [];
  for (let k = 0; k < n; k++) {
    let text = '';
    let sentence = 0;
    while (text.length < bytes) {
      const len = 8 + Math.floor(r() * 18);
      const words: string[] = [];
      for (let i = 0; i < len; i++) {
        const x = r();
        if (x < 0.08) words.push(CAPS[Math.floor(r() * CAPS.length)]!);
        else if (x < 0.1) words.push(syllableWord(r, 2)); // unknown capitalised words (places, other names)
        else if (x < 0.103 && persons.length) {
          const p = persons[Math.floor(r() * persons.length)]!;
          words.push(r() < 0.3 ? p.name.split(' ').map((w) => typo(r, w)).join(' ') : p.name);
        } else words.push(FILLER[Math.floor(r() * FILLER.length)]!);
      }
      words[0] = words[0]![0]!.toUpperCase() + words[0]!.slice(1);
      text += `${words.join(' ')}. `;
      if (++sentence % 5 === 0) text += '\n\n';
    }
    items.push({ id: `i${k}`, title: `${CAPS[k % CAPS.length]} ${FILLER[k % FILLER.length]} report`, text });
  }
  return items;
}

// ---- baselines ------------------------------------------------------------------------------
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
function regexLoop(persons: WatchedPerson[]) {
  const res = persons.flatMap((p) => [p.name, ...(p.aliases ?? [])].map((a) => ({ id: p.id, re: new RegExp(`\\b${esc(a)}\\b`, 'i') })));
  return (item: MatchableItem) => {
    const text = `${item.title}\n${item.text}`;
    const hit = new Set<string>();
    for (const { id, re } of res) if (!hit.has(id) && re.test(text)) hit.add(id);
    return hit.size;
  };
}
function alternation(persons: WatchedPerson[]) {
  const aliases = persons.flatMap((p) => [p.name, ...(p.aliases ?? [])]);
  const owner = new Map<string, string>();
  persons.forEach((p) => [p.name, ...(p.aliases ?? [])].forEach((a) => owner.set(a.toLowerCase(), p.id)));
  const re = new RegExp(`\\b(?:${aliases.map(esc).join('|')})\\b`, 'gi');
  return (item: MatchableItem) => {
    const text = `${item.title}\n${item.text}`;
    const hit = new Set<string>();
    for (const m of text.matchAll(re)) hit.add(owner.get(m[0].toLowerCase()) ?? '');
    return hit.size;
  };
}

function throughput(fn: (i: MatchableItem) => unknown, items: MatchableItem[], budgetMs: number): { perSec: number; n: number } {
  fn(items[0]!); // warm-up
  const t0 = performance.now();
  let n = 0;
  while (n < items.length) {
    fn(items[n]!);
    n++;
    if ((n & 3) === 0 && performance.now() - t0 > budgetMs) break;
  }
  const ms = performance.now() - t0;
  return { perSec: (n / ms) * 1000, n };
}

/** Median items/s over `rounds` rounds, each on its own slice of fresh items. */
function medianThroughput(fn: (i: MatchableItem) => unknown, items: MatchableItem[], rounds: number, budgetMs: number): { perSec: number; n: number; all: number[] } {
  const per = Math.floor(items.length / rounds);
  const all: number[] = [];
  let n = 0;
  for (let r = 0; r < rounds; r++) {
    const t = throughput(fn, items.slice(r * per, (r + 1) * per), budgetMs);
    all.push(t.perSec);
    n += t.n;
  }
  const sorted = [...all].sort((a, b) => a - b);
  return { perSec: sorted[sorted.length >> 1]!, n, all };
}

export interface SizeResult {
  persons: number;
  buildMs: number;
  heapMB: number;
  peakRssMB: number;
  itemsPerSec: number;
  /** every round's items/s, for the spread */
  itemsPerSecRounds: number[];
  loopPerSec: number;
  altPerSec: number;
  altBuildMs: number;
  alertsPerItem: number;
  /** 1-minute load average before and after the throughput runs */
  loadBefore: number;
  loadAfter: number;
}

function runSize(n: number): SizeResult {
  const persons = makePersons(n);
  const items = makeItems(persons, 3000);
  gc();
  const mem = () => {
    const m = process.memoryUsage();
    return m.heapUsed + m.arrayBuffers;
  };
  const heap0 = mem();
  const t0 = performance.now();
  const matcher = buildMatcher(persons);
  const buildMs = performance.now() - t0;
  gc();
  const heapMB = (mem() - heap0) / 2 ** 20;
  const peakRssMB = process.resourceUsage().maxRSS / 1024;
  // warm caches the way a long-running worker has them, then measure
  for (const it of items.slice(0, 200)) matcher.match(it);
  gc();
  const loadBefore = loadavg()[0]!;
  let alerts = 0;
  const ours = medianThroughput(
    (it) => {
      for (const m of matcher.match(it)) if (m.score >= ALERT_THRESHOLD) alerts++;
    },
    items.slice(200),
    5,
    1500,
  );
  const loop = medianThroughput(regexLoop(persons), items, 3, 1000);
  const a0 = performance.now();
  const alt = alternation(persons);
  alt(items[0]!);
  const altBuildMs = performance.now() - a0;
  const altT = medianThroughput(alt, items, 3, 1000);
  return {
    persons: n,
    buildMs,
    heapMB,
    peakRssMB,
    itemsPerSec: ours.perSec,
    itemsPerSecRounds: ours.all,
    loopPerSec: loop.perSec,
    altPerSec: altT.perSec,
    altBuildMs,
    alertsPerItem: alerts / ours.n,
    loadBefore,
    loadAfter: loadavg()[0]!,
  };
}

const self = fileURLToPath(import.meta.url);
if (process.argv[1] === self) {
  const sizeArg = process.argv.indexOf('--size');
  if (sizeArg > 0) {
    process.stdout.write(JSON.stringify(runSize(Number(process.argv[sizeArg + 1]))));
  } else {
    const results: SizeResult[] = [];
    for (const n of [1_000, 10_000, 100_000]) {
      const r = spawnSync(process.execPath, [...process.execArgv, self, '--size', String(n)], { encoding: 'utf8', maxBuffer: 1 << 20 });
      if (r.status !== 0) {
        process.stderr.write(r.stderr);
        process.exit(1);
      }
      results.push(JSON.parse(r.stdout) as SizeResult);
      process.stderr.write(`  ${n} persons done\n`);
    }
    if (process.argv.includes('--json')) console.log(JSON.stringify(results, null, 2));
    else {
      const f0 = (x: number) => Math.round(x).toLocaleString('en');
      const la = loadavg().map((x) => x.toFixed(2)).join(' / ');
      console.log(`${cpus()[0]?.model ?? 'unknown CPU'} (${cpus().length} vCPU), Node ${process.version}, load average (1 / 5 / 15 min) at the end: ${la}`);
      console.log('One core; items of ~3 KB (synthetic news text, ~0.3% name tokens, 30% of inserted names with a typo); items/s are medians of rounds (Vigil 5, baselines 3)\n');
      console.log('| persons | build | index memory (heap + typed arrays) | peak RSS | Vigil items/s, typo-tolerant (min–max of rounds) | RegExp loop items/s | alternation items/s (exact) | Vigil / loop | Vigil / alternation | load (1 min) |');
      console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
      for (const r of results)
        console.log(
          `| ${f0(r.persons)} | ${f0(r.buildMs)} ms | ${f0(r.heapMB)} MB | ${f0(r.peakRssMB)} MB | ${f0(r.itemsPerSec)} (${f0(Math.min(...r.itemsPerSecRounds))}–${f0(Math.max(...r.itemsPerSecRounds))}) | ${r.loopPerSec.toFixed(1)} | ${r.altPerSec.toFixed(1)} (compile ${f0(r.altBuildMs)} ms) | ${f0(r.itemsPerSec / r.loopPerSec)}× | ${(r.itemsPerSec / r.altPerSec).toFixed(1)}× | ${r.loadBefore.toFixed(1)}–${r.loadAfter.toFixed(1)} |`,
        );
    }
  }
}
