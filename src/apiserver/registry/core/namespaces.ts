/**
 * @module Namespaces (pkg/registry/core/namespace): Active with the `kubernetes` finalizer and the
 * kubernetes.io/metadata.name label on create; DELETE first moves a namespace to Terminating,
 * and only removes it once its spec.finalizers are gone (the namespace controller empties them
 * through /finalize after deleting the contents).
 */
import { cloneJson, isPlainObject, type KubeObject } from '../../../api/meta/object.js';
import { statusErrors } from '../../../api/status.js';
import { validateNamespaceFinalizers, validateNamespaceStatus } from '../../../api/validation/core-objects.js';
import type { FieldError } from '../../../api/validation/field-errors.js';
import { nameIsDNSLabel } from '../../../api/validation/names.js';
import type { RequestContext } from '../rest/context.js';
import { nowTimestamp } from '../rest/meta.js';
import { BaseStrategy, type DeleteRequest } from '../rest/strategy.js';
import { type DeleteResult, Store, type WriteOptions } from '../generic/store.js';
import { interpretError } from '../generic/errors.js';
import { beforeDelete } from '../generic/delete.js';
import { list, obj, str } from '../../../api/validation/helpers.js';

export const NAME_LABEL = 'kubernetes.io/metadata.name';

export class NamespaceStrategy extends BaseStrategy {
  constructor() {
    super({ namespaced: false, hasStatus: true, nameValidator: nameIsDNSLabel, returnDeletedObject: true,
      fieldLabels: { fields: ['metadata.name', 'status.phase'], message: (l) => `field label not supported: ${l}` } });
  }

  protected override setDefaults(o: KubeObject): void {
    // The name label always mirrors the name (SetDefaults_Namespace).
    if (o.metadata.name) o.metadata.labels = { ...(o.metadata.labels ?? {}), [NAME_LABEL]: o.metadata.name };
  }

  override prepareForCreate(o: KubeObject, ctx: RequestContext): void {
    super.prepareForCreate(o, ctx);
    this.defaults(o);
    o['status'] = { phase: 'Active' };
    const spec = isPlainObject(o['spec']) ? o['spec'] : (o['spec'] = {});
    const fins = list(spec['finalizers']).map(String);
    if (!fins.includes('kubernetes')) spec['finalizers'] = [...fins, 'kubernetes'];
  }

  override validate(o: KubeObject, ctx: RequestContext): FieldError[] {
    return [...super.validate(o, ctx), ...validateNamespaceFinalizers(o, false)];
  }

  validateStatusUpdate(next: KubeObject): FieldError[] {
    return validateNamespaceStatus(next);
  }

  override prepareForUpdate(next: KubeObject, prev: KubeObject, ctx: RequestContext): void {
    super.prepareForUpdate(next, prev, ctx);
    this.defaults(next);
    next['spec'] = { ...obj(next['spec']), finalizers: obj(prev['spec'])['finalizers'] };
    if (obj(prev['spec'])['finalizers'] === undefined) delete (next['spec'] as Record<string, unknown>)['finalizers'];
  }

  /** A terminating namespace goes away once both its spec and metadata finalizers are gone. */
  override shouldDeleteDuringUpdate(next: KubeObject, prev: KubeObject): boolean {
    return list(obj(next['spec'])['finalizers']).length === 0 && super.shouldDeleteDuringUpdate(next, prev);
  }

  override fields(o: KubeObject): Record<string, string> {
    return { 'metadata.name': o.metadata.name ?? '', 'status.phase': str(obj(o['status'])['phase']) };
  }
}

/** The namespace store: DELETE terminates first, removes once finalized. */
export class NamespaceStore extends Store {
  override async delete(ctx: RequestContext, name: string, req: DeleteRequest, opts: WriteOptions = {}): Promise<DeleteResult> {
    const key = this.keyFor(ctx, name);
    const current = await this.readKey(key, name);
    if (!current.kv) throw statusErrors.notFound({ resource: 'namespaces', group: '' }, name);
    const ns = this.codec.decode(current.kv);
    if (!ns.metadata.deletionTimestamp) {
      const plan = beforeDelete(this, ns, req);
      const out = plan.kind === 'update' ? plan.obj : cloneJson(ns);
      out.metadata.deletionTimestamp = nowTimestamp();
      out['status'] = { ...obj(out['status']), phase: 'Terminating' };
      if (opts.admit) await opts.admit(ns, ns);
      if (ctx.dryRun) return { body: out, deleted: false };
      try {
        const r = await this.backend.update(key, this.codec.encode(out), { expectedModRevision: current.kv.modRevision });
        out.metadata.resourceVersion = String(r.revision);
      } catch (e) {
        throw interpretError(e, this.resource, name);
      }
      return { body: out, deleted: false };
    }
    if (list(obj(ns['spec'])['finalizers']).length) return { body: ns, deleted: false };
    return super.delete(ctx, name, req, opts);
  }
}
