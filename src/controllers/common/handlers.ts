/**
 * @module The event handler shapes controllers keep writing: "this object changed, enqueue its
 * key", and "this dependent changed, enqueue its controller's key".
 */
import type { SharedInformer } from '../../client/informer.js';
import { controllerOf, objectKey, type KubeObject } from '../../client/types.js';
import type { WorkQueue } from '../../client/work-queue.js';

/** Calls `fn` with the object on add and update (and delete with `deletes`). */
export function onChange<T extends KubeObject>(inf: SharedInformer<T>, fn: (obj: T) => void, opts: { deletes?: boolean } = {}): void {
  inf.addEventHandler({ onAdd: fn, onUpdate: (_old, obj) => fn(obj), ...(opts.deletes ? { onDelete: fn } : {}) });
}

/** Enqueues `namespace/name` of every added or updated object. */
export function enqueueChanges<T extends KubeObject>(inf: SharedInformer<T>, queue: WorkQueue<string>): void {
  onChange(inf, (o) => queue.add(objectKey(o)));
}

/** Enqueues the key of the `kind` controller of any dependent that is added, changed or deleted. */
export function enqueueControllers<T extends KubeObject>(inf: SharedInformer<T>, kind: string, queue: WorkQueue<string>): void {
  onChange(inf, (o) => {
    const ref = controllerOf(o);
    if (ref?.kind === kind) queue.add(`${o.metadata.namespace ?? ''}/${ref.name}`);
  }, { deletes: true });
}
