/**
 * @module Test helper: run the real `openssl` binary on certificate files (text dump, verify).
 * Tests skip when openssl is absent (CI installs it).
 */
import { spawnSync } from 'node:child_process';

/** True when an `openssl` binary is on PATH. */
export function haveOpenssl(): boolean {
  return spawnSync('openssl', ['version'], { encoding: 'utf8' }).status === 0;
}

/** Runs openssl with `args`; returns stdout+stderr and the exit status. */
export function openssl(args: readonly string[]): { status: number | null; out: string } {
  const r = spawnSync('openssl', [...args], { encoding: 'utf8' });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}
