/**
 * At-least-once queues, exactly-once effects: a worker process is killed (SIGKILL) in the middle
 * of sending, another takes its jobs over, and every subscriber still gets every alert exactly once.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.js';
import { startFeedServer, type FeedServer } from '../helpers/feed-server.js';
import { ADMIN_TOKEN, admin, api, startTestVigil } from '../helpers/vigil.js';
import { testRedisUrl } from '../helpers/redis.js';
import { startWorkers } from '../../src/roles/worker.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const ITEMS = 30;
const SUBSCRIBERS = ['ana@example.org', 'ben@example.org'];

const until = async (cond: () => boolean, what: string, timeoutMs = 30_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
};

describe('a worker killed mid-job', () => {
  let smtp: SmtpSink;
  let feeds: FeedServer;
  let vigil: Awaited<ReturnType<typeof startTestVigil>>;
  let child: ChildProcess | undefined;
  let recovery: { close(): Promise<void> } | undefined;
  const env = () => ({ SMTP_URL: smtp.url, JOB_LOCK_SECONDS: '2' });

  beforeAll(async () => {
    smtp = await startSmtpSink();
    feeds = await startFeedServer(
      Array.from({ length: ITEMS }, (_, i) => ({
        guid: `item-${i}`,
        title: `Report ${i}: Soun Chamroeun detained`,
        text: `Police detained the CNRP activist Soun Chamroeun on day ${i}.`,
        path: `/articles/${i}`,
        publishedAt: new Date(),
      })),
    );
    // API and scheduler in this process; the workers in a child process we can kill.
    vigil = await startTestVigil(env(), ['api', 'scheduler']);
  });
  afterAll(async () => {
    child?.kill('SIGKILL');
    await recovery?.close();
    await vigil?.stop();
    await feeds?.close();
    await smtp?.close();
  });

  it('loses no alert and sends none twice', { timeout: 120_000 }, async () => {
    const person = await admin(vigil)('POST', '/api/admin/persons', { name: 'Soun Chamroeun' });
    for (const email of SUBSCRIBERS) {
      expect((await api(vigil)('POST', '/api/subscriptions', { email, personId: person.body.id })).status).toBe(202);
    }
    await smtp.waitFor((m) => m.length === SUBSCRIBERS.length, 10_000, 'confirmations');
    for (const m of smtp.messages.splice(0)) {
      const link = new URL(/http:\/\/vigil\.test\/confirm\?token=\S+/.exec(m.text ?? '')![0]);
      expect((await api(vigil)('POST', `${link.pathname}${link.search}`)).status).toBe(200);
    }

    child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', '--role', 'worker'], {
      cwd: ROOT,
      stdio: process.env.TEST_LOG_LEVEL ? 'inherit' : 'ignore',
      env: {
        ...process.env,
        ...env(),
        REDIS_URL: testRedisUrl(),
        REDIS_PREFIX: vigil.prefix,
        ALLOW_PRIVATE_FEEDS: 'true',
        PUBLIC_URL: 'http://vigil.test',
        ADMIN_TOKEN,
        DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'vigil-child-')),
        LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      },
    });
    const exited = new Promise((r) => child!.once('exit', r));
    expect((await admin(vigil)('POST', '/api/admin/feeds', { url: feeds.feedUrl, intervalSeconds: 1 })).status).toBe(201);

    const alerts = () => smtp.messages.filter((m) => m.headers.get('x-vigil-alert'));
    await until(() => alerts().length >= 10, 'the first alerts from the child worker');
    // Block every send in flight, let the sends already accepted record their markers, then kill.
    smtp.hold(true);
    await until(() => smtp.held() >= 1, 'a send in flight');
    await new Promise((r) => setTimeout(r, 300));
    child.kill('SIGKILL');
    await exited;
    smtp.hold(false);
    const beforeRecovery = alerts().length;
    expect(beforeRecovery).toBeLessThan(ITEMS * SUBSCRIBERS.length);

    recovery = startWorkers(vigil.services);
    await until(() => alerts().length >= ITEMS * SUBSCRIBERS.length, 'every alert after recovery', 45_000);
    await new Promise((r) => setTimeout(r, 2500)); // anything doubled would arrive now

    const pairs = alerts().map((m) => `${m.to && JSON.stringify(m.to)}|${m.headers.get('x-vigil-alert')}`);
    expect(new Set(pairs).size).toBe(ITEMS * SUBSCRIBERS.length);
    expect(pairs).toHaveLength(ITEMS * SUBSCRIBERS.length);
    for (const email of SUBSCRIBERS) {
      const texts = smtp.to(email).filter((m) => m.headers.get('x-vigil-alert')).map((m) => m.text ?? '');
      for (let i = 0; i < ITEMS; i++) expect(texts.filter((t) => t.includes(`/articles/${i}\n`))).toHaveLength(1);
    }
  });
});
