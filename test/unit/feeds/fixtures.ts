import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/feeds');

/** Bytes of a fixture in test/fixtures/feeds. */
export const fixture = (name: string): Buffer => readFileSync(path.join(dir, name));
