/**
 * @module The field manager of kube-apiserver (k8s.io/apimachinery managedfields), as pure
 * functions over JSON objects: `recordUpdate` tracks a create, update or non-apply patch under
 * its manager (operation Update); `applyConfiguration` performs a server-side apply (operation
 * Apply) with conflict detection, forced ownership transfer and removal of dropped fields. Both
 * keep metadata.managedFields in kube-apiserver's form, including its special cases: the
 * "before-first-apply" manager, the cap of 10 update managers ("ancient-changes"), ignored
 * metadata fields, and the last-applied annotation migration for the `kubectl` manager.
 */
import { deepCopy, deepEqual, isObject, type JsonObject } from '../merge/json.js';
import type { MergeNode } from '../merge/schema.js';
import { failure, StatusError } from '../status.js';
import { conflictError } from './conflict.js';
import { FieldSet } from './field-set.js';
import { decodeManagedFields, emptyManaged, encodeManagedFields, managerIdentifier, rfc3339, type Managed } from './managed-fields.js';
import { allowedConflicts, withLastApplied } from './last-applied.js';
import { applyManaged, ApplyConflicts, updateManaged } from './updater.js';
import { dropNulls } from './typed-merge.js';
import { joinValidationErrors, validateTyped } from './validate.js';
import { zeroObject } from './zero.js';

export interface FieldManagerOptions {
  /** Merge schema of the kind. */
  readonly node: MergeNode;
  /** Group/version of the endpoint (`apps/v1`, `v1`). */
  readonly apiVersion: string;
  readonly kind: string;
  /** The subresource written (`status`, `scale`), if any. */
  readonly subresource?: string | undefined;
  /** Fields the endpoint resets and nobody may own (status on the main resource, spec on /status). */
  readonly resetFields?: FieldSet | undefined;
  /** Clock for managedFields times. */
  readonly now?: (() => Date) | undefined;
}

const MAX_UPDATE_MANAGERS = 10;
const CURRENT = 'current-operation';

/** Fields no manager ever owns (apimachinery's stripMeta). */
const STRIPPED = FieldSet.of(
  [{ field: 'apiVersion' }], [{ field: 'kind' }], [{ field: 'metadata' }],
  ...['name', 'namespace', 'creationTimestamp', 'selfLink', 'uid', 'clusterName', 'generation', 'managedFields', 'resourceVersion']
    .map((f) => [{ field: 'metadata' }, { field: f }]),
);

function meta(obj: JsonObject): JsonObject {
  return isObject(obj['metadata']) ? obj['metadata'] : {};
}

/** The object without metadata.managedFields (a shallow copy: the rest is shared, not to be mutated). */
function withoutManagedFields(obj: JsonObject): JsonObject {
  const m = obj['metadata'];
  if (!isObject(m) || !('managedFields' in m)) return obj;
  const { managedFields: _drop, ...rest } = m;
  return { ...obj, metadata: rest };
}

function setManagedFields(obj: JsonObject, managed: Managed): JsonObject {
  const entries = encodeManagedFields(managed);
  const m = isObject(obj['metadata']) ? obj['metadata'] : (obj['metadata'] = {});
  if (entries) m['managedFields'] = entries;
  else delete m['managedFields'];
  return obj;
}

function isReset(v: unknown): boolean {
  return Array.isArray(v) && (v.length === 0 || (v.length === 1 && isObject(v[0]) && Object.keys(v[0]).length === 0));
}

function strip(managed: Managed, id: string): void {
  const vs = managed.fields.get(id);
  if (!vs) return;
  const set = vs.set.difference(STRIPPED);
  if (set.empty()) managed.fields.delete(id);
  else managed.fields.set(id, { ...vs, set });
}

