/**
 * @module The `--datastore-cafile/-certfile/-keyfile` files, read once at start. A file that
 * cannot be read is a ConfigError naming the flag.
 */
import { readFileSync } from 'node:fs';
import { ConfigError, messageOf } from '../base/errors.js';

export interface TlsFiles {
  readonly ca?: Buffer | undefined;
  readonly cert?: Buffer | undefined;
  readonly key?: Buffer | undefined;
}

export interface TlsPaths {
  readonly caFile?: string | undefined;
  readonly certFile?: string | undefined;
  readonly keyFile?: string | undefined;
}

function read(path: string | undefined, flag: string): Buffer | undefined {
  if (!path) return undefined;
  try {
    return readFileSync(path);
  } catch (err) {
    throw new ConfigError(`${flag} ${path}: cannot read: ${messageOf(err)}`);
  }
}

/** Reads the TLS files given; throws ConfigError if a certificate comes without its key. */
export function readTlsFiles(paths: TlsPaths): TlsFiles {
  if (Boolean(paths.certFile) !== Boolean(paths.keyFile)) {
    throw new ConfigError('--datastore-certfile and --datastore-keyfile must be given together');
  }
  return {
    ca: read(paths.caFile, '--datastore-cafile'),
    cert: read(paths.certFile, '--datastore-certfile'),
    key: read(paths.keyFile, '--datastore-keyfile'),
  };
}

/** True when any TLS file was given. */
export function hasTls(files: TlsFiles): boolean {
  return Boolean(files.ca || files.cert || files.key);
}
