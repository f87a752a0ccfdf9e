/**
 * @module apps/v1 strategies (pkg/registry/apps/*): Deployment, ReplicaSet, StatefulSet and
 * DaemonSet defaults (replicas, update strategies, history limits, pod template), validation
 * (selector matching the template, restartPolicy Always, replicas ≥ 0, the immutable selector,
 * the StatefulSet spec fields that may change), generation on spec (and, for deployments,
 * annotation) changes, and status kept across main-resource writes.
 */
import { defaultPodTemplate } from '../../../api/defaults/pod.js';
import { jsonEqual, type KubeObject } from '../../../api/meta/object.js';
import { type FieldError, FieldPath, fieldErrors } from '../../../api/validation/field-errors.js';
import { checkEnum, checkNonNegative, obj, str } from '../../../api/validation/helpers.js';
import { validateImmutable } from '../../../api/validation/object-meta.js';
import { validateIntOrPercent, validateSelectorAndTemplate } from '../../../api/validation/workloads.js';
import type { RequestContext } from '../rest/context.js';
import { BaseStrategy } from '../rest/strategy.js';

type Obj = Record<string, unknown>;
const spec = (o: KubeObject): Obj => (o['spec'] = obj(o['spec']));
const SPEC = FieldPath.root('spec');

/** The behaviour the four apps workloads share. */
abstract class WorkloadStrategy extends BaseStrategy {
  constructor() {
    super({ namespaced: true, hasStatus: true, tracksGeneration: true });
  }

  /** The lower-case kind error messages name ("empty selector is invalid for deployment"). */
  protected abstract readonly kindWord: string;
  protected abstract defaultSpec(s: Obj): void;
  protected abstract validateSpec(s: Obj, errs: FieldError[]): void;

  override defaults(o: KubeObject): void {
    const s = spec(o);
    this.defaultSpec(s);
    defaultPodTemplate(s['template']);
  }

  override validate(o: KubeObject, ctx: RequestContext): FieldError[] {
    const errs = super.validate(o, ctx);
    const s = obj(o['spec']);
    errs.push(...validateSelectorAndTemplate(s, SPEC, ctx.warnings, ['Always'], this.kindWord));
    checkNonNegative(errs, SPEC.child('replicas'), s['replicas']);
    checkNonNegative(errs, SPEC.child('minReadySeconds'), s['minReadySeconds']);
    checkNonNegative(errs, SPEC.child('revisionHistoryLimit'), s['revisionHistoryLimit']);
    this.validateSpec(s, errs);
    return errs;
  }

  override validateUpdate(next: KubeObject, prev: KubeObject, ctx: RequestContext): FieldError[] {
    const errs = [...super.validateUpdate(next, prev, ctx), ...this.validate(next, ctx)];
    errs.push(...validateImmutable(obj(next['spec'])['selector'], obj(prev['spec'])['selector'], 'spec.selector'));
    return errs;
  }
}

export class DeploymentStrategy extends WorkloadStrategy {
  protected readonly kindWord = 'deployment';
  protected defaultSpec(s: Obj): void {
    s['replicas'] ??= 1;
    const strategy = obj(s['strategy']);
    s['strategy'] = strategy;
    strategy['type'] ??= 'RollingUpdate';
    if (strategy['type'] === 'RollingUpdate') {
      const ru = obj(strategy['rollingUpdate']);
      strategy['rollingUpdate'] = ru;
      ru['maxUnavailable'] ??= '25%';
      ru['maxSurge'] ??= '25%';
    }
    s['revisionHistoryLimit'] ??= 10;
    s['progressDeadlineSeconds'] ??= 600;
  }

  protected validateSpec(s: Obj, errs: FieldError[]): void {
    const strategy = obj(s['strategy']);
    const sp = SPEC.child('strategy');
    checkEnum(errs, sp.child('type'), strategy['type'], ['Recreate', 'RollingUpdate'], true);
    if (strategy['type'] === 'Recreate' && strategy['rollingUpdate'] !== undefined) {
      errs.push(fieldErrors.forbidden(sp.child('rollingUpdate'), "may not be specified when strategy `type` is 'Recreate'"));
    }
    const ru = obj(strategy['rollingUpdate']);
    const mu = validateIntOrPercent(errs, sp.child('rollingUpdate', 'maxUnavailable'), ru['maxUnavailable']);
    const ms = validateIntOrPercent(errs, sp.child('rollingUpdate', 'maxSurge'), ru['maxSurge']);
    if (strategy['type'] === 'RollingUpdate' && mu === 0 && ms === 0) {
      errs.push(fieldErrors.invalid(sp.child('rollingUpdate', 'maxUnavailable'), ru['maxUnavailable'], 'may not be 0 when `maxSurge` is 0'));
    }
    const pds = s['progressDeadlineSeconds'];
    if (typeof pds === 'number' && pds <= Number(s['minReadySeconds'] ?? 0)) {
      errs.push(fieldErrors.invalid(SPEC.child('progressDeadlineSeconds'), pds, 'must be greater than minReadySeconds'));
    }
  }

