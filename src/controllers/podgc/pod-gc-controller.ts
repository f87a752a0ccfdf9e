/**
 * @module The pod garbage collector (PodGC): deletes terminated pods beyond
 * --terminated-pod-gc-threshold (evicted ones first, then the oldest), pods bound to nodes that
 * no longer exist (after a 40 s quarantine, marked Failed with a DisruptionTarget condition
 * first), terminating pods that were never scheduled (force-deleted), and terminating pods on
 * a NotReady node tainted `node.kubernetes.io/out-of-service` (marked Failed, force-deleted: no
 * kubelet will confirm their end). Runs every 20 s, as upstream.
 */
import { sleep } from '../../base/async.js';
import { messageOf } from '../../base/errors.js';
import { logger } from '../../base/log.js';
import { isConflict, isNotFound } from '../../client/errors.js';
import type { SharedInformer } from '../../client/informer.js';
import type { Node, Pod } from '../../client/kinds/core.js';
import type { ResourceClient } from '../../client/resource-client.js';
import { resources } from '../../client/resources.js';
import { objectKey } from '../../client/types.js';
import { disruptionConditions } from '../common/pods.js';
import type { Controller, ControllerContext } from '../common/context.js';

const log = logger('pod-garbage-collector');
const OUT_OF_SERVICE = 'node.kubernetes.io/out-of-service';

/** A node that is not Ready and carries the out-of-service taint (any effect). */
function outOfService(node: Node | undefined): boolean {
  if (!node?.spec?.taints?.some((t) => t.key === OUT_OF_SERVICE)) return false;
  return node.status?.conditions?.find((c) => c.type === 'Ready')?.status !== 'True';
}
const QUARANTINE_MS = 40_000;

export interface PodGcOptions {
  /** --terminated-pod-gc-threshold (default 12500; ≤ 0 disables). */
  readonly terminatedThreshold?: number;
  readonly periodMs?: number;
}

/** Evicted pods first, then the oldest, then by name (upstream's byEvictionAndCreationTimestamp). */
function evictedThenOldest(a: Pod, b: Pod): number {
  const evicted = (p: Pod): boolean => p.status?.phase === 'Failed' && p.status.reason === 'Evicted';
  if (evicted(a) !== evicted(b)) return evicted(a) ? -1 : 1;
  const ta = Date.parse(a.metadata.creationTimestamp ?? '') || 0, tb = Date.parse(b.metadata.creationTimestamp ?? '') || 0;
  if (ta !== tb) return ta - tb;
  return (a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : (a.metadata.name ?? '') > (b.metadata.name ?? '') ? 1 : 0;
}

export class PodGcController implements Controller {
  readonly name = 'pod-garbage-collector';
  private readonly pods: SharedInformer<Pod>;
  private readonly nodes: SharedInformer<Node>;
  private readonly client: ResourceClient<Pod>;
  private readonly nodeClient: ResourceClient<Node>;
  /** Node names first seen missing, with when. */
  private readonly missingSince = new Map<string, number>();

  constructor(ctx: ControllerContext, private readonly opts: PodGcOptions = {}) {
    const client = ctx.clientFor('pod-garbage-collector');
    this.client = client.resource<Pod>(resources.pods);
    // Its own identity may get nodes; the controller manager's (the informers') may only list them.
    this.nodeClient = client.resource<Node>(resources.nodes);
    this.pods = ctx.informers.informer<Pod>(resources.pods);
    this.nodes = ctx.informers.informer<Node>(resources.nodes);
  }

  async run(signal: AbortSignal): Promise<void> {
    for (;;) {
      try {
        await sleep(this.opts.periodMs ?? 20_000, signal);
        await this.gc(signal);
      } catch (err) {
        if (signal.aborted) return;
        log.warn(`pod gc: ${messageOf(err)}`);
      }
    }
  }

  /** One collection pass (exposed for tests). */
  async gc(signal: AbortSignal): Promise<void> {
    const pods = this.pods.store.list();
    await this.gcTerminated(pods, signal);
    await this.gcOrphaned(pods, signal);
    await this.gcTerminating(pods, signal);
    for (const p of pods) {
      if (p.metadata.deletionTimestamp && !p.spec?.nodeName) await this.forceDelete(p, signal);
    }
  }

  private async gcTerminated(pods: readonly Pod[], signal: AbortSignal): Promise<void> {
    const threshold = this.opts.terminatedThreshold ?? 12_500;
    if (threshold <= 0) return;
    // Upstream counts terminated pods whether or not they are already being deleted.
    const done = pods.filter((p) => p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed');
    if (done.length <= threshold) return;
    done.sort(evictedThenOldest);
    for (const p of done.slice(0, done.length - threshold)) await this.forceDelete(p, signal);
  }

  private async gcOrphaned(pods: readonly Pod[], signal: AbortSignal): Promise<void> {
    const now = Date.now();
    const seen = new Set<string>();
    for (const p of pods) {
      const node = p.spec?.nodeName;
      if (!node || this.nodes.store.has(node)) continue;
      seen.add(node);
      const since = this.missingSince.get(node) ?? now;
      this.missingSince.set(node, since);
      // The node informer may lag a new node: only act after the quarantine, on a fresh check.
      if (now - since < QUARANTINE_MS) continue;
      try {
        await this.nodeClient.get(node, { signal });
        continue;
      } catch (err) {
        if (!isNotFound(err)) throw err;
      }
      await this.failAndDelete(p, `PodGC: node no longer exists`, signal);
    }
    for (const n of this.missingSince.keys()) if (!seen.has(n)) this.missingSince.delete(n);
  }

  /** Terminating pods on out-of-service nodes, oldest first (upstream's gcTerminating). */
  private async gcTerminating(pods: readonly Pod[], signal: AbortSignal): Promise<void> {
    const stuck = pods.filter((p) => p.metadata.deletionTimestamp && p.spec?.nodeName && outOfService(this.nodes.store.get(p.spec.nodeName)));
    stuck.sort(evictedThenOldest);
    for (const p of stuck) await this.failAndDelete(p, undefined, signal);
  }

  /** Marks a pod Failed (with a DisruptionTarget condition when `message` says why) and force-deletes it. */
  private async failAndDelete(p: Pod, message: string | undefined, signal: AbortSignal): Promise<void> {
    if (p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed') {
      const status = message === undefined ? { phase: 'Failed' } : { phase: 'Failed', conditions: disruptionConditions(p, 'DeletionByPodGC', message) };
      try {
        // A patch, as upstream: the pod-garbage-collector role may patch pods/status, not update it.
        await this.client.patch(p.metadata.name ?? '', { metadata: { uid: p.metadata.uid }, status }, {
          namespace: p.metadata.namespace, subresource: 'status', type: 'merge', signal,
        });
      } catch (err) {
        if (!isNotFound(err) && !isConflict(err)) throw err;
      }
    }
    await this.forceDelete(p, signal);
  }

  private async forceDelete(p: Pod, signal: AbortSignal): Promise<void> {
    try {
      await this.client.delete(p.metadata.name ?? '', { namespace: p.metadata.namespace, gracePeriodSeconds: 0, signal });
      log.v(2, `deleted pod ${objectKey(p)}`);
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  }
}
