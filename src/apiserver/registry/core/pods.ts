/**
 * @module The pod strategy (pkg/registry/core/pod/strategy.go): Pod defaults (SetDefaults_Pod on
 * top of the PodSpec ones), status Pending with a QoS class on create, full validation
 * (api/validation/pod.ts), warnings, the update and /status rules, graceful deletion (the
 * termination grace period, immediate for unscheduled or finished pods) and the field selectors
 * kubelets and kubectl use (spec.nodeName, status.phase, ...).
 */
import { defaultPod } from '../../../api/defaults/pod.js';
import type { FieldSet } from '../../../api/fields/selector.js';
import { getPath, isPlainObject, type KubeObject } from '../../../api/meta/object.js';
import { FieldPath } from '../../../api/validation/field-errors.js';
import type { FieldError } from '../../../api/validation/field-errors.js';
import { list, obj, str } from '../../../api/validation/helpers.js';
import { validatePodCreate, validatePodStatusUpdate, validatePodUpdate } from '../../../api/validation/pod.js';
import { podSpecWarnings } from '../../../api/validation/pod-warnings.js';
import type { RequestContext } from '../rest/context.js';
import { BaseStrategy, type DeleteRequest } from '../rest/strategy.js';

export const POD_FIELD_LABELS = {
  fields: ['metadata.name', 'metadata.namespace', 'spec.nodeName', 'spec.restartPolicy', 'spec.schedulerName', 'spec.serviceAccountName',
    'spec.hostNetwork', 'status.phase', 'status.podIP', 'status.podIPs', 'status.nominatedNodeName'],
  aliases: { 'spec.host': 'spec.nodeName' },
  message: (label: string) => `field label not supported: ${label}`,
};

/** Guaranteed, Burstable or BestEffort, from the containers' requests and limits. */
export function qosClass(spec: unknown): string {
  const containers = [...list(obj(spec)['containers']), ...list(obj(spec)['initContainers'])];
  let any = false;
  let guaranteed = containers.length > 0;
  for (const c of containers) {
    const res = obj(obj(c)['resources']);
    const limits = obj(res['limits']);
    const requests = { ...limits, ...obj(res['requests']) };
    for (const k of ['cpu', 'memory']) {
      if (requests[k] !== undefined || limits[k] !== undefined) any = true;
      if (limits[k] === undefined || String(requests[k]) !== String(limits[k])) guaranteed = false;
    }
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

const SPEC = FieldPath.root('spec');

export class PodStrategy extends BaseStrategy {
  constructor() {
    super({ namespaced: true, hasStatus: true, returnDeletedObject: true, fieldLabels: POD_FIELD_LABELS });
  }

  protected override setDefaults(o: KubeObject): void {
    defaultPod(o);
  }

  override prepareForCreate(o: KubeObject, ctx: RequestContext): void {
    super.prepareForCreate(o, ctx);
    o['status'] = { phase: 'Pending', qosClass: qosClass(o['spec']) };
  }

  override validate(o: KubeObject, ctx: RequestContext): FieldError[] {
    return [...super.validate(o, ctx), ...validatePodCreate(o)];
  }

  override warningsOnCreate(o: KubeObject): string[] {
    const out: string[] = [];
    podSpecWarnings(out, o['spec'], SPEC);
    return out;
  }

  override validateUpdate(next: KubeObject, prev: KubeObject, ctx: RequestContext): FieldError[] {
    return [...super.validateUpdate(next, prev, ctx), ...validatePodUpdate(next, prev)];
  }

  override warningsOnUpdate(next: KubeObject): string[] {
    const out: string[] = [];
    podSpecWarnings(out, next['spec'], SPEC);
    return out;
  }

  validateStatusUpdate(next: KubeObject, prev: KubeObject): FieldError[] {
    return validatePodStatusUpdate(next, prev);
  }

  override fields(o: KubeObject): FieldSet {
    const spec = obj(o['spec']);
    const status = obj(o['status']);
    const ips = list(status['podIPs']).map((p) => str(obj(p)['ip'])).filter(Boolean);
    return {
      'metadata.name': o.metadata.name ?? '', 'metadata.namespace': o.metadata.namespace ?? '',
      'spec.nodeName': str(spec['nodeName']), 'spec.restartPolicy': str(spec['restartPolicy']), 'spec.schedulerName': str(spec['schedulerName']),
      'spec.serviceAccountName': str(spec['serviceAccountName']), 'spec.hostNetwork': spec['hostNetwork'] === true ? 'true' : 'false',
      'status.phase': str(status['phase']), 'status.podIP': ips[0] ?? str(status['podIP']), 'status.podIPs': ips.join(','),
      'status.nominatedNodeName': str(status['nominatedNodeName']),
    };
  }

  gracePeriod(o: KubeObject, req: DeleteRequest): number | undefined {
    const spec = obj(o['spec']);
    let period = req.gracePeriodSeconds ?? (typeof spec['terminationGracePeriodSeconds'] === 'number' ? spec['terminationGracePeriodSeconds'] : 30);
    // Nothing runs an unscheduled or finished pod: it goes away at once (CheckGracefulDelete).
    if (!str(spec['nodeName'])) period = 0;
    const phase = getPath(o, ['status', 'phase']);
    if (phase === 'Failed' || phase === 'Succeeded') period = 0;
    return period;
  }
}

/** The pod status strategy keeps the spec and owner references; labels and annotations may change. */
export function preparePodStatusUpdate(next: KubeObject, prev: KubeObject): void {
  next['spec'] = prev['spec'];
  if (prev.metadata.ownerReferences) next.metadata.ownerReferences = prev.metadata.ownerReferences;
  else delete next.metadata.ownerReferences;
  if (isPlainObject(next['status']) && next['status']['qosClass'] === undefined) next['status']['qosClass'] = getPath(prev, ['status', 'qosClass']);
}
