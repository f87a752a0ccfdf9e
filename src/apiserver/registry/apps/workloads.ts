/**
 * @module apps/v1 strategies (pkg/registry/apps/*): Deployment, ReplicaSet, StatefulSet and
 * DaemonSet defaults (api/defaults/workloads.ts), validation (api/validation/workloads.ts), the
 * immutable selector, generation on spec (and, for deployments, annotation) changes, status kept
 * across main-resource writes and checked on /status; ControllerRevisions with frozen data.
 */
import { defaultDaemonSet, defaultDeployment, defaultReplicaSet, defaultStatefulSet } from '../../../api/defaults/workloads.js';
import { jsonEqual, type KubeObject } from '../../../api/meta/object.js';
import { type FieldError, FieldPath, fieldErrors } from '../../../api/validation/field-errors.js';
import { go } from '../../../api/validation/go-values.js';
import { checkNonNegative, obj } from '../../../api/validation/helpers.js';
import { nameIsDNSLabel } from '../../../api/validation/names.js';
import { validateImmutable } from '../../../api/validation/object-meta.js';
import { podSpecWarnings } from '../../../api/validation/pod-warnings.js';
import {
  validateCollisionCount, validateDaemonSetSpec, validateDaemonSetSpecUpdate, validateDeploymentSpec, validateReplicaSetSpec, validateReplicaStatus,
  validateStatefulSetSpec, validateStatefulSetSpecUpdate,
} from '../../../api/validation/workloads.js';
import type { RequestContext } from '../rest/context.js';
import { BaseStrategy, type BaseStrategyOptions } from '../rest/strategy.js';

type Obj = Record<string, unknown>;
const TEMPLATE_SPEC = FieldPath.root('spec').child('template', 'spec');

/** The behaviour the four apps workloads share. */
abstract class WorkloadStrategy extends BaseStrategy {
  constructor(o: Partial<BaseStrategyOptions> = {}) {
    super({ namespaced: true, hasStatus: true, tracksGeneration: true, ...o });
  }

  protected abstract validateSpec(spec: Obj): FieldError[];
  protected abstract readonly statusCounters: readonly string[];
  /** Deployments, ReplicaSets and DaemonSets report a changed selector (StatefulSets cover it with their spec rule). */
  protected readonly immutableSelector: boolean = true;

  override validate(o: KubeObject, ctx: RequestContext): FieldError[] {
    return [...super.validate(o, ctx), ...this.validateSpec(obj(o['spec']))];
  }

  override warningsOnCreate(o: KubeObject): string[] {
    const out: string[] = [];
    podSpecWarnings(out, obj(obj(o['spec'])['template'])['spec'], TEMPLATE_SPEC);
    return out;
  }

  override warningsOnUpdate(next: KubeObject): string[] {
    return this.warningsOnCreate(next);
  }

  /** apps/v1 selectors are immutable. */
  override validateUpdate(next: KubeObject, prev: KubeObject, ctx: RequestContext): FieldError[] {
    const errs = [...super.validateUpdate(next, prev, ctx), ...this.validateSpec(obj(next['spec']))];
    const ns = obj(next['spec'])['selector'];
    if (this.immutableSelector && !jsonEqual(ns ?? null, obj(prev['spec'])['selector'] ?? null)) errs.push(fieldErrors.invalid('spec.selector', go.labelSelector(ns), 'field is immutable'));
    return errs;
  }

  validateStatusUpdate(next: KubeObject, prev: KubeObject): FieldError[] {
    return [...validateReplicaStatus(obj(next['status']), this.statusCounters), ...validateCollisionCount(obj(next['status']), obj(prev['status']))];
  }
}

export class DeploymentStrategy extends WorkloadStrategy {
  constructor() {
    super({ initialStatus: {} });
  }
  protected readonly statusCounters = ['replicas', 'updatedReplicas', 'readyReplicas', 'availableReplicas', 'unavailableReplicas'];
  protected override setDefaults(o: KubeObject): void { defaultDeployment(o); }
  protected validateSpec(s: Obj): FieldError[] { return validateDeploymentSpec(s); }

  /** Deployments count annotation changes too: they are copied to the replica sets. */
  override prepareForUpdate(next: KubeObject, prev: KubeObject, ctx: RequestContext): void {
    super.prepareForUpdate(next, prev, ctx);
    if ((next.metadata.generation ?? 0) === (prev.metadata.generation ?? 0) && !jsonEqual(next.metadata.annotations ?? {}, prev.metadata.annotations ?? {})) {
      next.metadata.generation = (prev.metadata.generation ?? 0) + 1;
    }
  }
}

