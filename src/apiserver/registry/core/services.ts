/**
 * @module Services (pkg/registry/core/service): defaults (type, session affinity, protocols,
 * target ports, traffic policies), validation (ports, names, types, external names, immutable
 * cluster IPs), and the store that allocates cluster IPs and node ports on create, adjusts them
 * when the type changes, and releases them on delete.
 */
import { cloneJson, isPlainObject, type KubeObject } from '../../../api/meta/object.js';
import { defaultService } from '../../../api/defaults/core.js';
import { go } from '../../../api/validation/go-values.js';
import { type FieldError, FieldPath, fieldErrors, invalidError } from '../../../api/validation/field-errors.js';
import { list, obj, str } from '../../../api/validation/helpers.js';
import { nameIsDNS1035Label } from '../../../api/validation/names.js';
import { validateService, validateServiceStatus, validateServiceUpdate } from '../../../api/validation/service.js';
import type { RequestContext } from '../rest/context.js';
import { BaseStrategy, type DeleteRequest } from '../rest/strategy.js';
import { generateName } from '../rest/meta.js';
import { type DeleteResult, Store, type StoreOptions, type UpdateResult, type WriteOptions } from '../generic/store.js';
import { AllocationError, type ClusterIpAllocator, type NodePortAllocator, isIp } from './allocators.js';
import { jsonEqual } from '../../../api/meta/object.js';

type Obj = Record<string, unknown>;
const specOf = (o: KubeObject): Obj => (isPlainObject(o['spec']) ? o['spec'] : (o['spec'] = {}));
const usesNodePorts = (t: string) => t === 'NodePort' || t === 'LoadBalancer';
const needsHealthCheck = (s: Obj) => s['type'] === 'LoadBalancer' && s['externalTrafficPolicy'] === 'Local';

export class ServiceStrategy extends BaseStrategy {
  constructor() {
    super({ namespaced: true, hasStatus: true, nameValidator: nameIsDNS1035Label, returnDeletedObject: true,
      fieldLabels: { fields: ['metadata.name', 'metadata.namespace', 'spec.clusterIP', 'spec.type'], message: (l) => `field label not supported: ${l}` } });
  }

  protected override setDefaults(o: KubeObject): void {
    defaultService(o);
    const spec = specOf(o);
    // clusterIP and clusterIPs[0] describe the same address (the strategy's normalizeClusterIPs).
    const ips = list(spec['clusterIPs']);
    if (typeof spec['clusterIP'] === 'string' && spec['clusterIP'] && spec['clusterIPs'] === undefined) spec['clusterIPs'] = [spec['clusterIP']];
    else if (!str(spec['clusterIP']) && ips.length && typeof ips[0] === 'string') spec['clusterIP'] = ips[0];
  }

  override prepareForCreate(o: KubeObject, ctx: RequestContext): void {
    super.prepareForCreate(o, ctx);
    o['status'] = { loadBalancer: {} };
  }

  override validate(o: KubeObject, ctx: RequestContext): FieldError[] {
    return [...super.validate(o, ctx), ...validateService(o)];
  }

  override prepareForUpdate(next: KubeObject, prev: KubeObject, ctx: RequestContext): void {
    super.prepareForUpdate(next, prev, ctx);
    const ns = specOf(next);
    const ps = obj(prev['spec']);
    dropTypeDependentFields(next, ns, ps);
    // Omitted cluster IPs keep their value (kubectl replace of an edited manifest often drops them).
    if ((ns['clusterIP'] === undefined || ns['clusterIP'] === '') && ps['clusterIP'] !== undefined && str(ns['type']) !== 'ExternalName') {
      ns['clusterIP'] = ps['clusterIP'];
      ns['clusterIPs'] = ps['clusterIPs'];
    }
    if (ns['clusterIPs'] === undefined && ps['clusterIPs'] !== undefined && ns['clusterIP'] === ps['clusterIP']) ns['clusterIPs'] = ps['clusterIPs'];
    for (const f of ['ipFamilies', 'ipFamilyPolicy'] as const) if (ns[f] === undefined && ps[f] !== undefined && str(ns['type']) !== 'ExternalName') ns[f] = ps[f];
    if (needsHealthCheck(ns) && needsHealthCheck(ps) && !ns['healthCheckNodePort']) ns['healthCheckNodePort'] = ps['healthCheckNodePort'];
  }

  override validateUpdate(next: KubeObject, prev: KubeObject, ctx: RequestContext): FieldError[] {
    return [...super.validateUpdate(next, prev, ctx), ...validateServiceUpdate(next, prev)];
  }

  validateStatusUpdate(next: KubeObject): FieldError[] {
    return validateServiceStatus(next);
  }

  override fields(o: KubeObject): Record<string, string> {
    const spec = obj(o['spec']);
    return { ...super.fields(o), 'spec.clusterIP': str(spec['clusterIP']), 'spec.type': str(spec['type']) };
  }
}

