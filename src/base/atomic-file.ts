/**
 * @module Files written whole or not at all: data goes to a temp file in the same folder with
 * its final mode, is fsynced, then renamed over the target, so a crash never leaves a
 * half-written key or kubeconfig and a key is never readable by others, not even briefly.
 */
import { randomBytes } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Options for {@link writeFileAtomic}. */
export interface AtomicWriteOptions {
  /** File mode of the result (default 0o600: most of what k3ts writes is secret). */
  mode?: number;
  /** Mode for folders created on the way (default 0o755). */
  dirMode?: number;
}

function tempPath(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
}

/** Writes `data` to `path` atomically with `mode`, creating parent folders. */
export async function writeFileAtomic(path: string, data: string | Uint8Array, opts: AtomicWriteOptions = {}): Promise<void> {
  const mode = opts.mode ?? 0o600;
  await fsp.mkdir(dirname(path), { recursive: true, mode: opts.dirMode ?? 0o755 });
  const tmp = tempPath(path);
  const fh = await fsp.open(tmp, 'wx', mode);
  try {
    await fh.writeFile(data);
    // The umask may have narrowed the mode given to open(); chmod sets exactly what was asked.
    await fh.chmod(mode);
    await fh.sync();
  } catch (err) {
    await fh.close();
    await fsp.rm(tmp, { force: true });
    throw err;
  }
  await fh.close();
  try {
    await fsp.rename(tmp, path);
  } catch (err) {
    await fsp.rm(tmp, { force: true });
    throw err;
  }
}

/** Points the symlink `path` at `target` atomically (replacing a file or link already there). */
export async function symlinkAtomic(target: string, path: string): Promise<void> {
  await fsp.mkdir(dirname(path), { recursive: true });
  const tmp = tempPath(path);
  await fsp.symlink(target, tmp);
  try {
    await fsp.rename(tmp, path);
  } catch (err) {
    await fsp.rm(tmp, { force: true });
    throw err;
  }
}

/** The file's text, or undefined when it does not exist. Other errors are thrown. */
export async function readTextIfExists(path: string): Promise<string | undefined> {
  try {
    return await fsp.readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

/** True when every path exists. */
export async function allExist(...paths: string[]): Promise<boolean> {
  for (const p of paths) {
    try {
      await fsp.access(p);
    } catch {
      return false;
    }
  }
  return true;
}
