/** A real SMTP server on loopback that parses every message it accepts. */
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';

export interface SmtpSink {
  url: string;
  messages: ParsedMail[];
  to(address: string): ParsedMail[];
  /** Waits until `predicate` holds over the messages (polling), or fails after `timeoutMs`. */
  waitFor(predicate: (messages: ParsedMail[]) => boolean, timeoutMs?: number, what?: string): Promise<void>;
  /** Makes the next `n` messages fail with `code` (default 451, a temporary error). */
  failNext(n: number, code?: number): void;
  /** While on, every message's DATA is held unanswered (a sender blocked mid-send); off drops them unaccepted. */
  hold(on: boolean): void;
  held(): number;
  close(): Promise<void>;
}

export async function startSmtpSink(): Promise<SmtpSink> {
  const messages: ParsedMail[] = [];
  let failures = 0;
  let failureCode = 451;
  let holding = false;
  const heldCallbacks: ((err?: Error) => void)[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      if (holding) {
        stream.resume();
        stream.on('end', () => heldCallbacks.push(callback));
        return;
      }
      if (failures > 0) {
        failures--;
        stream.resume();
        stream.on('end', () => callback(Object.assign(new Error('refused'), { responseCode: failureCode })));
        return;
      }
      simpleParser(stream)
        .then((mail) => {
          messages.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  const addressOf = (m: ParsedMail) => (Array.isArray(m.to) ? m.to : m.to ? [m.to] : []).flatMap((a) => a.value.map((v) => v.address?.toLowerCase()));
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    to: (address) => messages.filter((m) => addressOf(m).includes(address.toLowerCase())),
    async waitFor(predicate, timeoutMs = 20_000, what = 'messages') {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(messages)) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; have ${messages.length} messages`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    failNext(n, code = 451) {
      failures = n;
      failureCode = code;
    },
    hold(on) {
      holding = on;
      if (!on) for (const cb of heldCallbacks.splice(0)) cb(Object.assign(new Error('dropped'), { responseCode: 451 }));
    },
    held: () => heldCallbacks.length,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
