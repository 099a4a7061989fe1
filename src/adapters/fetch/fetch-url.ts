/**
 * Fetches one URL from the open internet with bounds on time, bytes and redirects.
 * (Skeleton version: the feeds work hardens it: SSRF guard, decompression, per-host limits.)
 */
import { request } from 'undici';

export interface FetchOptions {
  allowPrivate: boolean;
  userAgent: string;
  maxBytes?: number;
  timeoutMs?: number;
  maxRedirects?: number;
  accept?: string;
}

export interface ConditionalHeaders {
  etag?: string;
  lastModified?: string;
}

export type FetchOutcome =
  | { notModified: true; status: 304; finalUrl: string; permanentUrl?: string }
  | {
      notModified: false;
      status: number;
      body: Buffer;
      contentType: string | undefined;
      etag?: string;
      lastModified?: string;
      finalUrl: string;
      /** Set when every redirect followed was permanent (301/308): the feed's new address. */
      permanentUrl?: string;
    };

export class FetchError extends Error {
  constructor(
    readonly reason: string,
    readonly status?: number,
    readonly retryAfterSeconds?: number,
  ) {
    super(reason);
    this.name = 'FetchError';
  }
}

const header = (h: Record<string, string | string[] | undefined>, name: string) => {
  const v = h[name];
  return Array.isArray(v) ? v[0] : v;
};

export async function fetchUrl(
  url: string,
  conditional: ConditionalHeaders,
  opts: FetchOptions,
): Promise<FetchOutcome> {
  const maxBytes = opts.maxBytes ?? 10 * 1024 * 1024;
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const signal = AbortSignal.timeout(timeoutMs);
  const res = await request(url, {
    method: 'GET',
    signal,
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
    headers: {
      'user-agent': opts.userAgent,
      accept: opts.accept ?? 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, */*;q=0.8',
      ...(conditional.etag ? { 'if-none-match': conditional.etag } : {}),
      ...(conditional.lastModified ? { 'if-modified-since': conditional.lastModified } : {}),
    },
  }).catch((err: Error) => {
    throw new FetchError(signal.aborted ? `timed out after ${timeoutMs} ms` : `network error: ${err.message}`);
  });
  if (res.statusCode === 304) {
    await res.body.dump();
    return { notModified: true, status: 304, finalUrl: url };
  }
  if (res.statusCode < 200 || res.statusCode >= 300) {
    await res.body.dump();
    throw new FetchError(`HTTP ${res.statusCode}`, res.statusCode);
  }
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of res.body) {
      total += (chunk as Buffer).length;
      if (total > maxBytes) {
        res.body.destroy();
        throw new FetchError(`response larger than ${maxBytes} bytes`, res.statusCode);
      }
      chunks.push(chunk as Buffer);
    }
  } catch (err) {
    if (err instanceof FetchError) throw err;
    throw new FetchError(signal.aborted ? `timed out after ${timeoutMs} ms` : `body error: ${(err as Error).message}`);
  }
  return {
    notModified: false,
    status: res.statusCode,
    body: Buffer.concat(chunks),
    contentType: header(res.headers, 'content-type'),
    etag: header(res.headers, 'etag'),
    lastModified: header(res.headers, 'last-modified'),
    finalUrl: url,
  };
}