/** Merges update managers beyond the cap, oldest first, into one "ancient-changes" per version. */
function capUpdateManagers(managed: Managed): void {
  const updaters = [...managed.fields].filter(([, vs]) => !vs.applied).map(([id]) => id);
  if (updaters.length <= MAX_UPDATE_MANAGERS) return;
  const secs = (id: string) => Math.floor(Date.parse(managed.times.get(id) ?? '') / 1000) || 0;
  updaters.sort((a, b) => secs(a) - secs(b) || (a < b ? -1 : a > b ? 1 : 0));
  const firstByVersion = new Map<string, string>();
  let length = updaters.length;
  for (let i = 0; i < updaters.length && length > MAX_UPDATE_MANAGERS; i++) {
    const id = updaters[i] as string;
    const vs = managed.fields.get(id);
    if (!vs) continue;
    const bucket = managerIdentifier({ manager: 'ancient-changes', operation: 'Update', apiVersion: vs.apiVersion });
    const first = firstByVersion.get(vs.apiVersion);
    if (first === undefined) {
      firstByVersion.set(vs.apiVersion, id);
      continue;
    }
    if (!managed.fields.has(bucket)) {
      const firstSet = managed.fields.get(first);
      managed.fields.delete(first);
      if (firstSet) managed.fields.set(bucket, firstSet);
    }
    const into = managed.fields.get(bucket);
    managed.fields.set(bucket, { set: vs.set.union(into?.set ?? FieldSet.of()), apiVersion: vs.apiVersion, applied: vs.applied });
    managed.fields.delete(id);
    managed.times.set(bucket, managed.times.get(id));
    length--;
  }
}

/** Records `manager`'s write on `managed` (buildManagerInfo → managedFieldsUpdater → stripMeta → update). */
function trackUpdate(live: JsonObject, next: JsonObject, managed: Managed, manager: string, opts: FieldManagerOptions): void {
  const id = managerIdentifier({ manager: manager || 'unknown', operation: 'Update', apiVersion: opts.apiVersion, subresource: opts.subresource });
  const fields = updateManaged(withoutManagedFields(live), withoutManagedFields(next), managed.fields, {
    node: opts.node, apiVersion: opts.apiVersion, manager: CURRENT, ignored: opts.resetFields,
  });
  managed.fields.clear();
  for (const [k, v] of fields) managed.fields.set(k, v);
  strip(managed, CURRENT);
  const vs = managed.fields.get(CURRENT);
  if (vs) {
    managed.fields.delete(CURRENT);
    const prev = managed.fields.get(id);
    managed.fields.set(id, prev ? { ...vs, set: vs.set.union(prev.set) } : vs);
    managed.times.set(id, rfc3339((opts.now ?? (() => new Date()))()));
  }
  capUpdateManagers(managed);
}

/**
 * Records a create, update or non-apply patch: returns `next` with its managedFields updated for
 * `manager` (operation Update). `live` is the stored object, undefined for a create. Never
 * throws: on a failure the live managedFields are kept, as kube-apiserver's UpdateNoErrors does.
 */
export function recordUpdate(live: JsonObject | undefined, next: JsonObject, manager: string, opts: FieldManagerOptions): JsonObject {
  // Only metadata is written: a shallow copy down to it leaves the caller's object untouched.
  const out: JsonObject = { ...next, metadata: { ...(isObject(next['metadata']) ? next['metadata'] : {}) } };
  const liveObj = live ?? zeroObject(opts.node);
  const liveFields = meta(liveObj)['managedFields'];
  try {
    let managed: Managed;
    const requested = meta(next)['managedFields'];
    if (opts.subresource) managed = decodeOrEmpty(liveFields);
    else if (isReset(requested)) managed = emptyManaged();
    else {
      managed = decodeOrEmpty(requested);
      if (!managed.fields.size) managed = decodeOrEmpty(liveFields);
    }
    // kube-apiserver starts tracking an existing object only once something applies to it.
    if (managed.fields.size || !meta(liveObj)['uid']) trackUpdate(liveObj, out, managed, manager, opts);
    return setManagedFields(out, managed);
  } catch {
    const m = isObject(out['metadata']) ? out['metadata'] : (out['metadata'] = {});
    if (liveFields === undefined) delete m['managedFields'];
    else m['managedFields'] = deepCopy(liveFields);
    return out;
  }
}

function decodeOrEmpty(v: unknown): Managed {
  try {
    return decodeManagedFields(v);
  } catch {
    return emptyManaged();
  }
}

function gvkString(apiVersion: string, kind: string): string {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  return `${group ?? ''}/${version ?? ''}, Kind=${kind}`;
}

const badRequest = (message: string) => new StatusError(failure(400, 'BadRequest', message));

export interface ApplyOptions extends FieldManagerOptions {
  /** `force=true`: take over conflicting fields instead of failing. */
  readonly force?: boolean;
  /** Namespace/name for error messages. */
  readonly objectName?: string;
}

/**
 * Server-side apply of `config` (the parsed apply patch) by `manager` onto `live` (undefined to
 * create). Returns the resulting object with managedFields, or throws a StatusError: 400 for a
 * configuration of the wrong kind or with undeclared fields, 409 for conflicts (unless forced).
 */
