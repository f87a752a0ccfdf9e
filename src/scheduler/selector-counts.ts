/**
 * @module Per-node counts of the pods a label selector (in a set of namespaces) picks, kept
 * current as pods come and go. Topology spreading and inter-pod affinity ask "how many pods
 * matching S are on node N" for hundreds of nodes per pod; a registered selector answers that
 * with a map lookup instead of a scan of the node's pods. Selectors nobody asked for in a while
 * are dropped.
 */
import type { LabelSelectorSpec } from '../client/kinds/meta.js';
import { selectorMatches, selectorString } from '../client/selector.js';
import type { Pod } from '../client/kinds/core.js';

/** Which pods a tracked selector counts. `namespaces` undefined: every namespace. */
export interface CountedSelector {
  readonly selector: LabelSelectorSpec;
  readonly namespaces: ReadonlySet<string> | undefined;
  /** Leave out pods being deleted (topology spreading does; affinity does not). */
  readonly excludeTerminating?: boolean;
}

interface Entry {
  readonly sel: CountedSelector;
  readonly perNode: Map<string, number>;
  lastUsed: number;
}

const IDLE_MS = 10 * 60 * 1000;
const MAX_ENTRIES = 2000;

/** Answers pod counts per node for selectors, registering them on first use. */
export class SelectorCounts {
  private readonly entries = new Map<string, Entry>();
  /** Entries by namespace ('' holds those counting every namespace), to test a pod against few. */
  private readonly byNamespace = new Map<string, Set<Entry>>();

  /** `pods` enumerates every (pod, nodeName) in the cache, to fill a new entry. */
  constructor(private readonly pods: () => Iterable<[Pod, string]>) {}

  /** Pods matching `sel` on each node (absent: 0). The map is live: do not keep it across cycles. */
  countsFor(sel: CountedSelector): ReadonlyMap<string, number> {
    const key = keyOf(sel);
    let e = this.entries.get(key);
    if (!e) {
      if (this.entries.size >= MAX_ENTRIES) this.evict(Date.now());
      e = { sel, perNode: new Map(), lastUsed: 0 };
      for (const [pod, node] of this.pods()) if (matches(sel, pod)) bump(e.perNode, node, 1);
      this.entries.set(key, e);
      for (const ns of sel.namespaces ?? ['']) {
        let set = this.byNamespace.get(ns);
        if (!set) this.byNamespace.set(ns, (set = new Set()));
        set.add(e);
      }
    }
    e.lastUsed = Date.now();
    return e.perNode;
  }

  /** Called by the cache whenever a pod joins (+1) or leaves (-1) a node. */
  podChanged(pod: Pod, node: string, delta: 1 | -1): void {
    if (this.entries.size === 0) return;
    const ns = pod.metadata.namespace ?? '';
    for (const bucket of [this.byNamespace.get(ns), this.byNamespace.get('')]) {
      if (!bucket) continue;
      for (const e of bucket) if (matches(e.sel, pod)) bump(e.perNode, node, delta);
    }
  }

  /** Drops entries idle for 10 minutes (or the oldest half when full). */
  evict(now: number): void {
    const all = [...this.entries.entries()].sort((a, b) => a[1].lastUsed - b[1].lastUsed);
    const full = this.entries.size >= MAX_ENTRIES;
    for (const [i, [key, e]] of all.entries()) {
      if (now - e.lastUsed < IDLE_MS && !(full && i < all.length / 2)) continue;
      this.entries.delete(key);
      for (const ns of e.sel.namespaces ?? ['']) this.byNamespace.get(ns)?.delete(e);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}

function matches(sel: CountedSelector, pod: Pod): boolean {
  if (sel.excludeTerminating && pod.metadata.deletionTimestamp) return false;
  if (sel.namespaces && !sel.namespaces.has(pod.metadata.namespace ?? '')) return false;
  return selectorMatches(sel.selector, pod.metadata.labels);
}

function bump(m: Map<string, number>, node: string, delta: number): void {
  const n = (m.get(node) ?? 0) + delta;
  if (n <= 0) m.delete(node);
  else m.set(node, n);
}

function keyOf(sel: CountedSelector): string {
  const ns = sel.namespaces ? [...sel.namespaces].sort().join(',') : '*';
  return `${sel.excludeTerminating ? 'T' : 'A'}|${ns}|${selectorString(sel.selector)}`;
}
