/**
 * @module Services (pkg/registry/core/service): defaults (type, session affinity, protocols,
 * target ports, traffic policies), validation (ports, names, types, external names, immutable
 * cluster IPs), and the store that allocates cluster IPs and node ports on create, adjusts them
 * when the type changes, and releases them on delete.
 */
import { cloneJson, isPlainObject, type KubeObject } from '../../../api/meta/object.js';
import { type FieldError, FieldPath, fieldErrors, invalidError } from '../../../api/validation/field-errors.js';
import { checkEnum, checkLabelMap, list, obj, str } from '../../../api/validation/helpers.js';
import { isDNS1123Label, isDNS1123Subdomain, isValidPortName, isValidPortNum, nameIsDNS1035Label } from '../../../api/validation/names.js';
import type { RequestContext } from '../rest/context.js';
import { BaseStrategy, type DeleteRequest } from '../rest/strategy.js';
import { generateName } from '../rest/meta.js';
import { type DeleteResult, Store, type StoreOptions, type UpdateResult, type WriteOptions } from '../generic/store.js';
import { AllocationError, type ClusterIpAllocator, type NodePortAllocator, isIp } from './allocators.js';

type Obj = Record<string, unknown>;
const TYPES = ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'];
const specOf = (o: KubeObject): Obj => (isPlainObject(o['spec']) ? o['spec'] : (o['spec'] = {}));
const usesNodePorts = (t: string) => t === 'NodePort' || t === 'LoadBalancer';

export class ServiceStrategy extends BaseStrategy {
  constructor() {
    super({ namespaced: true, hasStatus: true, nameValidator: nameIsDNS1035Label, returnDeletedObject: true,
      fieldLabels: { fields: ['metadata.name', 'metadata.namespace', 'spec.clusterIP', 'spec.type'], message: (l) => `field label not supported: ${l}` } });
  }

  override defaults(o: KubeObject): void {
    const spec = specOf(o);
    spec['type'] ??= 'ClusterIP';
    const type = str(spec['type']);
    spec['sessionAffinity'] ??= 'None';
    for (const p of list(spec['ports'])) {
      if (!isPlainObject(p)) continue;
      p['protocol'] ??= 'TCP';
      if (p['targetPort'] === undefined || p['targetPort'] === 0 || p['targetPort'] === '') p['targetPort'] = p['port'];
    }
    if (type !== 'ExternalName') spec['internalTrafficPolicy'] ??= 'Cluster';
    if (usesNodePorts(type)) spec['externalTrafficPolicy'] ??= 'Cluster';
    if (type === 'LoadBalancer') spec['allocateLoadBalancerNodePorts'] ??= true;
    if (typeof spec['clusterIP'] === 'string' && spec['clusterIP'] && spec['clusterIPs'] === undefined) spec['clusterIPs'] = [spec['clusterIP']];
  }

  override prepareForCreate(o: KubeObject, ctx: RequestContext): void {
    super.prepareForCreate(o, ctx);
    o['status'] = { loadBalancer: {} };
  }

