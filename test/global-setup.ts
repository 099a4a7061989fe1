/**
 * Starts one private redis-server on a free port for the whole run (never a shared one), unless
 * REDIS_URL is given. Each test file isolates itself with its own key prefix (see helpers/redis.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startRedisServer } from '../src/adapters/redis/redis-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    redisUrl: string;
  }
}

export default async function setup(project: TestProject) {
  if (process.env.REDIS_URL) {
    project.provide('redisUrl', process.env.REDIS_URL);
    return;
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'vigil-test-redis-'));
  const redis = await startRedisServer({ dir, persistent: false });
  project.provide('redisUrl', redis.url);
  return async () => {
    await redis.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