export function applyConfiguration(live: JsonObject | undefined, config: JsonObject, manager: string, opts: ApplyOptions): JsonObject {
  const gotApiVersion = typeof config['apiVersion'] === 'string' ? config['apiVersion'] : '';
  const gotKind = typeof config['kind'] === 'string' ? config['kind'] : '';
  if (gotApiVersion !== opts.apiVersion || gotKind !== opts.kind) throw badRequest(`invalid object type: ${gvkString(gotApiVersion, gotKind)}`);
  // The cached zero object is shared: merging may hand its parts to the result, so copy it.
  const liveObj = live ?? deepCopy(zeroObject(opts.node));
  let managed: Managed;
  try {
    managed = decodeManagedFields(meta(liveObj)['managedFields']);
  } catch (e) {
    throw new StatusError(failure(500, 'InternalError', `failed to decode managed fields: ${e instanceof Error ? e.message : String(e)}`));
  }
  let result: JsonObject;
  try {
    result = applyOnce(liveObj, config, managed, { ...opts, manager, force: opts.force ?? false });
  } catch (e) {
    if (!(e instanceof ApplyConflicts)) throw e;
    // kubectl --server-side upgrading from client-side apply: conflicts on fields still equal to
    // the last-applied annotation are not conflicts (lastAppliedManager).
    const allowed = manager === 'kubectl' ? allowedConflicts(liveObj, opts) : undefined;
    if (!allowed || e.conflicts.some((c) => !allowed.has(c.path))) {
      throw conflictError(allowed ? e.conflicts.filter((c) => !allowed.has(c.path)) : e.conflicts);
    }
    managed = decodeManagedFields(meta(liveObj)['managedFields']);
    result = applyOnce(liveObj, config, managed, { ...opts, manager, force: true });
  }
  if (manager === 'kubectl') result = withLastApplied(result, config);
  return result;
}

function applyOnce(liveObj: JsonObject, config: JsonObject, managed: Managed, opts: ApplyOptions & { manager: string; force: boolean }): JsonObject {
  const live = liveObj;
  // Fields that existed before the first apply belong to "before-first-apply" (skipNonApplied).
  if (!managed.fields.size) trackUpdate(zeroObject(opts.node), live, managed, 'before-first-apply', opts);
  const id = managerIdentifier({ manager: opts.manager, operation: 'Apply', subresource: opts.subresource });
  if (meta(config)['managedFields'] !== undefined) throw badRequest('metadata.managedFields must be nil');
  const errors = validateTyped(config, opts.node);
  if (errors.length) throw badRequest(`failed to create typed patch object (${opts.objectName ?? ''}; ${gvkString(opts.apiVersion, opts.kind)}): ${joinValidationErrors(errors)}`);
  const { object: next, managers } = applyManaged(withoutManagedFields(live), config, managed.fields, {
    node: opts.node, apiVersion: opts.apiVersion, manager: id, force: opts.force, ignored: opts.resetFields,
  });
  managed.fields.clear();
  for (const [k, v] of managers) managed.fields.set(k, v);
  strip(managed, id);
  let out: JsonObject;
  if (next === undefined) out = deepCopy(withoutManagedFields(live));
  else {
    const clean = dropNulls(next, opts.node);
    out = isObject(clean) ? clean : {};
    managed.times.set(id, rfc3339((opts.now ?? (() => new Date()))()));
  }
  return setManagedFields(out, managed);
}


/** Whether two objects differ only in managedFields times (kube-apiserver then keeps the old times). */
export function keepTimesOnNoop(next: JsonObject, old: JsonObject): JsonObject {
  const nf = meta(next)['managedFields'];
  const of = meta(old)['managedFields'];
  if (!Array.isArray(nf) || !Array.isArray(of) || nf.length !== of.length || !nf.length) return next;
  const untimed = (l: unknown[]) => l.map((e) => (isObject(e) ? { ...e, time: undefined } : e));
  if (!deepEqual(JSON.parse(JSON.stringify(untimed(nf))), JSON.parse(JSON.stringify(untimed(of))))) return next;
  const a = withoutManagedFields(next);
  const b = withoutManagedFields(old);
  if (!deepEqual(a, b)) return next;
  const out = deepCopy(next);
  (meta(out) as JsonObject)['managedFields'] = deepCopy(of);
  return out;
}
