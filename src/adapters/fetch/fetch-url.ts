/**
 * Fetches one URL from the open internet with bounds on time, bytes and redirects, without ever
 * connecting to an address inside the server's network (unless `allowPrivate`).
 *
 * - Only http and https. Redirects are followed here, by hand, up to `maxRedirects` (5); every hop
 *   is checked again. `permanentUrl` is set when every hop was 301 or 308.
 * - SSRF guard: every connection resolves its host through a checked lookup and connects to the
 *   address that was checked (immune to DNS rebinding); IP literals are checked before the request.
 * - gzip, deflate and br are decoded; `maxBytes` (10 MiB) bounds both the bytes on the wire and
 *   the decoded bytes.
 * - `timeoutMs` (30 s) bounds the whole call: waiting for a host slot, connecting, every redirect,
 *   headers and body, so a body that trickles or never ends fails on time. Connecting alone is
 *   bounded by `connectTimeoutMs` (10 s).
 * - At most `DEFAULT_PER_HOST_CONCURRENCY` (2) requests per host name at once, PER PROCESS.
 * - Failures throw FetchError with a reason fit to show an admin; 429 and 503 carry
 *   `retryAfterSeconds` from Retry-After.
 */
import { STATUS_CODES } from 'node:http';
import { request } from 'undici';
import { BlockedAddressError, isPublicAddress, type AddressPolicy } from './address-policy.js';
import { ACCEPT_ENCODING, DecodeError, decodeContent } from './decompress.js';
import { agentFor, checkLiteralHost, closeAgents, systemResolver, type HostResolver } from './guarded-agent.js';
import { DEFAULT_PER_HOST_CONCURRENCY, HostLimiter } from './host-limiter.js';
import { parseRetryAfter } from './retry-after.js';

export interface FetchOptions {
  /** true: connect to any address, loopback and private included (ALLOW_PRIVATE_FEEDS). */
  allowPrivate: boolean;
  /** Sent as User-Agent, e.g. `Vigil/0.1 (+https://vigil.example.org)`. */
  userAgent: string;
  /** Bound on the body, on the wire and once decompressed. Default 10 MiB. */
  maxBytes?: number;
  /** Bound on the whole call. Default 30 s. */
  timeoutMs?: number;
  /** Bound on establishing one connection (TCP + TLS). Default 10 s. */
  connectTimeoutMs?: number;
  /** Default 5. */
  maxRedirects?: number;
  /** Accept header; default FEED_ACCEPT. Use ARTICLE_ACCEPT for article pages. */
  accept?: string;
  /** Cancels the call (e.g. worker shutdown); fails with reason "aborted". */
  signal?: AbortSignal;
  /** Host name resolver; default the OS resolver. Tests inject names here. */
  resolveHost?: HostResolver;
  /** Which addresses may be connected to when `allowPrivate` is false; default public unicast only. */
  isAllowedAddress?: AddressPolicy;
  /** Per-host concurrency limiter; default a shared one allowing 2 per host in this process. */
  hostLimiter?: HostLimiter;
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
      /** Decoded (decompressed) body. */
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

export const FEED_ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5';
export const ARTICLE_ACCEPT = 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5';

export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_REDIRECTS = 5;

/** The per-process default: at most 2 requests in flight per host name. */
export const defaultHostLimiter = new HostLimiter(DEFAULT_PER_HOST_CONCURRENCY);

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

type Headers = Record<string, string | string[] | undefined>;
const header = (h: Headers, name: string) => {
  const v = h[name];
  return Array.isArray(v) ? v[0] : v;
};

class Timeout extends Error {}

export async function fetchUrl(url: string, conditional: ConditionalHeaders, opts: FetchOptions): Promise<FetchOutcome> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const connectTimeoutMs = Math.min(opts.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS, timeoutMs);
  const maxRedirects = opts.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const policy = opts.allowPrivate ? null : (opts.isAllowedAddress ?? isPublicAddress);
  const dispatcher = agentFor({ resolver: opts.resolveHost ?? systemResolver, policy, connectTimeoutMs });
  const limiter = opts.hostLimiter ?? defaultHostLimiter;

