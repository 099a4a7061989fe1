/**
 * Content-Encoding decoding with a cap on the DECODED size, so a small compressed body cannot
 * expand into gigabytes (a "zip bomb"): zlib stops as soon as the output passes the cap.
 */
import zlib from 'node:zlib';
import { promisify } from 'node:util';

const gunzip = promisify(zlib.gunzip);
const inflate = promisify(zlib.inflate);
const inflateRaw = promisify(zlib.inflateRaw);
const brotli = promisify(zlib.brotliDecompress);

/** What we send as Accept-Encoding; everything named here is decoded below. */
export const ACCEPT_ENCODING = 'gzip, deflate, br';

export class DecodeError extends Error {
  override name = 'DecodeError';
}

/**
 * Undoes `contentEncoding` (a header value such as "gzip" or "deflate, br", applied in order,
 * so undone in reverse). Throws DecodeError with a readable reason.
 */
export async function decodeContent(body: Buffer, contentEncoding: string | undefined, maxBytes: number): Promise<Buffer> {
  const codings = (contentEncoding ?? '')
    .split(',')
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c && c !== 'identity');
  let out = body;
  for (const coding of codings.reverse()) {
    const opts = { maxOutputLength: maxBytes };
    try {
      switch (coding) {
        case 'gzip':
        case 'x-gzip':
          out = await gunzip(out, opts);
          break;
        case 'deflate':
          // "deflate" is meant to be zlib-wrapped, but some servers send raw deflate.
          out = (out[0]! & 0x0f) === 8 && ((out[0]! << 8) | out[1]!) % 31 === 0 ? await inflate(out, opts) : await inflateRaw(out, opts);
          break;
        case 'br':
          out = await brotli(out, opts);
          break;
        default:
          throw new DecodeError(`unsupported content-encoding "${coding}"`);
      }
    } catch (err) {
      if (err instanceof DecodeError) throw err;
      const e = err as NodeJS.ErrnoException;
      if (e.code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError) {
        throw new DecodeError(`response larger than ${maxBytes} bytes once decompressed (${coding})`);
      }
      throw new DecodeError(`could not decompress ${coding} body: ${e.message}`);
    }
  }
  return out;
}
