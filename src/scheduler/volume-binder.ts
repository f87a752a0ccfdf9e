/**
 * @module VolumeBinding's PreBind: after a node is chosen, the pod's unbound WaitForFirstConsumer
 * claims are settled through the API as the PV controller expects (a static volume gets a
 * spec.claimRef to the claim, a claim to provision gets volume.kubernetes.io/selected-node), then
 * the binder waits until every claim is Bound before it binds the pod.
 */
import { sleep } from '../base/async.js';
import { SchedulingError } from '../base/errors.js';
import type { Client } from '../client/client.js';
import { isConflict } from '../client/errors.js';
import type { Node, PersistentVolume, PersistentVolumeClaim } from '../client/kinds/core.js';
import type { ResourceClient } from '../client/resource-client.js';
import { resources } from '../client/resources.js';
import { objectKey } from '../client/types.js';
import type { CycleState } from './framework.js';
import { matchingVolume, SELECTED_NODE, type VolumeBindingPlugin, type VolumeStores } from './plugins/volume-binding.js';

export interface VolumeBinderOptions {
  /** How long to wait for the claims to be bound (bindTimeoutSeconds, default 600 s). */
  readonly timeoutMs?: number;
}

export class VolumeBinder {
  private readonly pvs: ResourceClient<PersistentVolume>;
  private readonly pvcs: ResourceClient<PersistentVolumeClaim>;
  private readonly timeoutMs: number;

  constructor(client: Client, private readonly plugin: VolumeBindingPlugin, private readonly stores: VolumeStores, opts: VolumeBinderOptions = {}) {
    this.pvs = client.resource<PersistentVolume>(resources.persistentvolumes);
    this.pvcs = client.resource<PersistentVolumeClaim>(resources.persistentvolumeclaims);
    this.timeoutMs = opts.timeoutMs ?? 600_000;
  }

  /** True when the cycle found claims that need settling before binding. */
  needed(state: CycleState): boolean {
    return this.plugin.stateOf(state)?.claims.some((c) => !c.bound) ?? false;
  }

  /** Settles the claims for `node` and waits until they are bound; throws when that fails or times out. */
  async preBind(state: CycleState, node: Node, signal: AbortSignal): Promise<void> {
    const s = this.plugin.stateOf(state);
    if (!s) return;
    const mine: string[] = [];
    try {
      for (const cs of s.claims) {
        if (cs.bound) continue;
        const claimKey = objectKey(cs.claim);
        const taken = new Set([...this.plugin.reserved].filter(([, c]) => c !== claimKey).map(([v]) => v));
        const pv = matchingVolume(cs, node, this.stores.volumes.list(), taken);
        if (pv) {
          const name = pv.metadata.name ?? '';
          this.plugin.reserved.set(name, claimKey);
          mine.push(name);
          await this.claimVolume(name, cs.claim, signal);
        } else {
          await this.pvcs.patch(cs.claim.metadata.name ?? '', { metadata: { annotations: { [SELECTED_NODE]: node.metadata.name ?? '' } } },
            { namespace: cs.claim.metadata.namespace, type: 'merge', signal });
        }
      }
      await this.waitBound(s.claims.map((c) => objectKey(c.claim)), signal);
    } finally {
      for (const v of mine) this.plugin.reserved.delete(v);
    }
  }

  /** Sets the volume's claimRef (retrying on conflicts), as the scheduler's binder does. */
  private async claimVolume(name: string, claim: PersistentVolumeClaim, signal: AbortSignal): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      const pv = await this.pvs.get(name, { signal });
      const ref = pv.spec?.claimRef;
      if (ref && (ref.name !== claim.metadata.name || ref.namespace !== claim.metadata.namespace)) {
        throw new SchedulingError(`persistentvolume "${name}" was taken by ${ref.namespace ?? ''}/${ref.name ?? ''}`);
      }
      if (ref) return;
      const next: PersistentVolume = {
        ...pv,
        metadata: { ...pv.metadata, annotations: { ...(pv.metadata.annotations ?? {}), 'pv.kubernetes.io/bound-by-controller': 'yes' } },
        spec: { ...pv.spec, claimRef: { kind: 'PersistentVolumeClaim', apiVersion: 'v1', namespace: claim.metadata.namespace ?? '', name: claim.metadata.name ?? '',
          uid: claim.metadata.uid ?? '', resourceVersion: claim.metadata.resourceVersion ?? '' } },
      };
      try {
        await this.pvs.update(next, { signal });
        return;
      } catch (err) {
        if (!isConflict(err) || attempt >= 5) throw err;
      }
    }
  }

  private async waitBound(keys: readonly string[], signal: AbortSignal): Promise<void> {
    const deadline = Date.now() + this.timeoutMs;
    for (;;) {
      const pending = keys.filter((k) => {
        const c = this.stores.claims.get(k);
        return !c?.spec?.volumeName || c.status?.phase !== 'Bound';
      });
      if (pending.length === 0) return;
      if (Date.now() > deadline) throw new SchedulingError(`binding volumes: timed out waiting for the condition (claims ${pending.join(', ')} not bound)`);
      await sleep(200, signal);
    }
  }
}
