import pino, { type Logger } from 'pino';

/**
 * Addresses must never reach the logs: redact the fields that could hold one, wherever they sit.
 * Request URLs are logged without their query string, which carries confirm and unsubscribe tokens.
 */
export function createLogger(level: string, destination: pino.DestinationStream = process.stdout): Logger {
  return pino(
    {
      level,
      serializers: {
        req: (req: { method?: string; url?: string; ip?: string }) => ({
          method: req.method,
          url: req.url?.split('?')[0],
          ip: req.ip,
        }),
      },
      redact: {
        paths: ['email', '*.email', 'to', '*.to', 'req.headers.authorization', 'headers.authorization', 'req.body', 'body'],
        censor: '[redacted]',
      },
    },
    destination,
  );
}
