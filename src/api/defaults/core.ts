/**
 * @module core/v1 defaulting besides pods (pkg/apis/core/v1/defaults.go): Services (type, session
 * affinity and its timeout, port protocols and target ports, traffic policies, load balancer node
 * ports), Endpoints ports, PersistentVolumes and claims (reclaim policy, volume mode), node status
 * allocatable, LimitRange container defaults, Secret type. Every function mutates its argument.
 */
import { isPlainObject } from '../meta/object.js';
import { setDefault } from './pod.js';

type Obj = Record<string, unknown>;
const specOf = (o: Obj): Obj => (isPlainObject(o['spec']) ? o['spec'] : (o['spec'] = {}));
const each = (v: unknown, fn: (o: Obj) => void) => {
  if (Array.isArray(v)) for (const x of v) if (isPlainObject(x)) fn(x);
};

export function defaultService(o: Obj): void {
  const s = specOf(o);
  setDefault(s, 'sessionAffinity', 'None');
  setDefault(s, 'type', 'ClusterIP');
  each(s['ports'], (p) => {
    setDefault(p, 'protocol', 'TCP');
    if (p['targetPort'] === undefined || p['targetPort'] === null || p['targetPort'] === 0 || p['targetPort'] === '') p['targetPort'] = p['port'];
  });
  const type = s['type'];
  const external = type === 'NodePort' || type === 'LoadBalancer' || (Array.isArray(s['externalIPs']) && s['externalIPs'].length > 0);
  if (external) setDefault(s, 'externalTrafficPolicy', 'Cluster');
  if (type !== 'ExternalName') setDefault(s, 'internalTrafficPolicy', 'Cluster');
  if (type === 'LoadBalancer') setDefault(s, 'allocateLoadBalancerNodePorts', true);
  const st = o['status'];
  const lb = isPlainObject(st) ? st['loadBalancer'] : undefined;
  // LoadBalancerIPMode (GA): an ingress IP without a mode is a VIP.
  if (isPlainObject(lb)) each(lb['ingress'], (ing) => { if (ing['ip'] && (ing['ipMode'] === undefined || ing['ipMode'] === null)) ing['ipMode'] = 'VIP'; });
  if (s['sessionAffinity'] === 'ClientIP') {
    const cfg = isPlainObject(s['sessionAffinityConfig']) ? s['sessionAffinityConfig'] : (s['sessionAffinityConfig'] = {});
    const cip = isPlainObject(cfg['clientIP']) ? cfg['clientIP'] : (cfg['clientIP'] = {});
    setDefault(cip, 'timeoutSeconds', 10800);
  }
}

export function defaultEndpoints(o: Obj): void {
  each(o['subsets'], (ss) => each(ss['ports'], (p) => setDefault(p, 'protocol', 'TCP')));
}

export function defaultPersistentVolume(o: Obj): void {
  const s = specOf(o);
  setDefault(s, 'persistentVolumeReclaimPolicy', 'Retain');
  setDefault(s, 'volumeMode', 'Filesystem');
  if (isPlainObject(s['hostPath'])) setDefault(s['hostPath'], 'type', '');
}

export function defaultPersistentVolumeClaim(o: Obj): void {
  setDefault(specOf(o), 'volumeMode', 'Filesystem');
}

/** Allocatable defaults to capacity (SetDefaults_NodeStatus). */
export function defaultNodeStatus(o: Obj): void {
  const st = o['status'];
  if (isPlainObject(st) && isPlainObject(st['capacity']) && st['allocatable'] === undefined) st['allocatable'] = { ...st['capacity'] };
}

/** Container limit ranges: default limits from max, default requests from defaults, then from min. */
export function defaultLimitRange(o: Obj): void {
  each(specOf(o)['limits'], (item) => {
    if (item['type'] !== 'Container') return;
    const def = isPlainObject(item['default']) ? item['default'] : {};
    const req = isPlainObject(item['defaultRequest']) ? item['defaultRequest'] : {};
    for (const [k, v] of Object.entries(isPlainObject(item['max']) ? item['max'] : {})) if (def[k] === undefined) def[k] = v;
    for (const [k, v] of Object.entries(def)) if (req[k] === undefined) req[k] = v;
    for (const [k, v] of Object.entries(isPlainObject(item['min']) ? item['min'] : {})) if (req[k] === undefined) req[k] = v;
    // Empty maps are omitted when encoded.
    if (Object.keys(def).length) item['default'] = def;
    if (Object.keys(req).length) item['defaultRequest'] = req;
  });
}

export function defaultSecret(o: Obj): void {
  if (!o['type']) o['type'] = 'Opaque';
}