  override validate(o: KubeObject, ctx: RequestContext): FieldError[] {
    const errs = super.validate(o, ctx);
    const spec = obj(o['spec']);
    const path = FieldPath.root('spec');
    const type = str(spec['type']);
    checkEnum(errs, path.child('type'), type, TYPES, true);
    checkEnum(errs, path.child('sessionAffinity'), spec['sessionAffinity'], ['ClientIP', 'None']);
    const headless = spec['clusterIP'] === 'None';
    const ports = list(spec['ports']);
    if (type === 'ExternalName') {
      const en = str(spec['externalName']);
      if (!en) errs.push(fieldErrors.required(path.child('externalName')));
      else for (const m of isDNS1123Subdomain(en.replace(/\.$/, ''))) errs.push(fieldErrors.invalid(path.child('externalName'), en, m));
    } else if (ports.length === 0 && !headless) {
      errs.push(fieldErrors.required(path.child('ports')));
    }
    const names = new Set<string>();
    const keys = new Set<string>();
    ports.forEach((raw, i) => {
      const p = obj(raw);
      const pp = path.child('ports').index(i);
      const name = str(p['name']);
      if (ports.length > 1 && !name) errs.push(fieldErrors.required(pp.child('name')));
      if (name) {
        for (const m of isDNS1123Label(name)) errs.push(fieldErrors.invalid(pp.child('name'), name, m));
        if (names.has(name)) errs.push(fieldErrors.duplicate(pp.child('name'), name));
        names.add(name);
      }
      const port = p['port'];
      if (port === undefined || port === 0) errs.push(fieldErrors.required(pp.child('port')));
      else for (const m of isValidPortNum(Number(port))) errs.push(fieldErrors.invalid(pp.child('port'), port, m));
      checkEnum(errs, pp.child('protocol'), p['protocol'], ['SCTP', 'TCP', 'UDP'], true);
      const tp = p['targetPort'];
      if (typeof tp === 'number') for (const m of isValidPortNum(tp)) errs.push(fieldErrors.invalid(pp.child('targetPort'), tp, m));
      else if (typeof tp === 'string') for (const m of isValidPortName(tp)) errs.push(fieldErrors.invalid(pp.child('targetPort'), tp, m));
      const key = `${String(port)}/${str(p['protocol'])}`;
      if (keys.has(key)) errs.push(fieldErrors.duplicate(pp, { port, protocol: p['protocol'] }));
      keys.add(key);
      if (p['nodePort'] !== undefined && p['nodePort'] !== 0 && !usesNodePorts(type)) {
        errs.push(fieldErrors.forbidden(pp.child('nodePort'), 'may not be used when `type` is \'ClusterIP\''));
      }
    });
    checkLabelMap(errs, path.child('selector'), spec['selector']);
    for (const ip of list(spec['clusterIPs'])) {
      if (ip !== 'None' && !isIp(str(ip))) errs.push(fieldErrors.invalid(path.child('clusterIPs').index(0), ip, 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'));
    }
    checkEnum(errs, path.child('externalTrafficPolicy'), spec['externalTrafficPolicy'], ['Cluster', 'Local']);
    checkEnum(errs, path.child('internalTrafficPolicy'), spec['internalTrafficPolicy'], ['Cluster', 'Local']);
    return errs;
  }

  override prepareForUpdate(next: KubeObject, prev: KubeObject, ctx: RequestContext): void {
    super.prepareForUpdate(next, prev, ctx);
    // Omitted cluster IPs keep their value (kubectl replace of an edited manifest often drops them).
    const ns = specOf(next);
    const ps = obj(prev['spec']);
    if ((ns['clusterIP'] === undefined || ns['clusterIP'] === '') && ps['clusterIP'] !== undefined && str(ns['type']) !== 'ExternalName') {
      ns['clusterIP'] = ps['clusterIP'];
      ns['clusterIPs'] = ps['clusterIPs'];
    }
    if (ns['clusterIPs'] === undefined && ps['clusterIPs'] !== undefined && ns['clusterIP'] === ps['clusterIP']) ns['clusterIPs'] = ps['clusterIPs'];
    for (const f of ['ipFamilies', 'ipFamilyPolicy'] as const) if (ns[f] === undefined && ps[f] !== undefined && str(ns['type']) !== 'ExternalName') ns[f] = ps[f];
  }

  override validateUpdate(next: KubeObject, prev: KubeObject, ctx: RequestContext): FieldError[] {
    const errs = [...super.validateUpdate(next, prev, ctx), ...this.validate(next, ctx)];
    const n = obj(next['spec']);
    const p = obj(prev['spec']);
    const typeChange = str(n['type']) === 'ExternalName' || str(p['type']) === 'ExternalName';
    if (!typeChange && str(p['clusterIP']) && str(n['clusterIP']) !== str(p['clusterIP'])) {
      errs.push(fieldErrors.invalid('spec.clusterIPs[0]', n['clusterIP'] ?? '', 'may not change once set'));
    }
    return errs;
  }

  override fields(o: KubeObject): Record<string, string> {
    const spec = obj(o['spec']);
    return { ...super.fields(o), 'spec.clusterIP': str(spec['clusterIP']), 'spec.type': str(spec['type']) };
  }
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
            errs.push(fieldErrors.invalid('spec.clusterIPs', [requested], e.message));
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
    for (const x of list(p['ports'])) {
      const port = Number(obj(x)['nodePort'] ?? 0);
      if (port && !keep.has(port)) await this.alloc.ports.release(port);
    }
  }

  override async create(ctx: RequestContext, o: KubeObject, opts: WriteOptions = {}): Promise<KubeObject> {
    if (!o.metadata.namespace) o.metadata.namespace = ctx.namespace;
    if (!o.metadata.name && o.metadata.generateName) o.metadata.name = generateName(o.metadata.generateName);
    // Validate first: no allocation for a service that is invalid anyway.
    const precheck = this.strategy.validate(cloneJson(o), ctx);
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
