/**
 * @module The pod garbage collector (PodGC): deletes terminated pods beyond
 * --terminated-pod-gc-threshold (oldest first), pods bound to nodes that no longer exist (after
 * a 40 s quarantine, marked Failed with a DisruptionTarget condition first), and terminating
 * pods that were never scheduled (force-deleted). Runs every 20 s, as upstream.
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
const QUARANTINE_MS = 40_000;

export interface PodGcOptions {
  /** --terminated-pod-gc-threshold (default 12500; ≤ 0 disables). */
  readonly terminatedThreshold?: number;
  readonly periodMs?: number;
}

export class PodGcController implements Controller {
  readonly name = 'pod-garbage-collector';
  private readonly pods: SharedInformer<Pod>;
  private readonly nodes: SharedInformer<Node>;
  private readonly client: ResourceClient<Pod>;
  /** Node names first seen missing, with when. */
  private readonly missingSince = new Map<string, number>();

  constructor(ctx: ControllerContext, private readonly opts: PodGcOptions = {}) {
    this.client = ctx.clientFor('pod-garbage-collector').resource<Pod>(resources.pods);
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
    for (const p of pods) {
      if (p.metadata.deletionTimestamp && !p.spec?.nodeName) await this.forceDelete(p, signal);
    }
  }

  private async gcTerminated(pods: readonly Pod[], signal: AbortSignal): Promise<void> {
    const threshold = this.opts.terminatedThreshold ?? 12_500;
    if (threshold <= 0) return;
    const done = pods.filter((p) => (p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed') && !p.metadata.deletionTimestamp);
    if (done.length <= threshold) return;
    done.sort((a, b) => (Date.parse(a.metadata.creationTimestamp ?? '') || 0) - (Date.parse(b.metadata.creationTimestamp ?? '') || 0));
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
        await this.nodes.client.get(node, { signal });
        continue;
      } catch (err) {
        if (!isNotFound(err)) throw err;
      }
      await this.failAndDelete(p, `PodGC: node no longer exists`, signal);
    }
    for (const n of this.missingSince.keys()) if (!seen.has(n)) this.missingSince.delete(n);
  }

  private async failAndDelete(p: Pod, message: string, signal: AbortSignal): Promise<void> {
    if (p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed') {
      const conditions = disruptionConditions(p, 'DeletionByPodGC', message);
      try {
        await this.client.updateStatus({ ...p, status: { ...p.status, phase: 'Failed', conditions } }, { signal });
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
