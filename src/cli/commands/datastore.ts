/**
 * @module `k3ts datastore migrate --from <endpoint> --to <endpoint>`: copies the live keys of one
 * datastore into another (SQLite to PostgreSQL, or etcd back to SQL, which k3s cannot do).
 * Endpoints are written as for --datastore-endpoint; "" is the default SQLite in --data-dir.
 * Run it with the servers stopped: keys written during the copy may be missed.
 */
import { existsSync } from 'node:fs';
import { ConfigError } from '../../base/errors.js';
import { configureLogging } from '../../base/log.js';
import { resolveDataDir, resolveLog } from '../../config/common.js';
import { currentHost } from '../../config/host.js';
import { parseEndpoint } from '../../datastore/endpoint.js';
import { parseArgv } from '../argv.js';
import { FlagTable, type FlagSpec } from '../flag.js';
import { commandHelp } from '../help.js';
import type { Command } from '../io.js';
import { envValues, ResolvedFlags } from '../settings.js';
import { LOGGING_FLAGS } from '../flags/common.js';
import { shutdownSignal } from '../signals.js';

const tlsFlags = (side: 'from' | 'to'): FlagSpec[] => [
  { name: `${side}-cafile`, type: 'string', group: side, usage: `TLS Certificate Authority file for the ${side === 'from' ? 'source' : 'target'} datastore` },
  { name: `${side}-certfile`, type: 'string', group: side, usage: `TLS certification file for the ${side === 'from' ? 'source' : 'target'} datastore` },
  { name: `${side}-keyfile`, type: 'string', group: side, usage: `TLS key file for the ${side === 'from' ? 'source' : 'target'} datastore` },
];

export const DATASTORE_FLAGS = new FlagTable('datastore migrate', [
  { name: 'from', type: 'string', group: 'from', valueName: 'ENDPOINT', usage: 'Datastore to copy from, as --datastore-endpoint ("" for the default SQLite in --data-dir)' },
  ...tlsFlags('from'),
  { name: 'to', type: 'string', group: 'to', valueName: 'ENDPOINT', usage: 'Datastore to copy into, as --datastore-endpoint' },
  ...tlsFlags('to'),
  { name: 'overwrite', type: 'bool', usage: 'Copy into a datastore that already holds keys, replacing the ones that exist' },
  { name: 'data-dir', short: 'd', type: 'string', group: 'data', usage: 'Folder holding the default SQLite datastore', env: 'K3S_DATA_DIR' },
  ...LOGGING_FLAGS.filter((f) => !f.unsupported),
]);

const SUMMARY = 'Copy the keys of one datastore into another (migrate)';

export const datastoreCommand: Command = {
  name: 'datastore',
  summary: SUMMARY,
  async run(argv, io) {
    const parsed = parseArgv(DATASTORE_FLAGS, argv);
    const [sub, ...extra] = parsed.positionals;
    if (parsed.help || sub === undefined) {
      io.stdout.write(commandHelp(DATASTORE_FLAGS, { app: io.app, summary: SUMMARY }));
      return parsed.help ? 0 : 1;
    }
    if (sub !== 'migrate') throw new ConfigError(`unknown datastore command "${sub}" (expected: migrate)`);
    if (extra.length) throw new ConfigError(`datastore migrate takes no arguments, got "${extra.join(' ')}"`);
    // The command line wins over K3S_* variables, as for every k3s flag.
    const flags = new ResolvedFlags(DATASTORE_FLAGS, new Map([...envValues(DATASTORE_FLAGS, io.env), ...parsed.values]));
    const host = currentHost();
    configureLogging(resolveLog(flags, host));
    const from = flags.string('from')?.value;
    const to = flags.string('to')?.value;
    if (from === undefined) throw new ConfigError('--from is required ("" names the default SQLite datastore)');
    if (!to) throw new ConfigError('--to is required');
    if (from === to) throw new ConfigError('--from and --to name the same datastore');
    const dataDir = resolveDataDir(flags, host);
    const source = parseEndpoint(from, { dataDir });
    // Opening a SQLite file that is not there would create an empty one and copy nothing.
    if (source.kind === 'sqlite' && !existsSync(source.path)) throw new ConfigError(`--from: no SQLite datastore at ${source.path}`);
    const tls = (side: string): { caFile?: string; certFile?: string; keyFile?: string } => ({
      ...(flags.string(`${side}-cafile`)?.value ? { caFile: flags.string(`${side}-cafile`)!.value } : {}),
      ...(flags.string(`${side}-certfile`)?.value ? { certFile: flags.string(`${side}-certfile`)!.value } : {}),
      ...(flags.string(`${side}-keyfile`)?.value ? { keyFile: flags.string(`${side}-keyfile`)!.value } : {}),
    });
    // Imported here so that `--help` and usage errors never load a database driver.
    const { openBackend } = await import('../../datastore/open.js');
    const { migrate } = await import('../../datastore/migrate.js');
    const stop = shutdownSignal();
    // Neither store should compact or expire keys while the copy runs.
    const tuning = { compaction: { intervalMs: 0 }, pollIntervalMs: 0 };
    const src = await openBackend(from, { dataDir, ...tls('from'), tuning });
    try {
      const target = await openBackend(to, { dataDir, ...tls('to'), tuning });
      try {
        const result = await migrate({
          from: src, to: target, signal: stop.signal, overwrite: flags.bool('overwrite')?.value ?? false,
          onProgress: (n) => io.stderr.write(`\rcopied ${n} keys`),
        });
        io.stderr.write('\n');
        io.stdout.write(`copied ${result.copied} keys from the ${src.name} datastore (revision ${result.sourceRevision}) into the ${target.name} datastore\n`);
        return 0;
      } finally {
        await target.close();
      }
    } finally {
      stop.dispose();
      await src.close();
    }
  },
};
