/**
 * @module The registry subresources every resource with them shares: status (the same store with
 * the status strategy), scale (autoscaling/v1 Scale over spec.replicas and the selector), and
 * namespaces' finalize (only spec.finalizers may change).
 */
import { cloneJson, getPath, isPlainObject, type KubeObject } from '../../api/meta/object.js';
import { formatLabelSelectorObject } from '../../api/labels/from-object.js';
import { selectorFromSet } from '../../api/labels/selector.js';
import { statusErrors } from '../../api/status.js';
import { type FieldError, fieldErrors, invalidError } from '../../api/validation/field-errors.js';
import { validateNamespaceFinalizers } from '../../api/validation/core-objects.js';
import { validateObjectMetaUpdate } from '../../api/validation/object-meta.js';
import type { Store } from './generic/store.js';
import type { Subresource } from './resources.js';
import { StatusStrategy, type Strategy } from './rest/strategy.js';
import type { RequestContext } from './rest/context.js';

/** `/status`: reads the object; writes change only `.status`. */
export function statusSubresource(store: Store, strategy: Strategy = new StatusStrategy(store.strategy)): Subresource {
  const r = store.resource;
  return {
    kind: { group: r.group, version: r.version, kind: r.kind },
    get: (ctx, name) => store.get(ctx, name),
    update: (ctx, name, apply, opts) => store.update(ctx, name, async (prev) => {
      if (!prev) throw statusErrors.notFound({ resource: r.plural, group: r.group }, name);
      return apply(prev);
    }, { ...opts, strategy }),
  };
}

const SCALE_KIND = { group: 'autoscaling', version: 'v1', kind: 'Scale' };

/** The Scale of an object: spec.replicas, status.replicas and the selector as a string. */
export function toScale(o: KubeObject): KubeObject {
  const sel = getPath(o, ['spec', 'selector']);
  // ReplicationControllers have a plain label map; the apps kinds a LabelSelector.
  const selector = isPlainObject(sel) && (sel['matchLabels'] !== undefined || sel['matchExpressions'] !== undefined)
    ? formatLabelSelectorObject(sel) : isPlainObject(sel) ? selectorFromSet(sel as Record<string, string>).toString() : '';
  const m = o.metadata;
  const metadata: KubeObject['metadata'] = { name: m.name ?? '' };
  if (m.namespace) metadata.namespace = m.namespace;
  if (m.uid) metadata.uid = m.uid;
  if (m.resourceVersion) metadata.resourceVersion = m.resourceVersion;
  if (m.creationTimestamp) metadata.creationTimestamp = m.creationTimestamp;
  const replicas = getPath(o, ['spec', 'replicas']);
  const status: Record<string, unknown> = { replicas: getPath(o, ['status', 'replicas']) ?? 0 };
  if (selector && selector !== '<none>') status['selector'] = selector;
  return { kind: 'Scale', apiVersion: 'autoscaling/v1', metadata, spec: { replicas: typeof replicas === 'number' ? replicas : 0 }, status };
}

/** `/scale` of deployments, replica sets, stateful sets and replication controllers. */
export function scaleSubresource(store: Store): Subresource {
  const r = store.resource;
  return {
    kind: SCALE_KIND,
    admissionView: toScale,
    get: async (ctx, name) => toScale(await store.get(ctx, name)),
    update: async (ctx: RequestContext, name, apply, opts) => {
      const out = await store.update(ctx, name, async (prev) => {
        if (!prev) throw statusErrors.notFound({ resource: r.plural, group: r.group }, name);
        const scale = await apply(toScale(prev));
        // ScaleSpec.replicas is omitempty: kubectl scale --replicas=0 sends a Scale without it.
        const replicas = getPath(scale, ['spec', 'replicas']) ?? 0;
        const errs: FieldError[] = [];
        if (typeof replicas !== 'number' || !Number.isInteger(replicas)) errs.push(fieldErrors.invalid('spec.replicas', replicas ?? null, 'must be an integer'));
        else if (replicas < 0) errs.push(fieldErrors.invalid('spec.replicas', replicas, 'must be greater than or equal to 0'));
        if (errs.length) throw invalidError('Scale', 'autoscaling', name, errs);
        const next = cloneJson(prev);
        next['spec'] = { ...(isPlainObject(next['spec']) ? next['spec'] : {}), replicas };
        if (scale.metadata.resourceVersion) next.metadata.resourceVersion = scale.metadata.resourceVersion;
        return next;
      }, opts);
      return { obj: toScale(out.obj), created: false };
    },
  };
}

