/**
 * @module The cluster role aggregation controller (kube-controller-manager's
 * clusterrole-aggregation): a ClusterRole with an `aggregationRule` gets as its rules the union
 * of the rules of every other cluster role its selectors match, in name order without
 * duplicates. It follows the clusterroles watch cache and reconciles after each change.
 */
import { cloneJson, jsonEqual, type KubeObject } from '../../../api/meta/object.js';
import { selectorFromObject } from '../../../api/labels/from-object.js';
import type { LabelSelector } from '../../../api/labels/selector.js';
import { systemContext } from '../../registry/rest/context.js';
import type { ObjectView } from '../../security/object-view.js';
import { Reconciler } from '../../security/reconciler.js';

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

/** Keeps every aggregated cluster role's rules up to date. */
export class ClusterRoleAggregator {
  private readonly loop: Reconciler;

  constructor(private readonly clusterRoles: ObjectView) {
    this.loop = new Reconciler('clusterrole-aggregation', [clusterRoles], () => this.pass());
  }

  /** Starts following cluster roles; the first pass runs at once. */
  start(): Promise<void> {
    return this.loop.start();
  }

  private async pass(): Promise<void> {
    const all = this.clusterRoles.list();
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
    this.loop.stop();
  }
}
