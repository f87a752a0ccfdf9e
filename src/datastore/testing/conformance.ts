/**
 * @module The one conformance suite every datastore driver runs (hono's pattern: one interface,
 * one suite, an explicit skip list with a reason per gap). A target gives fresh databases; each
 * case opens stores on one and works under its own key prefix, so targets whose databases share
 * a keyspace (one etcd per test file) run it too. Cases live in conformance-cases*.ts.
 */
import { describe, it } from 'node:test';
import type { Backend } from '../backend.js';
import type { StoreTuning } from '../logstructured/store.js';
import { basicCases } from './conformance-cases.js';
import { watchCases } from './conformance-watch.js';
import { loadCases } from './conformance-load.js';

/** A database a case runs on; `open` may be called again (restarts, second servers). */
export interface TestDatabase {
  open(tuning?: StoreTuning): Promise<Backend>;
  drop(): Promise<void>;
}

export type CaseId =
  | 'create-get' | 'create-exists' | 'update' | 'delete' | 'get-history' | 'list' | 'list-paging'
  | 'watch-history' | 'watch-now' | 'watch-restart' | 'compaction' | 'ttl' | 'race-update' | 'race-create'
  | 'ten-thousand' | 'overflow' | 'two-stores' | 'watch-end' | 'binary';

export interface ConformanceTarget {
  readonly name: string;
  /** Why the target cannot run here (a service is absent): every case is skipped with it. */
  readonly unavailable?: string | undefined;
  database(): Promise<TestDatabase>;
  /** Cases this target skips, each with the reason. */
  readonly skip?: { readonly [C in CaseId]?: string };
  /** Tuning for every store the suite opens (e.g. fast polling). */
  readonly tuning?: StoreTuning;
}

/** What a case gets: a unique key prefix and stores that are closed for it afterwards. */
export class CaseContext {
  private readonly stores: Backend[] = [];
  constructor(private readonly db: TestDatabase, private readonly tuning: StoreTuning | undefined, readonly prefix: string) {}

  /** A key under this case's prefix. */
  k(name: string): string {
    return `${this.prefix}/${name}`;
  }

  async open(tuning?: StoreTuning): Promise<Backend> {
    const store = await this.db.open({ ...this.tuning, ...tuning });
    this.stores.push(store);
    return store;
  }

  async cleanup(): Promise<void> {
    for (const s of this.stores) await s.close().catch(() => undefined);
  }
}

export interface ConformanceCase {
  readonly id: CaseId;
  readonly title: string;
  run(ctx: CaseContext): Promise<void>;
}

let serial = 0;

/** Registers the suite for one target with node:test. */
export function runConformance(target: ConformanceTarget): void {
  describe(`${target.name} datastore conformance`, () => {
    for (const c of [...basicCases, ...watchCases, ...loadCases]) {
      const reason = target.unavailable ?? target.skip?.[c.id];
      it(c.title, reason ? { skip: reason } : {}, async () => {
        const db = await target.database();
        const ctx = new CaseContext(db, target.tuning, `/conf${process.pid}-${++serial}-${c.id}`);
        try {
          await c.run(ctx);
        } finally {
          await ctx.cleanup();
          await db.drop();
        }
      });
    }
  });
}
