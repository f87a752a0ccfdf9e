/**
 * @module PersistentVolumes and PersistentVolumeClaims (pkg/registry/core/persistentvolume*):
 * defaults (reclaim policy, volume mode), phase Pending on create, spec validation, the update
 * rules (a PV's source and a claim's spec are frozen; a bound claim may grow), /status checks.
 */
import { defaultPersistentVolume, defaultPersistentVolumeClaim } from '../../../api/defaults/core.js';
import type { KubeObject } from '../../../api/meta/object.js';
import { validatePersistentVolume, validatePersistentVolumeUpdate } from '../../../api/validation/core-storage.js';
import { type FieldError, FieldPath, fieldErrors } from '../../../api/validation/field-errors.js';
import { list, obj } from '../../../api/validation/helpers.js';
import { validatePvcSpec, validatePvcUpdate } from '../../../api/validation/storage-claims.js';
import type { RequestContext } from '../rest/context.js';
import { BaseStrategy } from '../rest/strategy.js';

export class PersistentVolumeClaimStrategy extends BaseStrategy {
  constructor() {
    super({ namespaced: true, hasStatus: true });
  }

  protected override setDefaults(o: KubeObject): void {
    defaultPersistentVolumeClaim(o);
  }

  override prepareForCreate(o: KubeObject, ctx: RequestContext): void {
    super.prepareForCreate(o, ctx);
    o['status'] = { phase: 'Pending' };
  }

  override validate(o: KubeObject, ctx: RequestContext): FieldError[] {
    const errs = super.validate(o, ctx);
    validatePvcSpec(errs, o['spec'], FieldPath.root('spec'));
    return errs;
  }

  override validateUpdate(next: KubeObject, prev: KubeObject, ctx: RequestContext): FieldError[] {
    const errs = super.validateUpdate(next, prev, ctx);
    validatePvcSpec(errs, next['spec'], FieldPath.root('spec'));
    return [...errs, ...validatePvcUpdate(next, prev)];
  }

  validateStatusUpdate(next: KubeObject): FieldError[] {
    // Upstream spells this path with a capital S.
    if (list(obj(next['spec'])['accessModes']).length === 0) return [fieldErrors.required(FieldPath.root('Spec').child('accessModes'))];
    return [];
  }
}

export class PersistentVolumeStrategy extends BaseStrategy {
  constructor() {
    super({ namespaced: false, hasStatus: true });
  }

  protected override setDefaults(o: KubeObject): void {
    defaultPersistentVolume(o);
  }

  override prepareForCreate(o: KubeObject, ctx: RequestContext): void {
    super.prepareForCreate(o, ctx);
    o['status'] = { phase: 'Pending' };
  }

  override validate(o: KubeObject, ctx: RequestContext): FieldError[] {
    return [...super.validate(o, ctx), ...validatePersistentVolume(o)];
  }

  override validateUpdate(next: KubeObject, prev: KubeObject, ctx: RequestContext): FieldError[] {
    return [...super.validateUpdate(next, prev, ctx), ...validatePersistentVolume(next), ...validatePersistentVolumeUpdate(next, prev)];
  }
}