/** `namespaces/<name>/finalize`: only spec.finalizers change. */
export function finalizeSubresource(store: Store): Subresource {
  return {
    kind: { group: '', version: 'v1', kind: 'Namespace' },
    update: (ctx, name, apply, opts) => store.update(ctx, name, async (prev) => {
      if (!prev) throw statusErrors.notFound({ resource: 'namespaces', group: '' }, name);
      const body = await apply(cloneJson(prev));
      const next = cloneJson(prev);
      const fins = getPath(body, ['spec', 'finalizers']);
      next['spec'] = { ...(isPlainObject(next['spec']) ? next['spec'] : {}) };
      if (Array.isArray(fins) && fins.length) (next['spec'] as Record<string, unknown>)['finalizers'] = fins;
      else delete (next['spec'] as Record<string, unknown>)['finalizers'];
      if (body.metadata.resourceVersion) next.metadata.resourceVersion = body.metadata.resourceVersion;
      return next;
    }, { ...opts, strategy: new FinalizeStrategy(store.strategy) }),
  };
}

/** Like the namespace strategy, but keeps the new spec.finalizers. */
class FinalizeStrategy extends StatusStrategy {
  override prepareForUpdate(next: KubeObject, prev: KubeObject): void {
    const spec = next['spec'];
    Object.assign(next, { ...cloneJson(prev), metadata: next.metadata });
    next['spec'] = spec;
  }

  /** ValidateNamespaceFinalizeUpdate: the metadata rules and each finalizer's name. */
  override validateUpdate(next: KubeObject, prev: KubeObject): FieldError[] {
    return [...validateObjectMetaUpdate(next.metadata, prev.metadata), ...validateNamespaceFinalizers(next, true)];
  }
}

/**
 * `certificatesigningrequests/<name>/approval`: only status.conditions change (kubectl
 * certificate approve|deny). Approved and Denied exclude each other and, once set, stay (the
 * csr approval strategy and ValidateCertificateSigningRequestApprovalUpdate).
 */
export function approvalSubresource(store: Store): Subresource {
  return statusSubresource(store, new ApprovalStrategy(store.strategy));
}

type Condition = { readonly type?: unknown; readonly status?: unknown };
const conditionsOf = (o: KubeObject): Condition[] => {
  const c = getPath(o, ['status', 'conditions']);
  return Array.isArray(c) ? (c as Condition[]) : [];
};

class ApprovalStrategy extends StatusStrategy {
  override prepareForUpdate(next: KubeObject, prev: KubeObject): void {
    const conditions = getPath(next, ['status', 'conditions']);
    const managedFields = next.metadata.managedFields;
    for (const k of Object.keys(next)) delete next[k];
    Object.assign(next, cloneJson(prev));
    const status = { ...(isPlainObject(next['status']) ? next['status'] : {}) };
    const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
    if (Array.isArray(conditions) && conditions.length) {
      status['conditions'] = conditions.map((c: unknown) => {
        const x = { ...(isPlainObject(c) ? c : {}) };
        // lastUpdateTime and lastTransitionTime default to now (csr strategy, approval path).
        if (!x['lastUpdateTime']) x['lastUpdateTime'] = now;
        if (!x['lastTransitionTime']) x['lastTransitionTime'] = now;
        return x;
      });
    } else delete status['conditions'];
    next['status'] = status;
    if (managedFields) next.metadata.managedFields = managedFields;
  }

  override validateUpdate(next: KubeObject, prev: KubeObject): FieldError[] {
    const errs = [...validateObjectMetaUpdate(next.metadata, prev.metadata)];
    const conds = conditionsOf(next);
    const has = (t: string) => conds.some((c) => c.type === t);
    const path = 'status.conditions';
    if (has('Approved') && has('Denied')) errs.push(fieldErrors.invalid(path, null, 'Approved and Denied conditions are mutually exclusive'));
    for (const c of conds) {
      if ((c.type === 'Approved' || c.type === 'Denied' || c.type === 'Failed') && c.status !== 'True') {
        errs.push(fieldErrors.notSupported(`${path}[${conds.indexOf(c)}].status`, c.status ?? null, ['True']));
      }
    }
    for (const t of ['Approved', 'Denied', 'Failed']) {
      if (conditionsOf(prev).some((c) => c.type === t) && !has(t)) errs.push(fieldErrors.forbidden(path, `updates may not remove a condition of type "${t}"`));
    }
    return errs;
  }
}