  /** Deployments count annotation changes too: they are copied to the replica sets. */
  override prepareForUpdate(next: KubeObject, prev: KubeObject, ctx: RequestContext): void {
    super.prepareForUpdate(next, prev, ctx);
    if ((next.metadata.generation ?? 0) === (prev.metadata.generation ?? 0) && !jsonEqual(next.metadata.annotations ?? {}, prev.metadata.annotations ?? {})) {
      next.metadata.generation = (prev.metadata.generation ?? 0) + 1;
    }
  }
}

export class ReplicaSetStrategy extends WorkloadStrategy {
  protected readonly kindWord = 'replicaset';
  override readonly fieldLabels = { fields: ['metadata.name', 'metadata.namespace', 'status.replicas'], message: (l: string) => `field label not supported: ${l}` };
  protected defaultSpec(s: Obj): void {
    s['replicas'] ??= 1;
  }
  protected validateSpec(): void {}
  override fields(o: KubeObject): Record<string, string> {
    return { ...super.fields(o), 'status.replicas': String(obj(o['status'])['replicas'] ?? 0) };
  }
}

const STS_UPDATABLE = ['replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy', 'minReadySeconds', 'revisionHistoryLimit'];

export class StatefulSetStrategy extends WorkloadStrategy {
  protected readonly kindWord = 'statefulset';
  protected defaultSpec(s: Obj): void {
    s['replicas'] ??= 1;
    s['podManagementPolicy'] ??= 'OrderedReady';
    const us = obj(s['updateStrategy']);
    s['updateStrategy'] = us;
    us['type'] ??= 'RollingUpdate';
    if (us['type'] === 'RollingUpdate') us['rollingUpdate'] = { partition: 0, ...obj(us['rollingUpdate']) };
    s['revisionHistoryLimit'] ??= 10;
    s['persistentVolumeClaimRetentionPolicy'] = { whenDeleted: 'Retain', whenScaled: 'Retain', ...obj(s['persistentVolumeClaimRetentionPolicy']) };
  }

  protected validateSpec(s: Obj, errs: FieldError[]): void {
    checkEnum(errs, SPEC.child('podManagementPolicy'), s['podManagementPolicy'], ['OrderedReady', 'Parallel'], true);
    checkEnum(errs, SPEC.child('updateStrategy', 'type'), obj(s['updateStrategy'])['type'], ['RollingUpdate', 'OnDelete'], true);
  }

  override validateUpdate(next: KubeObject, prev: KubeObject, ctx: RequestContext): FieldError[] {
    const errs = super.validateUpdate(next, prev, ctx);
    const n = { ...obj(next['spec']) };
    const p = { ...obj(prev['spec']) };
    for (const f of STS_UPDATABLE) {
      delete n[f];
      delete p[f];
    }
    if (!jsonEqual(n, p)) {
      errs.push(fieldErrors.forbidden('spec', "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden"));
    }
    return errs;
  }
}

export class DaemonSetStrategy extends WorkloadStrategy {
  protected readonly kindWord = 'daemonset';
  protected defaultSpec(s: Obj): void {
    const us = obj(s['updateStrategy']);
    s['updateStrategy'] = us;
    us['type'] ??= 'RollingUpdate';
    if (us['type'] === 'RollingUpdate') us['rollingUpdate'] = { maxUnavailable: 1, maxSurge: 0, ...obj(us['rollingUpdate']) };
    s['revisionHistoryLimit'] ??= 10;
  }

  protected validateSpec(s: Obj, errs: FieldError[]): void {
    const us = obj(s['updateStrategy']);
    checkEnum(errs, SPEC.child('updateStrategy', 'type'), us['type'], ['RollingUpdate', 'OnDelete'], true);
    const ru = obj(us['rollingUpdate']);
    validateIntOrPercent(errs, SPEC.child('updateStrategy', 'rollingUpdate', 'maxUnavailable'), ru['maxUnavailable']);
    validateIntOrPercent(errs, SPEC.child('updateStrategy', 'rollingUpdate', 'maxSurge'), ru['maxSurge']);
  }
}

/** ControllerRevisions: data and revision never change. */
export class ControllerRevisionStrategy extends BaseStrategy {
  constructor() {
    super({ namespaced: true });
  }
  override validateUpdate(next: KubeObject, prev: KubeObject, ctx: RequestContext): FieldError[] {
    return [...super.validateUpdate(next, prev, ctx), ...validateImmutable(next['data'], prev['data'], 'data')];
  }
  override validate(o: KubeObject, ctx: RequestContext): FieldError[] {
    const errs = super.validate(o, ctx);
    checkNonNegative(errs, FieldPath.root('revision'), o['revision']);
    if (str(o['revision']) === '' && o['revision'] === undefined) errs.push(fieldErrors.required('revision'));
    return errs;
  }
}
