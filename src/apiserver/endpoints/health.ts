/**
 * @module `/healthz`, `/livez` and `/readyz` as kube-apiserver serves them: a registry of named
 * checks that components add to; `ok` when all pass, `?verbose` lists `[+]name ok` lines,
 * `?exclude=name` skips a check, a failure is 500 with `[-]name failed: reason withheld`, and
 * `/readyz/<name>` runs one check.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { messageOf } from '../../base/errors.js';
import { logger } from '../../base/log.js';
import { statusErrors } from '../../api/status.js';
import { writeError } from '../http/respond.js';

const log = logger('health');

export type HealthEndpoint = 'healthz' | 'livez' | 'readyz';
const ENDPOINTS: readonly HealthEndpoint[] = ['healthz', 'livez', 'readyz'];

/** A check: resolves when healthy, throws (or rejects) with the reason when not. */
export type HealthCheck = () => void | Promise<void>;

interface Entry {
  readonly name: string;
  readonly check: HealthCheck;
  readonly endpoints: readonly HealthEndpoint[];
}

/** Options for {@link HealthRegistry.add}. */
export interface HealthCheckOptions {
  /** Where the check applies (default all three; readiness-only checks such as `shutdown` pass ['readyz']). */
  readonly endpoints?: readonly HealthEndpoint[];
}

/** The checks behind the health endpoints. Components register checks as they start. */
export class HealthRegistry {
  private readonly entries: Entry[] = [];

  /** Adds a check; names are unique (they appear in paths and output). */
  add(name: string, check: HealthCheck, opts: HealthCheckOptions = {}): void {
    if (this.entries.some((e) => e.name === name)) throw new Error(`health check "${name}" registered twice`);
    this.entries.push({ name, check, endpoints: opts.endpoints ?? ENDPOINTS });
  }

  /** True when `path` is one of the health endpoints or a single check under one. */
  matches(path: string): boolean {
    const [, top] = path.split('/');
    return (ENDPOINTS as readonly string[]).includes(top ?? '');
  }

  /** Runs the checks of `endpoint`, returning each name with its error (undefined when it passed). */
  async run(endpoint: HealthEndpoint, exclude: readonly string[] = []): Promise<Array<{ name: string; excluded: boolean; error: unknown }>> {
    const list = this.entries.filter((e) => e.endpoints.includes(endpoint));
    return Promise.all(list.map(async (e) => {
      if (exclude.includes(e.name)) return { name: e.name, excluded: true, error: undefined };
      try {
        await e.check();
        return { name: e.name, excluded: false, error: undefined };
      } catch (err) {
        return { name: e.name, excluded: false, error: err ?? new Error('failed') };
      }
    }));
  }

  /** Serves a health request; the caller has checked {@link matches}. */
  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'https://localhost');
    const [, top = '', ...rest] = url.pathname.split('/');
    const endpoint = top as HealthEndpoint;
    const single = rest.join('/');
    if (single) {
      const entry = this.entries.find((e) => e.name === single && e.endpoints.includes(endpoint));
      if (!entry) {
        writeError(res, statusErrors.pathNotFound());
        return;
      }
      try {
        await entry.check();
        text(res, { code: 200, body: 'ok' });
      } catch (err) {
        text(res, { code: 500, body: `internal server error: ${messageOf(err)}\n` });
      }
      return;
    }
    const results = await this.run(endpoint, url.searchParams.getAll('exclude'));
    const failed = results.filter((r) => r.error !== undefined);
    for (const f of failed) log.v(1, `${endpoint} check ${f.name} failed: ${messageOf(f.error)}`);
    if (!failed.length && !url.searchParams.has('verbose')) {
      text(res, { code: 200, body: 'ok' });
      return;
    }
    // Reasons stay in the log: kube-apiserver withholds them from the response.
    const lines = results.map((r) => (r.excluded ? `[+]${r.name} excluded: ok` : r.error === undefined ? `[+]${r.name} ok` : `[-]${r.name} failed: reason withheld`));
    lines.push(`${endpoint} check ${failed.length ? 'failed' : 'passed'}`);
    text(res, { code: failed.length ? 500 : 200, body: lines.join('\n') + '\n' });
  }
}

function text(res: ServerResponse, opts: { code: number; body: string }): void {
  const { code, body } = opts;
  res.writeHead(code, {
    'content-type': 'text/plain; charset=utf-8',
    'x-content-type-options': 'nosniff',
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}