export class ReplicaSetStrategy extends WorkloadStrategy {
  protected readonly statusCounters = ['replicas', 'fullyLabeledReplicas', 'readyReplicas', 'availableReplicas'];
  constructor() {
    super({ initialStatus: { replicas: 0 }, fieldLabels: { fields: ['metadata.name', 'metadata.namespace', 'status.replicas'], message: (l: string) => `field label not supported: ${l}` } });
  }
  protected override setDefaults(o: KubeObject): void { defaultReplicaSet(o); }
  protected validateSpec(s: Obj): FieldError[] { return validateReplicaSetSpec(s); }
  override fields(o: KubeObject): Record<string, string> {
    return { ...super.fields(o), 'status.replicas': String(obj(o['status'])['replicas'] ?? 0) };
  }
}

export class StatefulSetStrategy extends WorkloadStrategy {
  protected readonly statusCounters = ['replicas', 'readyReplicas', 'currentReplicas', 'updatedReplicas', 'availableReplicas'];
  protected override readonly immutableSelector = false;
  constructor() {
    super({ nameValidator: nameIsDNSLabel, initialStatus: { replicas: 0, availableReplicas: 0 } });
  }
  protected override setDefaults(o: KubeObject): void { defaultStatefulSet(o); }
  protected validateSpec(s: Obj): FieldError[] { return validateStatefulSetSpec(s); }

  override validateUpdate(next: KubeObject, prev: KubeObject, ctx: RequestContext): FieldError[] {
    return [...super.validateUpdate(next, prev, ctx), ...validateStatefulSetSpecUpdate(obj(next['spec']), obj(prev['spec']))];
  }

  override validateStatusUpdate(next: KubeObject, prev: KubeObject): FieldError[] {
    return super.validateStatusUpdate(next, prev).map((e) => (e.detail === 'cannot be greater than readyReplicas' ? { ...e, detail: 'cannot be greater than status.readyReplicas' } : e));
  }
}

export class DaemonSetStrategy extends WorkloadStrategy {
  constructor() {
    super({ initialStatus: { currentNumberScheduled: 0, numberMisscheduled: 0, desiredNumberScheduled: 0, numberReady: 0 } });
  }
  protected readonly statusCounters = ['currentNumberScheduled', 'numberMisscheduled', 'desiredNumberScheduled', 'numberReady', 'updatedNumberScheduled', 'numberAvailable', 'numberUnavailable'];
  protected override setDefaults(o: KubeObject): void { defaultDaemonSet(o); }
  protected validateSpec(s: Obj): FieldError[] { return validateDaemonSetSpec(s); }

  override validateUpdate(next: KubeObject, prev: KubeObject, ctx: RequestContext): FieldError[] {
    return [...validateDaemonSetSpecUpdate(obj(next['spec']), obj(prev['spec'])), ...super.validateUpdate(next, prev, ctx)];
  }

  override validateStatusUpdate(next: KubeObject, prev: KubeObject): FieldError[] {
    const errs: FieldError[] = [];
    const st = obj(next['status']);
    for (const f of this.statusCounters) checkNonNegative(errs, FieldPath.root('status').child(f), st[f]);
    checkNonNegative(errs, FieldPath.root('status').child('observedGeneration'), st['observedGeneration']);
    checkNonNegative(errs, FieldPath.root('status').child('collisionCount'), st['collisionCount']);
    return [...errs, ...validateCollisionCount(st, obj(prev['status']))];
  }
}

/** ControllerRevisions: data required and never changed, revision ≥ 0. */
export class ControllerRevisionStrategy extends BaseStrategy {
  constructor() {
    super({ namespaced: true });
  }
  override validate(o: KubeObject, ctx: RequestContext): FieldError[] {
    const errs = super.validate(o, ctx);
    if (o['data'] === undefined || o['data'] === null) errs.push(fieldErrors.required('data', 'data is mandatory'));
    checkNonNegative(errs, FieldPath.root('revision'), o['revision']);
    return errs;
  }
  override validateUpdate(next: KubeObject, prev: KubeObject, ctx: RequestContext): FieldError[] {
    return [...super.validateUpdate(next, prev, ctx), ...this.validate(next, ctx).filter((e) => !e.field.startsWith('metadata.')), ...validateImmutable(next['data'], prev['data'], 'data')];
  }
}
