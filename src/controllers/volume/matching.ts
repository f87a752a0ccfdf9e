/**
 * @module Which PersistentVolume satisfies a claim (findMatchingVolume): same storage class,
 * access modes covering the claim's, enough capacity, the claim's selector, volume mode, and
 * node affinity with the node the scheduler picked; the smallest such volume wins.
 */
import type { Node, PersistentVolume, PersistentVolumeClaim } from '../../client/kinds/core.js';
import { selectorMatches } from '../../client/selector.js';
import { Quantity } from '../../api/quantity.js';

export function bytes(q: string | number | undefined): number {
  if (q === undefined) return 0;
  try {
    return Quantity.from(q).value();
  } catch {
    return 0;
  }
}

const classOf = (o: { spec?: { storageClassName?: string } }): string => o.spec?.storageClassName ?? '';

function nodeMatches(pv: PersistentVolume, node: Node | undefined): boolean {
  const terms = pv.spec?.nodeAffinity?.required?.nodeSelectorTerms;
  if (!terms || !node) return true;
  const labels = node.metadata.labels ?? {};
  return terms.some((t) => (t.matchExpressions ?? []).every((r) => {
    const v = labels[r.key];
    switch (r.operator) {
      case 'In': return v !== undefined && (r.values ?? []).includes(v);
      case 'NotIn': return v === undefined || !(r.values ?? []).includes(v);
      case 'Exists': return v !== undefined;
      case 'DoesNotExist': return v === undefined;
      default: return false;
    }
  }));
}

/** Is `pv` free for `claim` (unclaimed, or pre-bound to exactly this claim)? */
export function availableFor(pv: PersistentVolume, claim: PersistentVolumeClaim): boolean {
  if (pv.metadata.deletionTimestamp) return false;
  const ref = pv.spec?.claimRef;
  if (!ref?.name) return pv.status?.phase !== 'Released' && pv.status?.phase !== 'Failed';
  return ref.namespace === claim.metadata.namespace && ref.name === claim.metadata.name && (!ref.uid || ref.uid === claim.metadata.uid);
}

/** The best volume for the claim among `volumes`, or undefined. */
export function findMatchingVolume(claim: PersistentVolumeClaim, volumes: readonly PersistentVolume[], node?: Node): PersistentVolume | undefined {
  const want = bytes(claim.spec?.resources?.requests?.['storage']);
  const modes = claim.spec?.accessModes ?? [];
  const volumeMode = (claim.spec?.['volumeMode'] as string | undefined) ?? 'Filesystem';
  let best: PersistentVolume | undefined;
  for (const pv of volumes) {
    if (!availableFor(pv, claim)) continue;
    // A volume pre-bound to this claim is taken regardless of size, as upstream does.
    if (pv.spec?.claimRef?.name) return pv;
    if (classOf(pv) !== classOf(claim)) continue;
    if (((pv.spec?.['volumeMode'] as string | undefined) ?? 'Filesystem') !== volumeMode) continue;
    const have = pv.spec?.accessModes ?? [];
    if (!modes.every((m) => have.includes(m))) continue;
    const size = bytes(pv.spec?.capacity?.['storage']);
    if (size < want) continue;
    if (claim.spec?.selector && !selectorMatches(claim.spec.selector, pv.metadata.labels)) continue;
    if (!nodeMatches(pv, node)) continue;
    if (!best || size < bytes(best.spec?.capacity?.['storage'])) best = pv;
  }
  return best;
}
