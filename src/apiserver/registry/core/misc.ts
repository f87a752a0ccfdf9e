/**
 * @module Strategies for the remaining core/v1 resources: events (1 h TTL, involvedObject field
 * selectors, upstream's legacy event rules), nodes (spec.unschedulable selector, taints, pod
 * CIDRs set once, status allocatable defaulting), endpoints, limit ranges and resource quotas
 * (defaults, quantities, frozen scopes, /status), service accounts.
 */
import { defaultEndpoints, defaultLimitRange, defaultNodeStatus } from '../../../api/defaults/core.js';
import type { KubeObject } from '../../../api/meta/object.js';
import { validateEndpoints, validateEvent, validateNode, validateNodeUpdate } from '../../../api/validation/core-objects.js';
import { validateLimitRange, validateResourceQuotaScopesUpdate, validateResourceQuotaSpec, validateResourceQuotaStatus } from '../../../api/validation/core-limits.js';
import type { FieldError } from '../../../api/validation/field-errors.js';
import { obj, str } from '../../../api/validation/helpers.js';
import type { RequestContext } from '../rest/context.js';
import { BaseStrategy } from '../rest/strategy.js';

const notSupported = (l: string) => `field label not supported: ${l}`;

/** The API server's own writes (bootstrap) may publish its loopback address in tests. */
export const isApiServer = (ctx: RequestContext): boolean => ctx.user?.name === 'system:apiserver';

export class EventStrategy extends BaseStrategy {
  constructor() {
    super({ namespaced: true, fieldLabels: {
      fields: ['metadata.name', 'metadata.namespace', 'involvedObject.kind', 'involvedObject.namespace', 'involvedObject.name', 'involvedObject.uid',
        'involvedObject.apiVersion', 'involvedObject.resourceVersion', 'involvedObject.fieldPath', 'reason', 'reportingComponent', 'source', 'type'],
      message: notSupported,
    } });
  }

  /** core/v1 events get only the legacy checks (no name format), as upstream keeps them for old clients. */
  override validate(o: KubeObject): FieldError[] {
    return validateEvent(o, false);
  }

  override validateUpdate(next: KubeObject, prev: KubeObject, ctx: RequestContext): FieldError[] {
    return [...super.validateUpdate(next, prev, ctx), ...validateEvent(next, false)];
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

  protected override setDefaults(o: KubeObject): void {
    defaultNodeStatus(o);
  }

  /** Nodes register with their status: it is kept on create (NodeStrategy.PrepareForCreate keeps it). */
  override prepareForCreate(o: KubeObject, ctx: RequestContext): void {
    const status = o['status'];
    super.prepareForCreate(o, ctx);
    if (status !== undefined) o['status'] = status;
  }

  override validate(o: KubeObject, ctx: RequestContext): FieldError[] {
    return [...super.validate(o, ctx), ...validateNode(o)];
  }

  override validateUpdate(next: KubeObject, prev: KubeObject, ctx: RequestContext): FieldError[] {
    return [...super.validateUpdate(next, prev, ctx), ...validateNodeUpdate(next, prev)];
  }

  validateStatusUpdate(next: KubeObject, prev: KubeObject): FieldError[] {
    defaultNodeStatus(next);
    return validateNodeUpdate(next, prev);
  }

  override fields(o: KubeObject): Record<string, string> {
    return { 'metadata.name': o.metadata.name ?? '', 'spec.unschedulable': obj(o['spec'])['unschedulable'] === true ? 'true' : 'false' };
  }
}

export class EndpointsStrategy extends BaseStrategy {
  constructor() {
    super({ namespaced: true });
  }
  protected override setDefaults(o: KubeObject): void { defaultEndpoints(o); }
  override validate(o: KubeObject, ctx: RequestContext): FieldError[] { return [...super.validate(o, ctx), ...validateEndpoints(o, isApiServer(ctx))]; }
  override validateUpdate(next: KubeObject, prev: KubeObject, ctx: RequestContext): FieldError[] {
    return [...super.validateUpdate(next, prev, ctx), ...validateEndpoints(next, isApiServer(ctx))];
  }
}

export class LimitRangeStrategy extends BaseStrategy {
  constructor() {
    super({ namespaced: true });
  }
  protected override setDefaults(o: KubeObject): void { defaultLimitRange(o); }
  override validate(o: KubeObject, ctx: RequestContext): FieldError[] { return [...super.validate(o, ctx), ...validateLimitRange(o)]; }
  override validateUpdate(next: KubeObject, prev: KubeObject, ctx: RequestContext): FieldError[] {
    return [...super.validateUpdate(next, prev, ctx), ...validateLimitRange(next)];
  }
}

export class ResourceQuotaStrategy extends BaseStrategy {
  constructor() {
    super({ namespaced: true, hasStatus: true, initialStatus: {} });
  }
  override validate(o: KubeObject, ctx: RequestContext): FieldError[] {
    return [...super.validate(o, ctx), ...validateResourceQuotaSpec(o['spec']), ...validateResourceQuotaStatus(o)];
  }
  override validateUpdate(next: KubeObject, prev: KubeObject, ctx: RequestContext): FieldError[] {
    return [...super.validateUpdate(next, prev, ctx), ...validateResourceQuotaSpec(next['spec']), ...validateResourceQuotaScopesUpdate(next, prev)];
  }
  validateStatusUpdate(next: KubeObject): FieldError[] {
    return validateResourceQuotaStatus(next);
  }
}

export class ServiceAccountStrategy extends BaseStrategy {
  constructor() {
    super({ namespaced: true });
  }
}