  const started = Date.now();
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(new Timeout()), timeoutMs);
  const onCallerAbort = () => deadline.abort(opts.signal?.reason);
  if (opts.signal?.aborted) onCallerAbort();
  opts.signal?.addEventListener('abort', onCallerAbort, { once: true });

  let phase = 'starting';
  let current = url;
  let host = '';
  const visited = new Set<string>();
  let allPermanent = true;
  let redirects = 0;
  try {
    for (;;) {
      const target = httpUrl(current, redirects > 0);
      host = target.hostname;
      visited.add(target.href);
      checkLiteralHost(host, policy);

      phase = `waiting for a free slot for ${host} (per-host limit ${limiter.limit})`;
      const release = await limiter.acquire(host, deadline.signal);
      try {
        phase = `waiting for ${host} to answer`;
        const remaining = Math.max(1, timeoutMs - (Date.now() - started));
        const res = await request(target, {
          dispatcher,
          method: 'GET',
          signal: deadline.signal,
          headersTimeout: remaining,
          bodyTimeout: remaining,
          headers: {
            'user-agent': opts.userAgent,
            accept: opts.accept ?? FEED_ACCEPT,
            'accept-encoding': ACCEPT_ENCODING,
            ...(conditional.etag ? { 'if-none-match': conditional.etag } : {}),
            ...(conditional.lastModified ? { 'if-modified-since': conditional.lastModified } : {}),
          },
        });
        const status = res.statusCode;
        const headers = res.headers as Headers;

        if (REDIRECTS.has(status)) {
          await res.body.dump().catch(() => undefined);
          const location = header(headers, 'location');
          if (!location) throw new FetchError(`HTTP ${status} redirect without a Location header`, status);
          let next: URL;
          try {
            next = new URL(location, target);
          } catch {
            throw new FetchError(`HTTP ${status} redirect to an invalid URL: ${location.slice(0, 200)}`, status);
          }
          next.hash = '';
          if (visited.has(next.href)) throw new FetchError(`redirect loop at ${next.href}`, status);
          if (redirects >= maxRedirects) throw new FetchError(`too many redirects (more than ${maxRedirects})`, status);
          redirects++;
          allPermanent &&= status === 301 || status === 308;
          current = next.href;
          continue;
        }

        const finalUrl = target.href;
        const permanentUrl = redirects > 0 && allPermanent && finalUrl !== url ? finalUrl : undefined;
        const moved = permanentUrl ? { permanentUrl } : {};

        if (status === 304) {
          await res.body.dump().catch(() => undefined);
          return { notModified: true, status: 304, finalUrl, ...moved };
        }
        if (status < 200 || status > 299) {
          await res.body.dump().catch(() => undefined);
          const retryAfter = status === 429 || status === 503 ? parseRetryAfter(header(headers, 'retry-after')) : undefined;
          const text = STATUS_CODES[status] ? ` ${STATUS_CODES[status]}` : '';
          throw new FetchError(`HTTP ${status}${text}`, status, retryAfter);
        }

        const declared = Number(header(headers, 'content-length'));
        if (declared > maxBytes) {
          res.body.destroy();
          throw new FetchError(`response larger than ${maxBytes} bytes (Content-Length ${declared})`, status);
        }
        phase = `reading the body from ${host}`;
        const chunks: Buffer[] = [];
        let total = 0;
        for await (const chunk of res.body) {
          total += (chunk as Buffer).length;
          if (total > maxBytes) {
            res.body.destroy();
            throw new FetchError(`response larger than ${maxBytes} bytes`, status);
          }
          chunks.push(chunk as Buffer);
        }
        phase = 'decompressing';
        let body: Buffer;
        try {
          body = await decodeContent(Buffer.concat(chunks, total), header(headers, 'content-encoding'), maxBytes);
        } catch (err) {
          throw new FetchError((err as DecodeError).message, status);
        }
        return {
          notModified: false,
          status,
          body,
          contentType: header(headers, 'content-type'),
          etag: header(headers, 'etag'),
          lastModified: header(headers, 'last-modified'),
          finalUrl,
          ...moved,
        };
      } finally {
        release();
      }
    }
  } catch (err) {
    throw toFetchError(err, { deadline: deadline.signal, callerSignal: opts.signal, timeoutMs, connectTimeoutMs, phase, host });
  } finally {
    clearTimeout(timer);
    opts.signal?.removeEventListener('abort', onCallerAbort);
  }
}

