/**
 * @module Strategies for the remaining core/v1 resources: events (1 h TTL, involvedObject field
 * selectors), nodes (spec.unschedulable selector, podCIDR set once), service accounts,
 * endpoints, persistent volumes and claims, replication controllers (generation, status,
 * status.replicas selector), pod templates, limit ranges and resource quotas.
 */
import { defaultPodTemplate } from '../../../api/defaults/pod.js';
import { jsonEqual, type KubeObject } from '../../../api/meta/object.js';
import { type FieldError, FieldPath, fieldErrors } from '../../../api/validation/field-errors.js';
import { checkEnum, list, obj, str } from '../../../api/validation/helpers.js';
import { validatePodSpec } from '../../../api/validation/pod.js';
import type { RequestContext } from '../rest/context.js';
import { BaseStrategy } from '../rest/strategy.js';

const notSupported = (l: string) => `field label not supported: ${l}`;

export class EventStrategy extends BaseStrategy {
  constructor() {
    super({ namespaced: true, fieldLabels: {
      fields: ['metadata.name', 'metadata.namespace', 'involvedObject.kind', 'involvedObject.namespace', 'involvedObject.name', 'involvedObject.uid',
        'involvedObject.apiVersion', 'involvedObject.resourceVersion', 'involvedObject.fieldPath', 'reason', 'reportingComponent', 'source', 'type'],
      message: notSupported,
    } });
  }

  override validate(o: KubeObject, ctx: RequestContext): FieldError[] {
    const errs = super.validate(o, ctx);
    const ns = str(obj(o['involvedObject'])['namespace']);
    if (ns && o.metadata.namespace && ns !== o.metadata.namespace) {
      errs.push(fieldErrors.invalid('involvedObject.namespace', ns, 'does not match event.namespace'));
    }
    return errs;
  }

  override fields(o: KubeObject): Record<string, string> {
    const io = obj(o['involvedObject']);
    return {
      ...super.fields(o),
      'involvedObject.kind': str(io['kind']), 'involvedObject.namespace': str(io['namespace']), 'involvedObject.name': str(io['name']),
      'involvedObject.uid': str(io['uid']), 'involvedObject.apiVersion': str(io['apiVersion']),
      'involvedObject.resourceVersion': str(io['resourceVersion']), 'involvedObject.fieldPath': str(io['fieldPath']),
      reason: str(o['reason']), reportingComponent: str(o['reportingComponent']), source: str(obj(o['source'])['component']), type: str(o['type']),
    };
  }

  /** Events expire after an hour, as kube-apiserver's --event-ttl. */
  ttlSeconds(): number {
    return 3600;
  }
}

export class NodeStrategy extends BaseStrategy {
  constructor() {
    super({ namespaced: false, hasStatus: true, fieldLabels: { fields: ['metadata.name', 'spec.unschedulable'], message: notSupported } });
  }

  /** A kubelet registers its node with its status in one create: nodes keep status on create (nodeStrategy). */
  override prepareForCreate(o: KubeObject, ctx: RequestContext): void {
    const status = o['status'];
    super.prepareForCreate(o, ctx);
    if (status !== undefined) o['status'] = status;
  }

  override validate(o: KubeObject, ctx: RequestContext): FieldError[] {
    const errs = super.validate(o, ctx);
    list(obj(o['spec'])['taints']).forEach((t, i) => {
      const p = FieldPath.root('spec').child('taints').index(i);
      if (!str(obj(t)['key'])) errs.push(fieldErrors.required(p.child('key')));
      checkEnum(errs, p.child('effect'), obj(t)['effect'], ['NoSchedule', 'PreferNoSchedule', 'NoExecute'], true);
    });
    return errs;
  }

  override validateUpdate(next: KubeObject, prev: KubeObject, ctx: RequestContext): FieldError[] {
    const errs = [...super.validateUpdate(next, prev, ctx), ...this.validate(next, ctx)];
    const before = list(obj(prev['spec'])['podCIDRs']);
    const after = list(obj(next['spec'])['podCIDRs']);
    if (before.length && !jsonEqual(before, after)) errs.push(fieldErrors.forbidden('spec.podCIDRs', 'node updates may not change podCIDR except from "" to valid'));
    return errs;
  }

  override fields(o: KubeObject): Record<string, string> {
    return { 'metadata.name': o.metadata.name ?? '', 'spec.unschedulable': obj(o['spec'])['unschedulable'] === true ? 'true' : 'false' };
  }
}

