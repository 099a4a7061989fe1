/**
 * Sends a rendered message: over SMTP when SMTP_URL is set, else as an .eml file in DATA_DIR/outbox.
 * Either way nodemailer builds the MIME, so the outbox files are exactly what SMTP would carry.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import nodemailer from 'nodemailer';

export interface OutgoingMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** RFC 8058 one-click unsubscribe URL: sets List-Unsubscribe and List-Unsubscribe-Post. */
  unsubscribeUrl?: string;
  headers?: Record<string, string>;
}

export interface SentMessage {
  messageId: string;
  /** The .eml file, when written to the outbox. */
  file?: string;
}

export interface Mailer {
  send(message: OutgoingMessage): Promise<SentMessage>;
  close(): void;
}

export function createMailer(opts: { smtpUrl: string | undefined; from: string; outboxDir: string }): Mailer {
  const transport = opts.smtpUrl
    ? nodemailer.createTransport(opts.smtpUrl)
    : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  if (!opts.smtpUrl) mkdirSync(opts.outboxDir, { recursive: true });

  return {
    async send(message) {
      const info = await transport.sendMail({
        from: opts.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        headers: {
          ...message.headers,
          ...(message.unsubscribeUrl && { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' }),
        },
        ...(message.unsubscribeUrl && { list: { unsubscribe: message.unsubscribeUrl } }),
      });
      if (opts.smtpUrl) return { messageId: info.messageId };
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(4).toString('hex')}.eml`;
      const file = path.join(opts.outboxDir, name);
      // Write then rename, so a reader of the outbox never sees half a message.
      writeFileSync(`${file}.tmp`, (info as unknown as { message: Buffer }).message);
      renameSync(`${file}.tmp`, file);
      return { messageId: info.messageId, file };
    },
    close() {
      transport.close();
    },
  };
}
