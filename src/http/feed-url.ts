import { isIP } from 'node:net';
import { forbiddenRange, stripBrackets } from '../adapters/fetch/address-policy.js';

/** Early, friendly refusal of URLs the poller would refuse anyway (it re-checks after DNS). */
export function feedUrlProblem(raw: string, allowPrivate: boolean): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'is not a valid URL';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'must be an http or https URL';
  if (url.username || url.password) return 'must not carry credentials';
  if (!allowPrivate) {
    const host = stripBrackets(url.hostname);
    if (host === 'localhost' || host.endsWith('.localhost')) return 'points at this server (set ALLOW_PRIVATE_FEEDS=true to allow)';
    const range = isIP(host) ? forbiddenRange(host) : null;
    if (range) return `points at a ${range} address (set ALLOW_PRIVATE_FEEDS=true to allow)`;
  }
  return null;
}
