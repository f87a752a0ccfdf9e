/**
 * @module The cluster as scheduling cycles see it: the cache plus the informer caches of
 * namespaces (labels for namespaceSelector), priority classes, and the services and workload
 * controllers whose selectors make the system default topology spreading (DefaultSelector).
 */
import type { Pod } from '../client/kinds/core.js';
import type { LabelSelectorRequirement, LabelSelectorSpec } from '../client/kinds/meta.js';
import type { IndexedStore } from '../client/store.js';
import { mapSelectorMatches } from '../client/selector.js';
import { controllerOf, type KubeObject } from '../client/types.js';
import type { SchedulerCache } from './cache.js';
import type { ClusterView } from './framework.js';
import type { PriorityClass, SelectingObject } from './kinds.js';

export interface ViewStores {
  readonly namespaces: IndexedStore<KubeObject>;
  readonly priorityClasses: IndexedStore<PriorityClass>;
  readonly services: IndexedStore<SelectingObject>;
  readonly replicaSets: IndexedStore<SelectingObject>;
  readonly replicationControllers: IndexedStore<SelectingObject>;
  readonly statefulSets: IndexedStore<SelectingObject>;
}

const isMap = (s: unknown): s is Record<string, string> => typeof s === 'object' && s !== null && !('matchLabels' in s) && !('matchExpressions' in s);

export class ClusterState implements ClusterView {
  constructor(readonly cache: SchedulerCache, private readonly stores: ViewStores) {}

  namespaceLabels(ns: string): Readonly<Record<string, string>> | undefined {
    return this.stores.namespaces.get(ns)?.metadata.labels ?? (this.stores.namespaces.has(ns) ? {} : undefined);
  }

  /** Priority classes for resolvePriority. */
  readonly priorityClasses = {
    get: (name: string): PriorityClass | undefined => this.stores.priorityClasses.get(name),
    globalDefault: (): PriorityClass | undefined => {
      let best: PriorityClass | undefined;
      // Several global defaults are an admission error upstream; take the highest, as it does.
      for (const pc of this.stores.priorityClasses.list()) if (pc.globalDefault && (!best || pc.value > best.value)) best = pc;
      return best;
    },
  };

  defaultSpreadSelector(pod: Pod): LabelSelectorSpec | undefined {
    const ns = pod.metadata.namespace ?? '';
    const labels = pod.metadata.labels;
    const matchLabels: Record<string, string> = {};
    for (const svc of this.stores.services.byIndex('namespace', ns)) {
      const sel = svc.spec?.selector;
      if (isMap(sel) && mapSelectorMatches(sel, labels)) Object.assign(matchLabels, sel);
    }
    const expressions: LabelSelectorRequirement[] = [];
    const owner = controllerOf(pod);
    if (owner) {
      const group = owner.apiVersion.includes('/') ? owner.apiVersion.slice(0, owner.apiVersion.indexOf('/')) : '';
      const key = `${ns}/${owner.name}`;
      if (group === '' && owner.kind === 'ReplicationController') {
        const sel = this.stores.replicationControllers.get(key)?.spec?.selector;
        if (isMap(sel)) Object.assign(matchLabels, sel);
      } else if (group === 'apps' && (owner.kind === 'ReplicaSet' || owner.kind === 'StatefulSet')) {
        const store = owner.kind === 'ReplicaSet' ? this.stores.replicaSets : this.stores.statefulSets;
        const sel = store.get(key)?.spec?.selector;
        if (sel && !isMap(sel)) {
          for (const [k, v] of Object.entries(sel.matchLabels ?? {})) expressions.push({ key: k, operator: 'In', values: [v] });
          expressions.push(...(sel.matchExpressions ?? []));
        }
      }
    }
    if (Object.keys(matchLabels).length === 0 && expressions.length === 0) return undefined;
    return { matchLabels, matchExpressions: expressions };
  }
}
