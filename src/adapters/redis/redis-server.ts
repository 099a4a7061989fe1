/**
 * Starts and stops a private redis-server child process: the embedded default when REDIS_URL is
 * unset (persistent, AOF under DATA_DIR/redis) and the test suite's own server (not persistent).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import net from 'node:net';
import { Redis } from 'ioredis';

export interface RedisProcess {
  url: string;
  stop(): Promise<void>;
}

export class RedisMissingError extends Error {
  constructor() {
    super(
      'redis-server was not found on PATH. Either install Redis (Debian/Ubuntu: apt-get install redis-server; ' +
        'macOS: brew install redis), or set REDIS_URL to a running Redis, or run everything with `docker compose up`.',
    );
    this.name = 'RedisMissingError';
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export async function startRedisServer(opts: { dir: string; persistent: boolean; port?: number }): Promise<RedisProcess> {
  mkdirSync(opts.dir, { recursive: true });
  const pidFile = path.join(opts.dir, 'redis.pid');
  await stopStale(pidFile);
  const port = opts.port ?? (await freePort());
  const args = [
    '--port', String(port),
    '--bind', '127.0.0.1',
    '--dir', opts.dir,
    '--save', '',
    '--appendonly', opts.persistent ? 'yes' : 'no',
    // BullMQ needs keys never to be evicted.
    '--maxmemory-policy', 'noeviction',
    '--daemonize', 'no',
    '--protected-mode', 'yes',
    '--loglevel', 'warning',
    '--pidfile', pidFile,
  ];
  // Its own process group: a Ctrl-C in the terminal reaches us, and we stop Redis last, after the
  // workers have finished with it.
  const child: ChildProcess = spawn('redis-server', args, { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const spawnError = new Promise<never>((_, reject) => {
    child.once('error', (err: NodeJS.ErrnoException) => reject(err.code === 'ENOENT' ? new RedisMissingError() : err));
    child.once('exit', (code) => reject(new Error(`redis-server exited with code ${code}: ${stderr.trim()}`)));
  });
  const url = `redis://127.0.0.1:${port}`;
  await Promise.race([waitForRedis(url), spawnError]);
  spawnError.catch(() => {});
  return {
    url,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      // SIGTERM makes redis fsync the AOF before it exits.
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** A redis-server left running on this directory by a killed run must not share its AOF with ours. */
async function stopStale(pidFile: string): Promise<void> {
  let pid: number;
  try {
    pid = Number(readFileSync(pidFile, 'utf8').trim());
  } catch {
    return;
  }
  if (!pid) return;
  let ppid: number;
  try {
    const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    if (!cmd.includes('redis-server')) return;
    // Field 4 of /proc/PID/stat is the parent; an orphan (its Vigil was killed) has been re-parented.
    ppid = Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ')[1]);
  } catch {
    return;
  }
  if (ppid > 1 && ppid !== process.pid && isVigil(ppid)) {
    throw new Error(`${path.dirname(pidFile)} is in use by another running Vigil (pid ${ppid}); stop it or set another DATA_DIR`);
  }
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return;
  }
  for (let i = 0; i < 100; i++) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

function isVigil(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('node');
  } catch {
    return false;
  }
}

async function waitForRedis(url: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    client.on('error', () => {});
    try {
      await client.connect();
      await client.ping();
      client.disconnect();
      return;
    } catch {
      client.disconnect();
      if (Date.now() > deadline) throw new Error(`redis-server did not answer on ${url} within 10 s`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}
