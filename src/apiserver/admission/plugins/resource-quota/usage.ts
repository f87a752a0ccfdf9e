/**
 * @module What an object counts against a ResourceQuota (pkg/quota/v1/evaluator/core) as pure
 * functions: object counts (`pods`, `services`, `count/deployments.apps`, ...), pod compute
 * resources (`requests.cpu`, `limits.memory`, ...; terminal pods count nothing), service node
 * ports and load balancers, claim storage (per storage class too); the quota scopes a pod
 * matches; and the resources a pod must declare when a quota constrains them.
 */
import { arrayAt, getPath, isPlainObject, objectAt, stringAt, type KubeObject } from '../../../../api/meta/object.js';
import { Quantity } from '../../../../api/quantity.js';
import { addTo, containerRequirements, podContainers, podRequirements, type ResourceList } from '../resources.js';

/** The short names kube-apiserver counts core objects by. */
const LEGACY_COUNTS = new Set(['pods', 'services', 'replicationcontrollers', 'resourcequotas', 'secrets', 'configmaps', 'persistentvolumeclaims']);
const COMPUTE = ['cpu', 'memory', 'ephemeral-storage'];

export const countKey = (resource: string, group: string) => (group ? `count/${resource}.${group}` : `count/${resource}`);

function isTerminal(pod: KubeObject): boolean {
  const phase = getPath(pod, ['status', 'phase']);
  return phase === 'Succeeded' || phase === 'Failed';
}

function one(): Quantity {
  return new Quantity(1n, 0, 'DecimalSI');
}

/** Compute usage of a pod: requests.* (and the bare names), limits.*, extended and hugepages resources. */
export function podUsage(pod: KubeObject): ResourceList {
  const out: ResourceList = new Map();
  for (const [k, v] of podRequirements(pod, 'requests')) {
    out.set(`requests.${k}`, v);
    if (COMPUTE.includes(k)) out.set(k, v);
  }
  for (const [k, v] of podRequirements(pod, 'limits')) {
    if (COMPUTE.includes(k) || k.startsWith('hugepages-')) out.set(`limits.${k}`, v);
  }
  return out;
}

/** Everything `obj` (of `group`/`resource`) counts against quota. */
export function usageOf(group: string, resource: string, obj: KubeObject): ResourceList {
  const out: ResourceList = new Map();
  if (group === '' && resource === 'pods' && isTerminal(obj)) return out;
  out.set(countKey(resource, group), one());
  if (group === '' && LEGACY_COUNTS.has(resource)) out.set(resource, one());
  if (group === '' && resource === 'pods') addTo(out, podUsage(obj));
  if (group === '' && resource === 'services') {
    const type = stringAt(objectAt(obj, 'spec'), 'type');
    const ports = (arrayAt(objectAt(obj, 'spec'), 'ports') ?? []).length;
    if (type === 'LoadBalancer') out.set('services.loadbalancers', one());
    const nodePorts = type === 'NodePort' || (type === 'LoadBalancer' && getPath(obj, ['spec', 'allocateLoadBalancerNodePorts']) !== false);
    if (nodePorts && ports) out.set('services.nodeports', new Quantity(BigInt(ports), 0, 'DecimalSI'));
  }
  if (group === '' && resource === 'persistentvolumeclaims') {
    const raw = getPath(obj, ['spec', 'resources', 'requests', 'storage']);
    let storage: Quantity | undefined;
    try {
      storage = raw === undefined ? undefined : Quantity.from(raw);
    } catch {
      storage = undefined;
    }
    const cls = stringAt(objectAt(obj, 'spec'), 'storageClassName');
    if (storage) out.set('requests.storage', storage);
    if (cls) {
      out.set(`${cls}.storageclass.storage.k8s.io/persistentvolumeclaims`, one());
      if (storage) out.set(`${cls}.storageclass.storage.k8s.io/requests.storage`, storage);
    }
  }
  return out;
}

/** True when a pod has no requests or limits at all (BestEffort QoS). */
function bestEffort(pod: KubeObject): boolean {
  const { init, main } = podContainers(objectAt(pod, 'spec'));
  return [...init, ...main].every((c) => {
    const r = containerRequirements(c);
    return r.requests.size === 0 && r.limits.size === 0;
  });
}

