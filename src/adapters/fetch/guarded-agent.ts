/**
 * An undici Agent whose every new connection goes through a checked DNS lookup.
 *
 * The check happens inside the socket's own `lookup`, so the address that was checked is the
 * address that is connected to: a DNS answer cannot change between the check and the connect
 * (DNS rebinding). Every resolved address must pass; a name that resolves to one public and one
 * private address is refused as a whole. IP literals skip `lookup` in Node's net module, so
 * fetch-url checks those itself before each request (see `checkLiteralHost`).
 */
import dns from 'node:dns';
import net from 'node:net';
import type { LookupAddress, LookupOptions } from 'node:dns';
import { Agent } from 'undici';
import { assertAllowed, stripBrackets, type AddressPolicy } from './address-policy.js';

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Resolves a host name to its addresses (injectable for tests; default: the OS resolver). */
export type HostResolver = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolver: HostResolver = async (hostname) => {
  const addrs = await dns.promises.lookup(hostname, { all: true, verbatim: true });
  return addrs.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
};

type LookupCallback = (
  err: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/** A `net.connect` lookup function that resolves with `resolver` and refuses what `policy` refuses. */
export function guardedLookup(resolver: HostResolver, policy: AddressPolicy | null) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    resolver(hostname)
      .then((addrs) => {
        if (options.family === 4 || options.family === 6) addrs = addrs.filter((a) => a.family === options.family);
        if (addrs.length === 0) {
          const err: NodeJS.ErrnoException = new Error(`no address found for ${hostname}`);
          err.code = 'ENOTFOUND';
          throw err;
        }
        if (policy) for (const a of addrs) assertAllowed(hostname, a.address, policy);
        if (options.all) callback(null, addrs);
        else callback(null, addrs[0]!.address, addrs[0]!.family);
      })
      .catch((err: NodeJS.ErrnoException) => callback(err, options.all ? [] : ''));
  };
}

/** Checks a URL host that is an IP literal (those never reach `lookup`). */
export function checkLiteralHost(hostname: string, policy: AddressPolicy | null): void {
  const bare = stripBrackets(hostname);
  if (policy && net.isIP(bare)) assertAllowed(bare, bare, policy);
}

export interface AgentSettings {
  resolver: HostResolver;
  /** null: every address allowed (ALLOW_PRIVATE_FEEDS). */
  policy: AddressPolicy | null;
  connectTimeoutMs: number;
}

const ids = new WeakMap<object, number>();
let nextId = 1;
const idOf = (o: object | null) => {
  if (!o) return 0;
  let id = ids.get(o);
  if (!id) ids.set(o, (id = nextId++));
  return id;
};

const agents = new Map<string, Agent>();

/**
 * One shared Agent per distinct setting, so keep-alive connections are reused across polls.
 * Settings are few in practice (the default policy, or allow-private; tests add their own).
 */
export function agentFor(s: AgentSettings): Agent {
  const key = `${idOf(s.resolver)}|${idOf(s.policy)}|${s.connectTimeoutMs}`;
  let agent = agents.get(key);
  if (!agent) {
    agent = new Agent({
      connect: { timeout: s.connectTimeoutMs, lookup: guardedLookup(s.resolver, s.policy) },
      keepAliveTimeout: 4_000,
      keepAliveMaxTimeout: 30_000,
      // Never follow redirects here: fetch-url follows them itself, checking every hop.
    });
    agents.set(key, agent);
  }
  return agent;
}

/** Closes every shared agent (tests, shutdown). */
export async function closeAgents(): Promise<void> {
  const all = [...agents.values()];
  agents.clear();
  await Promise.all(all.map((a) => a.close().catch(() => undefined)));
}
