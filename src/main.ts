/** `npm start [-- --role api|worker|scheduler]`: runs Vigil's roles (all by default). */
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, loadDotEnv } from './config.js';
import { createLogger } from './log.js';
import { RedisMissingError } from './adapters/redis/redis-server.js';
import { ROLES, startVigil, type Role } from './vigil.js';

function fail(message: string): never {
  process.stderr.write(`vigil: ${message}\n`);
  process.exit(1);
}

let roles: Role[] = [...ROLES];
try {
  const { values } = parseArgs({ options: { role: { type: 'string', multiple: true } }, strict: true });
  if (values.role) {
    const bad = values.role.find((r) => !(ROLES as readonly string[]).includes(r));
    if (bad) fail(`--role must be one of ${ROLES.join(', ')}; got "${bad}"`);
    roles = values.role as Role[];
  }
} catch (err) {
  fail((err as Error).message);
}

let config;
try {
  loadDotEnv();
  config = loadConfig();
} catch (err) {
  if (err instanceof ConfigError) fail(`bad configuration: ${err.message}`);
  throw err;
}

const log = createLogger(config.logLevel);
const vigil = await startVigil(config, log, roles).catch((err: Error) => {
  if (err instanceof RedisMissingError) fail(err.message);
  if (err instanceof ConfigError) fail(`bad configuration: ${err.message}`);
  if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') fail(`PORT ${config.port} on ${config.host} is already in use; set PORT to another port`);
  fail(`could not start: ${err.message}`);
});

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping: finishing jobs in progress');
    void vigil.stop().then(() => process.exit(0));
  });
}