/** Whether a quota's scopes (and scopeSelector) select `obj`. Scoped quotas only select pods. */
export function quotaSelects(quota: KubeObject, group: string, resource: string, obj: KubeObject): boolean {
  const spec = objectAt(quota, 'spec') ?? {};
  const scopes = (arrayAt(spec, 'scopes') ?? []).map(String);
  const selector = (arrayAt(objectAt(spec, 'scopeSelector'), 'matchExpressions') ?? []).filter(isPlainObject);
  if (!scopes.length && !selector.length) return true;
  if (group !== '' || resource !== 'pods') return false;
  const podSpec = objectAt(obj, 'spec') ?? {};
  const matches = (scope: string, op = 'Exists', values: string[] = []): boolean => {
    switch (scope) {
      case 'Terminating': return podSpec['activeDeadlineSeconds'] !== undefined && podSpec['activeDeadlineSeconds'] !== null;
      case 'NotTerminating': return podSpec['activeDeadlineSeconds'] === undefined || podSpec['activeDeadlineSeconds'] === null;
      case 'BestEffort': return bestEffort(obj);
      case 'NotBestEffort': return !bestEffort(obj);
      case 'PriorityClass': {
        const pc = typeof podSpec['priorityClassName'] === 'string' ? podSpec['priorityClassName'] : '';
        if (op === 'Exists') return pc !== '';
        if (op === 'DoesNotExist') return pc === '';
        if (op === 'In') return values.includes(pc);
        if (op === 'NotIn') return !values.includes(pc);
        return false;
      }
      default: return false;
    }
  };
  return scopes.every((s) => matches(s)) && selector.every((e) => matches(String(e['scopeName']), String(e['operator'] ?? 'Exists'), (arrayAt(e, 'values') ?? []).map(String)));
}

/**
 * The compute resources a pod must declare in every container because a quota constrains them:
 * "limits.cpu for: app; requests.memory for: app, sidecar" (empty when it declares them all).
 */
export function missingDeclarations(pod: KubeObject, constrained: readonly string[]): string {
  const { init, main } = podContainers(objectAt(pod, 'spec'));
  const parts: string[] = [];
  for (const key of [...constrained].sort()) {
    const [kind, res] = key.startsWith('requests.') ? ['requests', key.slice(9)] : key.startsWith('limits.') ? ['limits', key.slice(7)] : COMPUTE.includes(key) ? ['requests', key] : [undefined, key];
    if (!kind || !res || !COMPUTE.includes(res)) continue;
    const missing = [...init, ...main].filter((c) => {
      const r = containerRequirements(c);
      // A limit stands in for a missing request (the API defaults one from the other).
      return kind === 'requests' ? !r.requests.has(res) && !r.limits.has(res) : !r.limits.has(res);
    }).map((c) => String(c['name']));
    if (missing.length) parts.push(`${key} for: ${missing.join(', ')}`);
  }
  return parts.join('; ');
}

/** Which resources a quota counting `keys` must list (by group/resource), for usage computation. */
export function resourcesFor(keys: readonly string[]): { group: string; resource: string }[] {
  const out = new Map<string, { group: string; resource: string }>();
  const add = (group: string, resource: string) => out.set(`${group}/${resource}`, { group, resource });
  for (const k of keys) {
    if (k.startsWith('count/')) {
      const rest = k.slice(6);
      const dot = rest.indexOf('.');
      if (dot < 0) add('', rest);
      else add(rest.slice(dot + 1), rest.slice(0, dot));
    } else if (LEGACY_COUNTS.has(k)) add('', k);
    else if (k.startsWith('services.')) add('', 'services');
    else if (k === 'requests.storage' || k.includes('.storageclass.storage.k8s.io/')) add('', 'persistentvolumeclaims');
    else add('', 'pods');
  }
  return [...out.values()];
}

/** `cpu=1,pods=2` for the given keys of a list (sorted). */
export function formatList(list: ResourceList, keys: readonly string[]): string {
  return [...keys].sort().map((k) => `${k}=${(list.get(k) ?? new Quantity(0n, 0, 'DecimalSI')).toString()}`).join(',');
}
