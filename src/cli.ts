/**
 * Vigil command line.
 *
 *   vigil match --watchlist W.json --items I.json
 *
 * Prints one JSON object per line for every mention at or above the alert threshold:
 * {"item", "person", "score", "urgency", "evidence"}. Errors go to stderr with exit code 2.
 */
import { readFileSync } from 'node:fs';
import { ALERT_THRESHOLD, buildMatcher, type MatchableItem, type WatchedPerson } from './domain/matching/index.js';

class UsageError extends Error {}

const USAGE = 'usage: vigil match --watchlist W.json --items I.json';

function parseArgs(argv: string[]): { command: string; flags: Map<string, string> } {
  const [command, ...rest] = argv;
  if (!command) throw new UsageError(`no command given\n${USAGE}`);
  const flags = new Map<string, string>();
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    const eq = a.indexOf('=');
    if (a.startsWith('--') && eq > 2) {
      flags.set(a.slice(2, eq), a.slice(eq + 1));
      continue;
    }
    if (!a.startsWith('--')) throw new UsageError(`unexpected argument "${a}"\n${USAGE}`);
    const v = rest[i + 1];
    if (v === undefined || v.startsWith('--')) throw new UsageError(`${a} needs a value\n${USAGE}`);
    flags.set(a.slice(2), v);
    i++;
  }
  return { command, flags };
}

function readJson(path: string, what: string): unknown {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(`${what} file ${path}: ${code === 'ENOENT' ? 'not found' : code === 'EISDIR' ? 'is a directory' : String((e as Error).message)}`);
  }
  try {
    return JSON.parse(raw.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new UsageError(`${what} file ${path}: invalid JSON (${(e as Error).message})`);
  }
}

const isStr = (x: unknown): x is string => typeof x === 'string';
const isStrArr = (x: unknown): x is string[] => Array.isArray(x) && x.every(isStr);

function validateWatchlist(path: string, data: unknown): WatchedPerson[] {
  if (!Array.isArray(data)) throw new UsageError(`watchlist file ${path}: expected a JSON array of persons`);
  const ids = new Set<string>();
  return data.map((p: unknown, i) => {
    const o = p as Record<string, unknown>;
    const where = `watchlist file ${path}: entry ${i}`;
    if (typeof p !== 'object' || p === null || Array.isArray(p)) throw new UsageError(`${where}: expected an object`);
    if (!isStr(o.id) || o.id === '') throw new UsageError(`${where}: "id" must be a non-empty string`);
    if (!isStr(o.name) || o.name.trim() === '') throw new UsageError(`${where}: "name" must be a non-empty string`);
    if (o.aliases !== undefined && !isStrArr(o.aliases)) throw new UsageError(`${where}: "aliases" must be an array of strings`);
    if (o.context !== undefined && !isStrArr(o.context)) throw new UsageError(`${where}: "context" must be an array of strings`);
    if (ids.has(o.id)) throw new UsageError(`${where}: duplicate id "${o.id}"`);
    ids.add(o.id);
    return { id: o.id, name: o.name, aliases: o.aliases as string[] | undefined, context: o.context as string[] | undefined };
  });
}

function validateItems(path: string, data: unknown): MatchableItem[] {
  if (!Array.isArray(data)) throw new UsageError(`items file ${path}: expected a JSON array of items`);
  return data.map((p: unknown, i) => {
    const o = p as Record<string, unknown>;
    const where = `items file ${path}: entry ${i}`;
    if (typeof p !== 'object' || p === null || Array.isArray(p)) throw new UsageError(`${where}: expected an object`);
    if (!isStr(o.id) || o.id === '') throw new UsageError(`${where}: "id" must be a non-empty string`);
    if (o.title !== undefined && !isStr(o.title)) throw new UsageError(`${where}: "title" must be a string`);
    if (o.text !== undefined && !isStr(o.text)) throw new UsageError(`${where}: "text" must be a string`);
    if (o.title === undefined && o.text === undefined) throw new UsageError(`${where}: needs "title" or "text"`);
    if (o.url !== undefined && !isStr(o.url)) throw new UsageError(`${where}: "url" must be a string`);
    return { id: o.id, title: (o.title as string | undefined) ?? '', text: (o.text as string | undefined) ?? '', url: o.url as string | undefined };
  });
}

function runMatch(flags: Map<string, string>): void {
  for (const k of flags.keys()) if (k !== 'watchlist' && k !== 'items') throw new UsageError(`unknown option --${k}\n${USAGE}`);
  const w = flags.get('watchlist');
  const it = flags.get('items');
  if (!w) throw new UsageError(`missing --watchlist\n${USAGE}`);
  if (!it) throw new UsageError(`missing --items\n${USAGE}`);
  const persons = validateWatchlist(w, readJson(w, 'watchlist'));
  const items = validateItems(it, readJson(it, 'items'));
  const matcher = buildMatcher(persons);
  const out: string[] = [];
  for (const item of items) {
    for (const m of matcher.match(item)) {
      if (m.score < ALERT_THRESHOLD) continue;
      out.push(JSON.stringify({ item: m.itemId, person: m.personId, score: m.score, urgency: m.urgency, evidence: m.evidence }));
    }
  }
  if (out.length) process.stdout.write(`${out.join('\n')}\n`);
}

function main(argv: string[]): number {
  try {
    const { command, flags } = parseArgs(argv);
    if (command === 'match') runMatch(flags);
    else if (command === '--help' || command === '-h' || command === 'help') process.stdout.write(`${USAGE}\n`);
    else throw new UsageError(`unknown command "${command}"\n${USAGE}`);
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`vigil: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

process.exitCode = main(process.argv.slice(2));
