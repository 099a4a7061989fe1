/**
 * Environment → typed, frozen Config. The only module that reads process.env.
 * A bad value throws ConfigError naming the variable; main prints its message as one line and exits.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  publicUrl: string;
  /** Unset: main starts a private, persistent redis-server under dataDir/redis. */
  redisUrl: string | undefined;
  /** Namespace of every key and queue, so several instances (and tests) can share one Redis. */
  redisPrefix: string;
  dataDir: string;
  /** Unset: messages are written as .eml files to dataDir/outbox. */
  smtpUrl: string | undefined;
  mailFrom: string;
  adminToken: string | undefined;
  /** Where notices about failing or silent feeds go; unset: they are only logged. */
  adminEmail: string | undefined;
  allowPrivateFeeds: boolean;
  defaultPollSeconds: number;
  publicRateLimit: number;
  /** Bound on one feed or article fetch, from connect to the last byte. */
  fetchTimeoutSeconds: number;
  /** How long a job's lock lasts without renewal: how soon a crashed worker's job is taken over. */
  jobLockSeconds: number;
  logLevel: string;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`${variable}: ${problem}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw.trim())) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const n = Number(raw);
  if (n < min || n > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${n}`);
  return n;
}

function boolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['true', '1', 'yes'].includes(raw)) return true;
  if (['false', '0', 'no'].includes(raw)) return false;
  throw new ConfigError(name, `must be true or false, got "${env[name]}"`);
}

function url(env: Env, name: string, protocols: string[]): string | undefined {
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(name, `is not a valid URL: "${redactUrl(raw)}"`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(name, `must start with ${protocols.map((p) => `${p}//`).join(' or ')}, got "${parsed.protocol}//"`);
  }
  return raw;
}

/** Never print credentials that may sit in a URL. */
export function redactUrl(raw: string): string {
  return raw.replace(/\/\/[^@/]*@/, '//***@');
}

export function loadConfig(env: Env = process.env): Config {
  const port = integer(env, 'PORT', 3000, 0, 65535);
  const host = env.HOST?.trim() || '127.0.0.1';
  const publicUrl = (url(env, 'PUBLIC_URL', ['http:', 'https:']) ?? `http://localhost:${port}`).replace(/\/+$/, '');
  const mailFrom = env.MAIL_FROM?.trim() || 'Vigil <alerts@localhost>';
  if (!/@/.test(mailFrom)) throw new ConfigError('MAIL_FROM', `must hold an email address, got "${mailFrom}"`);
  const adminToken = env.ADMIN_TOKEN?.trim() || undefined;
  if (adminToken !== undefined && adminToken.length < 16) {
    throw new ConfigError('ADMIN_TOKEN', 'must be at least 16 characters long');
  }
  const adminEmail = env.ADMIN_EMAIL?.trim() || undefined;
  if (adminEmail !== undefined && !/^[^\s@]+@[^\s@]+$/.test(adminEmail)) {
    throw new ConfigError('ADMIN_EMAIL', 'must be an email address');
  }
  const redisPrefix = env.REDIS_PREFIX?.trim() || 'vigil';
  if (!/^[A-Za-z0-9_-]+$/.test(redisPrefix)) {
    throw new ConfigError('REDIS_PREFIX', 'may hold only letters, digits, "_" and "-"');
  }
  return Object.freeze({
    port,
    host,
    publicUrl,
    redisUrl: url(env, 'REDIS_URL', ['redis:', 'rediss:']),
    redisPrefix,
    dataDir: path.resolve(env.DATA_DIR?.trim() || './data'),
    smtpUrl: url(env, 'SMTP_URL', ['smtp:', 'smtps:']),
    mailFrom,
    adminToken,
    adminEmail,
    allowPrivateFeeds: boolean(env, 'ALLOW_PRIVATE_FEEDS', false),
    defaultPollSeconds: integer(env, 'DEFAULT_POLL_SECONDS', 300, 1, 7 * 24 * 3600),
    publicRateLimit: integer(env, 'PUBLIC_RATE_LIMIT', 20, 1, 1_000_000),
    jobLockSeconds: integer(env, 'JOB_LOCK_SECONDS', 60, 1, 3600),
    fetchTimeoutSeconds: integer(env, 'FETCH_TIMEOUT_SECONDS', 30, 1, 600),
    logLevel: env.LOG_LEVEL?.trim() || 'info',
  });
}

/** Reads ./.env into process.env (without overriding what is set) when the file exists. */
export function loadDotEnv(file = '.env'): void {
  if (existsSync(file)) process.loadEnvFile(file);
}
