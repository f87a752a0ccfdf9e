/**
 * @module ControllerRevisions for DaemonSets and StatefulSets (controller history): one per
 * distinct pod template, named `<owner>-<hash>`, whose `data` is the strategic merge patch that
 * restores the template (what `kubectl rollout undo` applies), numbered in order of use, and
 * pruned beyond revisionHistoryLimit when no pod still runs them.
 */
import { isAlreadyExists, isNotFound } from '../../client/errors.js';
import type { SharedInformer } from '../../client/informer.js';
import type { ControllerRevision } from '../../client/kinds/apps.js';
import type { PodTemplateSpec } from '../../client/kinds/core.js';
import type { ResourceClient } from '../../client/resource-client.js';
import { controllerOf, type KubeObject } from '../../client/types.js';
import { safeHash } from './hash.js';
import { controllerRefTo } from './pods.js';
import { canonical } from './status.js';

export const REVISION_HASH_LABEL = 'controller-revision-hash';

/** The patch stored in a revision: it puts this template back. */
export function revisionData(template: PodTemplateSpec): unknown {
  return { spec: { template: { ...structuredClone(template), $patch: 'replace' } } };
}

/** The template a revision restores. */
export function templateOf(rev: ControllerRevision): PodTemplateSpec | undefined {
  const d = rev.data as { spec?: { template?: PodTemplateSpec & { $patch?: string } } } | undefined;
  const t = d?.spec?.template;
  if (!t) return undefined;
  const { $patch: _p, ...rest } = t;
  return rest;
}

export interface History {
  readonly revisions: ControllerRevision[];
  /** The revision of the owner's current template. */
  readonly update: ControllerRevision;
  readonly hash: string;
}

export interface HistoryOptions {
  readonly owner: KubeObject;
  readonly apiVersion: string;
  readonly kind: string;
  readonly template: PodTemplateSpec;
  readonly collisionCount?: number;
  readonly informer: SharedInformer<ControllerRevision>;
  readonly client: ResourceClient<ControllerRevision>;
  readonly signal: AbortSignal;
}

/** The owner's revisions, creating (or re-numbering, after a rollback) the one for its template. */
export async function syncHistory(o: HistoryOptions): Promise<History> {
  const uid = o.owner.metadata.uid ?? '';
  const revisions = o.informer.store.byIndex('ownerUid', uid).filter((r) => controllerOf(r)?.uid === uid).sort((a, b) => a.revision - b.revision);
  const data = revisionData(o.template);
  const key = canonical(data);
  const hash = safeHash(key, o.collisionCount);
  const max = revisions.reduce((m, r) => Math.max(m, r.revision), 0);
  const same = revisions.find((r) => canonical(r.data) === key);
  if (same) {
    if (same.revision === max) return { revisions, update: same, hash: same.metadata.labels?.[REVISION_HASH_LABEL] ?? hash };
    // A rollback to an older template makes its revision the newest again.
    const bumped = await o.client.update({ ...same, revision: max + 1 }, { signal: o.signal });
    return { revisions: revisions.map((r) => (r === same ? bumped : r)), update: bumped, hash: same.metadata.labels?.[REVISION_HASH_LABEL] ?? hash };
  }
  const rev: ControllerRevision = {
    metadata: {
      name: `${o.owner.metadata.name ?? ''}-${hash}`, namespace: o.owner.metadata.namespace ?? '',
      labels: { ...(o.template.metadata?.labels ?? {}), [REVISION_HASH_LABEL]: hash },
      ownerReferences: [controllerRefTo(o.owner, o.apiVersion, o.kind)],
    },
    data, revision: max + 1,
  };
  let made: ControllerRevision;
  try {
    made = await o.client.create(rev, { signal: o.signal });
  } catch (err) {
    if (!isAlreadyExists(err)) throw err;
    made = await o.client.get(rev.metadata.name ?? '', { namespace: rev.metadata.namespace, signal: o.signal });
  }
  return { revisions: [...revisions, made], update: made, hash };
}

/** Deletes the oldest revisions beyond `limit` that no live pod uses. */
export async function pruneHistory(h: History, limit: number, inUse: ReadonlySet<string>, client: ResourceClient<ControllerRevision>, signal: AbortSignal): Promise<void> {
  const candidates = h.revisions.filter((r) => r !== h.update && !inUse.has(r.metadata.labels?.[REVISION_HASH_LABEL] ?? '') && !inUse.has(r.metadata.name ?? ''));
  const excess = h.revisions.length - limit;
  for (const r of candidates.slice(0, Math.max(0, excess))) {
    try {
      await client.delete(r.metadata.name ?? '', { namespace: r.metadata.namespace, signal });
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  }
}