export class ReplicationControllerStrategy extends BaseStrategy {
  constructor() {
    super({ namespaced: true, hasStatus: true, tracksGeneration: true,
      fieldLabels: { fields: ['metadata.name', 'metadata.namespace', 'status.replicas'], message: notSupported } });
  }

  override defaults(o: KubeObject): void {
    const spec = obj(o['spec']);
    o['spec'] = spec;
    if (spec['replicas'] === undefined) spec['replicas'] = 1;
    const tpl = obj(spec['template']);
    // An RC without a selector selects its template's labels (SetDefaults_ReplicationController).
    if (spec['selector'] === undefined && obj(tpl['metadata'])['labels'] !== undefined) spec['selector'] = obj(tpl['metadata'])['labels'];
    defaultPodTemplate(spec['template']);
  }

  override validate(o: KubeObject, ctx: RequestContext): FieldError[] {
    const errs = super.validate(o, ctx);
    const spec = obj(o['spec']);
    if (typeof spec['replicas'] === 'number' && spec['replicas'] < 0) errs.push(fieldErrors.invalid('spec.replicas', spec['replicas'], 'must be greater than or equal to 0'));
    const selector = obj(spec['selector']);
    if (Object.keys(selector).length === 0) errs.push(fieldErrors.required('spec.selector'));
    const tpl = obj(spec['template']);
    const labels = obj(obj(tpl['metadata'])['labels']);
    if (!Object.entries(selector).every(([k, v]) => labels[k] === v)) {
      errs.push(fieldErrors.invalid('spec.template.metadata.labels', labels, '`selector` does not match template `labels`'));
    }
    errs.push(...validatePodSpec(tpl['spec'], FieldPath.root('spec').child('template', 'spec'), ctx.warnings, { restartPolicies: ['Always'] }));
    return errs;
  }

  override validateUpdate(next: KubeObject, prev: KubeObject, ctx: RequestContext): FieldError[] {
    return [...super.validateUpdate(next, prev, ctx), ...this.validate(next, ctx)];
  }

  override fields(o: KubeObject): Record<string, string> {
    return { ...super.fields(o), 'status.replicas': String(obj(o['status'])['replicas'] ?? 0) };
  }
}

export class PersistentVolumeClaimStrategy extends BaseStrategy {
  constructor() {
    super({ namespaced: true, hasStatus: true });
  }

  override defaults(o: KubeObject): void {
    const spec = obj(o['spec']);
    o['spec'] = spec;
    if (spec['volumeMode'] === undefined) spec['volumeMode'] = 'Filesystem';
  }

  override prepareForCreate(o: KubeObject, ctx: RequestContext): void {
    super.prepareForCreate(o, ctx);
    o['status'] = { phase: 'Pending' };
  }

  override validate(o: KubeObject, ctx: RequestContext): FieldError[] {
    const errs = super.validate(o, ctx);
    const spec = obj(o['spec']);
    if (list(spec['accessModes']).length === 0) errs.push(fieldErrors.required('spec.accessModes', 'at least 1 access mode is required'));
    if (obj(obj(spec['resources'])['requests'])['storage'] === undefined) errs.push(fieldErrors.required('spec.resources[storage]'));
    return errs;
  }
}

export class PersistentVolumeStrategy extends BaseStrategy {
  constructor() {
    super({ namespaced: false, hasStatus: true });
  }

  override defaults(o: KubeObject): void {
    const spec = obj(o['spec']);
    o['spec'] = spec;
    if (spec['persistentVolumeReclaimPolicy'] === undefined) spec['persistentVolumeReclaimPolicy'] = 'Retain';
    if (spec['volumeMode'] === undefined) spec['volumeMode'] = 'Filesystem';
  }

  override prepareForCreate(o: KubeObject, ctx: RequestContext): void {
    super.prepareForCreate(o, ctx);
    o['status'] = { phase: 'Pending' };
  }
}

/** Pod templates: a pod spec to validate under `template.spec`. */
export class PodTemplateStrategy extends BaseStrategy {
  constructor() {
    super({ namespaced: true });
  }

  override defaults(o: KubeObject): void {
    defaultPodTemplate(o['template']);
  }

  override validate(o: KubeObject, ctx: RequestContext): FieldError[] {
    return [...super.validate(o, ctx), ...validatePodSpec(obj(o['template'])['spec'], FieldPath.root('template').child('spec'), ctx.warnings)];
  }
}
