/**
 * `npm run bench`: runs every bench/*.ts except this file and eval.ts, one after another, each as
 * its own child process (`npx tsx bench/X.ts`), and stops at the first failure.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const skip = new Set(['run.ts', 'eval.ts']);
const scripts = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && !skip.has(f) && !f.startsWith('_'))
  .sort();

let failed = 0;
for (const f of scripts) {
  console.log(`\n## bench/${f}\n`);
  const r = spawnSync('npx', ['tsx', join('bench', f)], { cwd: join(here, '..'), stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`bench/${f} failed (${r.status ?? r.signal})`);
    failed = 1;
    break;
  }
}
process.exitCode = failed;
