import pino, { type Logger } from 'pino';

/** Addresses must never reach the logs: redact the fields that could hold one, wherever they sit. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    redact: {
      paths: ['email', '*.email', 'to', '*.to', 'req.headers.authorization', 'headers.authorization', 'req.body', 'body'],
      censor: '[redacted]',
    },
  });
}
