/**
 * @module metadata.managedFields on every non-apply write: the create, update or patch is
 * recorded as an `Update` by its field manager through server-side apply's field manager
 * (src/api/fieldmanager), with the kind's merge schema, so that later applies see who owns
 * what. A write that changes nothing keeps the old timestamps.
 */
import type { KubeObject } from '../../../api/meta/object.js';
import { keepTimesOnNoop, recordUpdate as track, type FieldManagerOptions } from '../../../api/fieldmanager/field-manager.js';
import type { JsonObject } from '../../../api/merge/json.js';

export type ManagedFieldsOptions = FieldManagerOptions & { readonly manager: string };

/** Records a write by `opts.manager` on `next` (prev: the stored object, absent on create). Mutates next.metadata.managedFields. */
export function recordUpdate(next: KubeObject, prev: KubeObject | undefined, opts: ManagedFieldsOptions): void {
  let out = track(prev as JsonObject | undefined, next as JsonObject, opts.manager, opts);
  if (prev) out = keepTimesOnNoop(out, prev as JsonObject);
  const fields = (out['metadata'] as KubeObject['metadata']).managedFields;
  if (fields) next.metadata.managedFields = fields;
  else delete next.metadata.managedFields;
}
