/** Runs the real Vigil in-process against the test Redis, under a key prefix of its own. */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { startVigil, type Role, type RunningVigil } from '../../src/vigil.js';
import { testPrefix, testRedisUrl } from './redis.js';

export const ADMIN_TOKEN = 'test-admin-token-0123456789';

export async function startTestVigil(env: Record<string, string> = {}, roles?: Role[]): Promise<RunningVigil & { prefix: string; logLines: string[] }> {
  const prefix = env.REDIS_PREFIX ?? testPrefix();
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    REDIS_URL: testRedisUrl(),
    REDIS_PREFIX: prefix,
    DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'vigil-test-')),
    ADMIN_TOKEN,
    ALLOW_PRIVATE_FEEDS: 'true',
    PUBLIC_URL: 'http://vigil.test',
    PUBLIC_RATE_LIMIT: '1000',
    ...env,
  });
  // Every line is kept (and printed when TEST_LOG_LEVEL is set), so tests can read what was logged.
  const logLines: string[] = [];
  const log = createLogger('debug', {
    write(line: string) {
      logLines.push(line);
      if (process.env.TEST_LOG_LEVEL) process.stdout.write(line);
    },
  });
  const vigil = await startVigil(config, log, roles);
  return { ...vigil, prefix, logLines };
}

/** Calls the running API over real HTTP. */
export function api(vigil: RunningVigil) {
  return async (method: string, url: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${vigil.url}${url}`, {
      method,
      headers: { ...(body !== undefined && { 'content-type': 'application/json' }), ...headers },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    let json: any;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: res.status, body: json, text, headers: res.headers };
  };
}

export function admin(vigil: RunningVigil, token = ADMIN_TOKEN) {
  const call = api(vigil);
  return (method: string, url: string, body?: unknown) => call(method, url, body, { authorization: `Bearer ${token}` });
}
