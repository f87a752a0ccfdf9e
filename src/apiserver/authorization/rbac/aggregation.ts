/**
 * @module The cluster role aggregation controller (kube-controller-manager's
 * clusterrole-aggregation): a ClusterRole with an `aggregationRule` gets as its rules the union
 * of the rules of every other cluster role its selectors match, in name order without
 * duplicates. It follows the clusterroles watch cache and reconciles after each change.
 */
import { cloneJson, jsonEqual, type KubeObject } from '../../../api/meta/object.js';
import { selectorFromObject } from '../../../api/labels/from-object.js';
import type { LabelSelector } from '../../../api/labels/selector.js';
import { logger } from '../../../base/log.js';
import { systemContext } from '../../registry/rest/context.js';
import type { ObjectView } from '../../security/object-view.js';
import { EVERYTHING } from '../../storage/filter.js';

const log = logger('clusterrole-aggregation');

function selectorsOf(role: KubeObject): LabelSelector[] | undefined {
  const agg = role['aggregationRule'] as { clusterRoleSelectors?: unknown } | undefined;
  if (!agg || !Array.isArray(agg.clusterRoleSelectors)) return undefined;
  const out: LabelSelector[] = [];
  for (const s of agg.clusterRoleSelectors) {
    try {
      out.push(selectorFromObject(s));
    } catch {
      // An invalid selector matches nothing (validation rejects most at write time).
    }
  }
  return out;
}

/** The rules an aggregated role should have, given every cluster role. Pure. */
export function aggregatedRules(role: KubeObject, all: readonly KubeObject[]): unknown[] | undefined {
  const selectors = selectorsOf(role);
  if (!selectors) return undefined;
  const sources = all
    .filter((r) => r.metadata.name !== role.metadata.name && selectors.some((s) => s.matches(r.metadata.labels)))
    .sort((a, b) => (a.metadata.name ?? '').localeCompare(b.metadata.name ?? ''));
  const rules: unknown[] = [];
  for (const src of sources) {
    const rs = src['rules'];
    if (!Array.isArray(rs)) continue;
    for (const rule of rs) if (!rules.some((x) => jsonEqual(x, rule))) rules.push(cloneJson(rule));
  }
  return rules;
}

export class ClusterRoleAggregator {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;
  private close: (() => void) | undefined;

  constructor(private readonly clusterRoles: ObjectView) {}

  /** Starts following cluster roles; the first reconcile runs at once. */
  async start(): Promise<void> {
    await this.clusterRoles.ready();
    this.watch();
    await this.reconcile();
  }

  private watch(): void {
    if (this.stopped) return;
    const r = this.clusterRoles.store.watchCache().watch({
      from: this.clusterRoles.revision, filter: EVERYTHING, allowBookmarks: false, sendInitialEvents: false,
      sink: {
        send: () => { this.schedule(); return true; },
        bookmark: () => true,
        end: (reason) => { if (reason !== 'stopped') setImmediate(() => { this.watch(); this.schedule(); }); },
      },
    });
    if ('watcher' in r) this.close = () => r.watcher.close('stopped');
    else setImmediate(() => { this.watch(); this.schedule(); });
  }

  private schedule(): void {
    if (this.stopped || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.reconcile();
    }, 10);
  }

  /** Brings every aggregated role up to date; serialized, coalescing calls made meanwhile. */
  reconcile(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        await this.pass().catch((e: unknown) => log.warn(`aggregation failed: ${String(e)}`));
      } while (this.again && !this.stopped);
    })().finally(() => { this.running = undefined; });
    return this.running;
  }

  private async pass(): Promise<void> {
    const all = this.clusterRoles.store.watchCache().list(EVERYTHING).items;
    for (const role of all) {
      const want = aggregatedRules(role, all);
      if (!want || jsonEqual(role['rules'] ?? [], want)) continue;
      const name = role.metadata.name ?? '';
      await this.clusterRoles.store.update(systemContext(), name, (prev) => {
        if (!prev) throw new Error(`cluster role ${name} vanished`);
        prev['rules'] = want;
        // No resourceVersion: the store retries internally if another writer got in between.
        delete prev.metadata.resourceVersion;
        return prev;
      });
    }
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.close?.();
  }
}