const same = (a: unknown, b: unknown) => jsonEqual(a ?? null, b ?? null);
const externallyAccessible = (s: Obj) => usesNodePorts(str(s['type'])) || (s['type'] === 'ClusterIP' && list(s['externalIPs']).length > 0);

/**
 * A type change drops what the new type cannot use, when the user left it as it was
 * (the service strategy's dropTypeDependentFields): cluster IPs and families, node ports, the
 * health check port, load balancer fields and status, the external traffic policy.
 */
function dropTypeDependentFields(next: KubeObject, ns: Obj, ps: Obj): void {
  if (ps['type'] !== 'ExternalName' && ns['type'] === 'ExternalName') {
    if (same(ns['clusterIPs'], ps['clusterIPs']) && same(ns['clusterIP'], ps['clusterIP'])) {
      delete ns['clusterIP'];
      delete ns['clusterIPs'];
    }
    if (same(ns['ipFamilies'], ps['ipFamilies'])) delete ns['ipFamilies'];
    if (same(ns['ipFamilyPolicy'], ps['ipFamilyPolicy'])) delete ns['ipFamilyPolicy'];
  }
  if (usesNodePorts(str(ps['type'])) && !usesNodePorts(str(ns['type']))) {
    const np = (s: Obj) => list(s['ports']).map((p) => obj(p)['nodePort'] ?? 0);
    if (same(np(ns), np(ps))) for (const p of list(ns['ports'])) if (isPlainObject(p)) delete p['nodePort'];
    if (same(ns['healthCheckNodePort'], ps['healthCheckNodePort'])) delete ns['healthCheckNodePort'];
  }
  if (ps['type'] === 'LoadBalancer' && ns['type'] !== 'LoadBalancer') {
    if (ns['allocateLoadBalancerNodePorts'] !== undefined && same(ns['allocateLoadBalancerNodePorts'], ps['allocateLoadBalancerNodePorts'])) delete ns['allocateLoadBalancerNodePorts'];
    if (same(ns['loadBalancerClass'], ps['loadBalancerClass'])) delete ns['loadBalancerClass'];
    next['status'] = { ...obj(next['status']), loadBalancer: {} };
  }
  if (externallyAccessible(ps) && !externallyAccessible(ns) && same(ns['externalTrafficPolicy'], ps['externalTrafficPolicy'])) delete ns['externalTrafficPolicy'];
}

export interface ServiceAllocators {
  readonly ips: ClusterIpAllocator;
  readonly ports: NodePortAllocator;
}

/** The service store: allocation wrapped around the generic store. */
export class ServiceStore extends Store {
  constructor(o: StoreOptions, private readonly alloc: ServiceAllocators) {
    super(o);
  }

  /** Allocates what `spec` needs beyond what `prev` already holds; returns what to release on failure. */
  private async allocate(ctx: RequestContext, o: KubeObject, prev: KubeObject | undefined): Promise<Array<() => Promise<void>>> {
    const undo: Array<() => Promise<void>> = [];
    const spec = specOf(o);
    const pspec = prev ? obj(prev['spec']) : {};
    const owner = { namespace: o.metadata.namespace ?? ctx.namespace, name: o.metadata.name ?? '' };
    const type = str(spec['type']);
    const errs: FieldError[] = [];
    try {
      if (type === 'ExternalName') {
        delete spec['clusterIP'];
        delete spec['clusterIPs'];
        delete spec['ipFamilies'];
        delete spec['ipFamilyPolicy'];
      } else {
        const requested = str(spec['clusterIP']);
        const had = str(pspec['clusterIP']);
        if (requested === 'None') {
          spec['clusterIPs'] = ['None'];
        } else if (!requested || requested !== had) {
          try {
            let ip = requested;
            if (requested) await this.alloc.ips.allocate(requested, owner, ctx.dryRun);
            else ip = await this.alloc.ips.allocateNext(owner, ctx.dryRun);
            if (!ctx.dryRun) undo.push(() => this.alloc.ips.release(ip));
            spec['clusterIP'] = ip;
            spec['clusterIPs'] = [ip];
          } catch (e) {
            if (!(e instanceof AllocationError)) throw e;
            errs.push(fieldErrors.invalid('spec.clusterIPs', go.stringSlice([requested]), e.message));
          }
        }
        spec['ipFamilies'] ??= [this.alloc.ips.range.family];
        spec['ipFamilyPolicy'] ??= 'SingleStack';
      }
      const held = new Map(list(pspec['ports']).map((p) => [Number(obj(p)['nodePort'] ?? 0), true]));
      const wantPorts = usesNodePorts(type) && !(type === 'LoadBalancer' && spec['allocateLoadBalancerNodePorts'] === false);
      for (const [i, raw] of list(spec['ports']).entries()) {
        if (!isPlainObject(raw)) continue;
        const np = Number(raw['nodePort'] ?? 0);
        if (!wantPorts) {
          if (!usesNodePorts(type)) delete raw['nodePort'];
          continue;
        }
        if (np && held.has(np)) continue;
        try {
          const port = np ? (await this.alloc.ports.allocate(np, owner, ctx.dryRun), np) : await this.alloc.ports.allocateNext(owner, ctx.dryRun);
          if (!ctx.dryRun) undo.push(() => this.alloc.ports.release(port));
          raw['nodePort'] = port;
        } catch (e) {
          if (!(e instanceof AllocationError)) throw e;
          errs.push(fieldErrors.invalid(FieldPath.root('spec').child('ports').index(i).child('nodePort'), np, e.message));
        }
      }
      // LoadBalancer services with externalTrafficPolicy Local get a health check node port.
      const hc = typeof spec['healthCheckNodePort'] === 'number' ? spec['healthCheckNodePort'] : 0;
      if (needsHealthCheck(spec) && hc !== pspec['healthCheckNodePort']) {
        try {
          const port = hc ? (await this.alloc.ports.allocate(hc, owner, ctx.dryRun), hc) : await this.alloc.ports.allocateNext(owner, ctx.dryRun);
          if (!ctx.dryRun) undo.push(() => this.alloc.ports.release(port));
          spec['healthCheckNodePort'] = port;
        } catch (e) {
          if (!(e instanceof AllocationError)) throw e;
          errs.push(fieldErrors.invalid(FieldPath.root('spec').child('healthCheckNodePort'), hc, e.message));
        }
      } else if (!needsHealthCheck(spec) && pspec['healthCheckNodePort'] !== undefined && hc === pspec['healthCheckNodePort']) {
        delete spec['healthCheckNodePort'];
      }
      if (errs.length) throw invalidError('Service', '', o.metadata.name ?? '', errs);
      return undo;
    } catch (e) {
      for (const u of undo) await u();
      throw e;
    }
  }

