/**
 * @module Runs a real kubectl binary against a test server, with its own HOME and discovery
 * cache so that versions do not share state.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';

export interface KubectlResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `bin` with `args` against the cluster in `kubeconfig`; never throws for a non-zero exit. */
export function runKubectl(bin: string, target: { kubeconfig: string; dir: string }, args: readonly string[], opts: { input?: string; timeoutMs?: number } = {}): Promise<KubectlResult> {
  return new Promise((resolve) => {
    const child = execFile(bin, ['--kubeconfig', target.kubeconfig, '--cache-dir', join(target.dir, `cache-${bin.split('.').pop() ?? ''}`), ...args],
      { timeout: opts.timeoutMs ?? 60_000, env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: target.dir } },
      (err, stdout, stderr) => resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr }));
    if (opts.input !== undefined) child.stdin?.end(opts.input);
  });
}
