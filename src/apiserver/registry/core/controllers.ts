/**
 * @module ReplicationControllers and PodTemplates (pkg/registry/core/*): RC defaults (selector and
 * labels from the template, one replica), generation and status, validation of the selector and
 * template and of /status counters, the status.replicas field selector; pod templates validated
 * as templates.
 */
import { defaultPodTemplate } from '../../../api/defaults/pod.js';
import { defaultReplicationController } from '../../../api/defaults/workloads.js';
import type { KubeObject } from '../../../api/meta/object.js';
import { type FieldError, FieldPath } from '../../../api/validation/field-errors.js';
import { obj } from '../../../api/validation/helpers.js';
import { validatePodTemplateSpec } from '../../../api/validation/pod-spec.js';
import { podSpecWarnings } from '../../../api/validation/pod-warnings.js';
import { validateReplicaStatus, validateReplicationControllerSpec } from '../../../api/validation/workloads.js';
import type { RequestContext } from '../rest/context.js';
import { BaseStrategy } from '../rest/strategy.js';

export class ReplicationControllerStrategy extends BaseStrategy {
  constructor() {
    super({ namespaced: true, hasStatus: true, tracksGeneration: true, initialStatus: { replicas: 0 },
      fieldLabels: { fields: ['metadata.name', 'metadata.namespace', 'status.replicas'], message: (l) => `field label not supported: ${l}` } });
  }

  protected override setDefaults(o: KubeObject): void {
    defaultReplicationController(o);
  }

  override validate(o: KubeObject, ctx: RequestContext): FieldError[] {
    return [...super.validate(o, ctx), ...validateReplicationControllerSpec(obj(o['spec']))];
  }

  override warningsOnCreate(o: KubeObject): string[] {
    const out: string[] = [];
    podSpecWarnings(out, obj(obj(o['spec'])['template'])['spec'], FieldPath.root('spec').child('template', 'spec'));
    return out;
  }

  override validateUpdate(next: KubeObject, prev: KubeObject, ctx: RequestContext): FieldError[] {
    return [...super.validateUpdate(next, prev, ctx), ...validateReplicationControllerSpec(obj(next['spec']))];
  }

  validateStatusUpdate(next: KubeObject): FieldError[] {
    return validateReplicaStatus(obj(next['status']), ['replicas', 'fullyLabeledReplicas', 'readyReplicas', 'availableReplicas']);
  }

  override fields(o: KubeObject): Record<string, string> {
    return { ...super.fields(o), 'status.replicas': String(obj(o['status'])['replicas'] ?? 0) };
  }
}

/** Pod templates: a pod template spec under `template`. */
export class PodTemplateStrategy extends BaseStrategy {
  constructor() {
    super({ namespaced: true });
  }

  protected override setDefaults(o: KubeObject): void {
    o['template'] = obj(o['template']);
    defaultPodTemplate(o['template']);
  }

  override validate(o: KubeObject, ctx: RequestContext): FieldError[] {
    const errs = super.validate(o, ctx);
    validatePodTemplateSpec(errs, o['template'], FieldPath.root('template'));
    return errs;
  }

  override validateUpdate(next: KubeObject, prev: KubeObject, ctx: RequestContext): FieldError[] {
    const errs = super.validateUpdate(next, prev, ctx);
    validatePodTemplateSpec(errs, next['template'], FieldPath.root('template'));
    return errs;
  }
}