  /** What `prev` holds that `next` no longer uses. */
  private async releaseUnused(next: KubeObject | undefined, prev: KubeObject): Promise<void> {
    const n = next ? obj(next['spec']) : {};
    const p = obj(prev['spec']);
    const ip = str(p['clusterIP']);
    if (ip && ip !== 'None' && str(n['clusterIP']) !== ip) await this.alloc.ips.release(ip);
    const keep = new Set(list(n['ports']).map((x) => Number(obj(x)['nodePort'] ?? 0)));
    keep.add(Number(n['healthCheckNodePort'] ?? 0));
    for (const port of [...list(p['ports']).map((x) => Number(obj(x)['nodePort'] ?? 0)), Number(p['healthCheckNodePort'] ?? 0)]) {
      if (port && !keep.has(port)) await this.alloc.ports.release(port);
    }
  }

  override async create(ctx: RequestContext, o: KubeObject, opts: WriteOptions = {}): Promise<KubeObject> {
    if (!o.metadata.namespace) o.metadata.namespace = ctx.namespace;
    if (!o.metadata.name && o.metadata.generateName) o.metadata.name = generateName(o.metadata.generateName);
    this.strategy.defaults(o);
    // Validate first: no allocation for a service that is invalid anyway (the health check port is allocated below).
    const precheck = this.strategy.validate(cloneJson(o), ctx).filter((e) => !(e.field === 'spec.healthCheckNodePort' && e.type === 'FieldValueRequired'));
    if (precheck.length) throw invalidError('Service', '', o.metadata.name ?? '', precheck);
    const undo = await this.allocate(ctx, o, undefined);
    try {
      return await super.create(ctx, o, opts);
    } catch (e) {
      for (const u of undo) await u();
      throw e;
    }
  }

  override async update(ctx: RequestContext, name: string, apply: (prev: KubeObject | undefined) => KubeObject | Promise<KubeObject>, opts: WriteOptions & { forceAllowCreate?: boolean } = {}): Promise<UpdateResult> {
    let undo: Array<() => Promise<void>> = [];
    let before: KubeObject | undefined;
    const main = !opts.strategy;
    try {
      const r = await super.update(ctx, name, async (prev) => {
        for (const u of undo) await u();
        undo = [];
        const next = await apply(prev);
        before = prev ? cloneJson(prev) : undefined;
        if (main && prev) {
          this.strategy.defaults(next);
          this.strategy.prepareForUpdate(next, prev, ctx);
          undo = await this.allocate(ctx, next, prev);
        }
        return next;
      }, opts);
      if (main && before && !ctx.dryRun) await this.releaseUnused(r.obj, before);
      return r;
    } catch (e) {
      for (const u of undo) await u();
      throw e;
    }
  }

  override async delete(ctx: RequestContext, name: string, req: DeleteRequest, opts: WriteOptions = {}): Promise<DeleteResult> {
    const r = await super.delete(ctx, name, req, opts);
    if (r.deleted && !ctx.dryRun && isPlainObject(r.body) && r.body['kind'] === 'Service') await this.releaseUnused(undefined, r.body as KubeObject);
    return r;
  }
}
