/**
 * @module openBackend: the one entry the server uses to get its datastore. Parses the endpoint,
 * loads only the driver it names (dynamic import: pg, mysql2 and gRPC stay unloaded otherwise),
 * connects and checks the schema. Failures name the endpoint with its password masked.
 */
import { logger } from '../base/log.js';
import type { Backend } from './backend.js';
import { parseEndpoint, type Endpoint } from './endpoint.js';
import type { StoreTuning } from './logstructured/store.js';
import { hasTls, readTlsFiles } from './tls.js';

export type { StoreTuning } from './logstructured/store.js';

const log = logger('datastore');

export interface OpenOptions {
  /** The data dir (k3s `--data-dir`): the default SQLite database is <dataDir>/server/db/state.db. */
  readonly dataDir?: string | undefined;
  /** `--datastore-cafile`, `--datastore-certfile`, `--datastore-keyfile`: TLS to the database or etcd. */
  readonly caFile?: string | undefined;
  readonly certFile?: string | undefined;
  readonly keyFile?: string | undefined;
  /** Store knobs (polling, watch window, compaction); the defaults suit production. */
  readonly tuning?: StoreTuning | undefined;
}

/** Opens the datastore `endpoint` names ("" for the embedded SQLite default). */
export async function openBackend(endpoint: string, opts: OpenOptions = {}): Promise<Backend> {
  const ep = parseEndpoint(endpoint, { dataDir: opts.dataDir });
  log.info(`using datastore ${ep.display}`);
  return openParsed(ep, opts);
}

/** Opens an already parsed endpoint. */
export async function openParsed(ep: Endpoint, opts: OpenOptions = {}): Promise<Backend> {
  const tuning = opts.tuning ?? {};
  switch (ep.kind) {
    case 'sqlite': {
      if (ep.ignored.length) log.warn(`sqlite endpoint: ignoring parameters ${ep.ignored.join(', ')} (k3ts sets WAL and durability itself)`);
      const { openSqlite } = await import('./drivers/sqlite/sqlite-driver.js');
      return openSqlite(ep.path, tuning);
    }
    case 'memory': {
      const { openMemory } = await import('./drivers/memory/memory-driver.js');
      return openMemory(ep.name, tuning);
    }
    case 'postgres': {
      const { openPostgres } = await import('./drivers/postgres/postgres-driver.js');
      return openPostgres(ep, readTlsFiles(opts), tuning);
    }
    case 'mysql': {
      const { openMysql, unknownMysqlParams } = await import('./drivers/mysql/mysql-driver.js');
      const unknown = unknownMysqlParams(ep);
      if (unknown.length) log.warn(`mysql endpoint: ignoring parameters ${unknown.join(', ')}`);
      return openMysql(ep, readTlsFiles(opts), tuning);
    }
    case 'etcd': {
      const tls = readTlsFiles(opts);
      if (hasTls(tls) && ep.urls.some((u) => u.protocol === 'http:')) log.warn('etcd endpoint: TLS files are only used for https:// endpoints');
      const { openEtcd } = await import('./drivers/etcd/etcd-backend.js');
      return openEtcd(ep, tls, tuning);
    }
  }
}