/** Closes the shared connection pools (call on shutdown and at the end of test files). */
export const closeFetchAgents = closeAgents;

function httpUrl(raw: string, isRedirect: boolean): URL {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw new FetchError(`invalid URL: ${raw.slice(0, 200)}`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') {
    throw new FetchError(`${isRedirect ? 'redirect to ' : ''}unsupported URL scheme "${u.protocol.replace(/:$/, '')}" (only http and https)`);
  }
  if (u.username || u.password) throw new FetchError('URLs with credentials are not supported');
  u.hash = '';
  return u;
}

interface ErrorContext {
  deadline: AbortSignal;
  callerSignal: AbortSignal | undefined;
  timeoutMs: number;
  connectTimeoutMs: number;
  phase: string;
  host: string;
}

function toFetchError(err: unknown, ctx: ErrorContext): FetchError {
  if (err instanceof FetchError) return err;
  const blocked = findCause(err, (e) => e instanceof BlockedAddressError);
  if (blocked) return new FetchError(blocked.message);
  if (ctx.deadline.aborted) {
    if (ctx.deadline.reason instanceof Timeout) return new FetchError(`timed out after ${ctx.timeoutMs} ms ${ctx.phase}`);
    if (ctx.callerSignal?.aborted) return new FetchError('aborted');
  }
  const e = (findCause(err, (x) => typeof (x as NodeJS.ErrnoException).code === 'string') ?? err) as NodeJS.ErrnoException;
  const message = e?.message ?? String(err);
  switch (e?.code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_NODATA':
      return new FetchError(`DNS lookup failed for ${ctx.host}`);
    case 'ECONNREFUSED':
      return new FetchError(`connection refused by ${ctx.host}`);
    case 'ECONNRESET':
    case 'EPIPE':
      return new FetchError(`connection reset by ${ctx.host} while ${ctx.phase.replace(/ from .*| to .*/, '')}`);
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return new FetchError(`${ctx.host} is unreachable`);
    case 'UND_ERR_CONNECT_TIMEOUT':
      return new FetchError(`connecting to ${ctx.host} timed out after ${ctx.connectTimeoutMs} ms`);
    case 'UND_ERR_HEADERS_TIMEOUT':
    case 'UND_ERR_BODY_TIMEOUT':
      return new FetchError(`timed out after ${ctx.timeoutMs} ms ${ctx.phase}`);
    case 'UND_ERR_SOCKET':
    case 'UND_ERR_CLOSED':
      return new FetchError(`connection to ${ctx.host} closed early: ${message}`);
    case 'HPE_INVALID_CONSTANT':
    case 'HPE_HEADER_OVERFLOW':
    case 'UND_ERR_HEADERS_OVERFLOW':
      return new FetchError(`invalid HTTP response from ${ctx.host}: ${message}`);
  }
  if (e?.code && /^(ERR_TLS|ERR_SSL|CERT_|UNABLE_TO|DEPTH_ZERO|SELF_SIGNED)/.test(e.code)) {
    return new FetchError(`TLS error with ${ctx.host}: ${message}`);
  }
  return new FetchError(`network error with ${ctx.host || 'the server'}: ${message}`);
}

function findCause(err: unknown, test: (e: unknown) => boolean): Error | undefined {
  for (let e = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (test(e)) return e as Error;
  }
  return undefined;
}
