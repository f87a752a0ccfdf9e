/**
 * @module Controller references (ControllerRefManager): an owner claims the objects its
 * selector matches. It adopts matching orphans (adding itself as controller), keeps what it
 * already controls while it still matches, and releases what no longer matches. Writes carry
 * the object's resourceVersion so a concurrent change makes them fail rather than clobber.
 */
import type { ResourceClient } from '../../client/resource-client.js';
import { isNotFound } from '../../client/errors.js';
import { controllerOf, type KubeObject, type OwnerReference } from '../../client/types.js';

export interface ClaimOptions<T extends KubeObject> {
  /** The owner, as cached. */
  readonly owner: KubeObject;
  /** The reference to add on adoption. */
  readonly ref: OwnerReference;
  readonly matches: (obj: T) => boolean;
  /** Where the claimed objects live (pods, replica sets, ...). */
  readonly client: ResourceClient<T>;
  /**
   * Reads the owner fresh from the server before the first adoption: an owner being deleted
   * (or replaced by a namesake) must not adopt (RecheckDeletionTimestamp).
   */
  readonly recheckOwner: () => Promise<KubeObject | undefined>;
  readonly signal?: AbortSignal;
}

/** Returns the objects the owner controls after adopting and releasing as needed. */
export async function claimObjects<T extends KubeObject>(objects: readonly T[], opts: ClaimOptions<T>): Promise<T[]> {
  const ownerUid = opts.owner.metadata.uid;
  const ownerDeleting = !!opts.owner.metadata.deletionTimestamp;
  let adoptable: boolean | undefined;
  const claimed: T[] = [];
  for (const obj of objects) {
    const ref = controllerOf(obj);
    if (ref) {
      if (ref.uid !== ownerUid) continue;
      if (opts.matches(obj) || ownerDeleting) {
        claimed.push(obj);
        continue;
      }
      await release(obj, opts);
      continue;
    }
    if (ownerDeleting || obj.metadata.deletionTimestamp || !opts.matches(obj)) continue;
    if (adoptable === undefined) {
      const fresh = await opts.recheckOwner();
      adoptable = !!fresh && fresh.metadata.uid === ownerUid && !fresh.metadata.deletionTimestamp;
    }
    if (!adoptable) continue;
    const adopted = await adopt(obj, opts);
    if (adopted) claimed.push(adopted);
  }
  return claimed;
}

async function adopt<T extends KubeObject>(obj: T, opts: ClaimOptions<T>): Promise<T | undefined> {
  const refs = [...(obj.metadata.ownerReferences ?? []).filter((r) => r.uid !== opts.ref.uid), opts.ref];
  try {
    return await opts.client.patch(obj.metadata.name ?? '', { metadata: { resourceVersion: obj.metadata.resourceVersion, ownerReferences: refs } }, {
      namespace: obj.metadata.namespace, type: 'merge', signal: opts.signal,
    });
  } catch (err) {
    if (isNotFound(err)) return undefined;
    throw err;
  }
}

async function release<T extends KubeObject>(obj: T, opts: ClaimOptions<T>): Promise<void> {
  const refs = (obj.metadata.ownerReferences ?? []).filter((r) => r.uid !== opts.owner.metadata.uid);
  try {
    await opts.client.patch(obj.metadata.name ?? '', { metadata: { resourceVersion: obj.metadata.resourceVersion, ownerReferences: refs.length ? refs : null } }, {
      namespace: obj.metadata.namespace, type: 'merge', signal: opts.signal,
    });
  } catch (err) {
    // Gone already, or being changed concurrently: either way the next sync sees the truth.
    if (!isNotFound(err)) throw err;
  }
}
