/**
 * @module What both endpoint controllers derive from a Service and its pods: the selected pods,
 * their readiness (ready, serving, terminating), and each service port resolved against a
 * pod's named container ports.
 */
import type { SharedInformer } from '../../client/informer.js';
import type { Pod, Service, ServicePort } from '../../client/kinds/core.js';
import { mapSelectorMatches } from '../../client/selector.js';
import { isPodReady } from '../common/pods.js';

/** A pod as an endpoint. */
export interface PodEndpoint {
  readonly pod: Pod;
  readonly ip: string;
  readonly ready: boolean;
  readonly serving: boolean;
  readonly terminating: boolean;
}

/** An endpoint port (service port name and protocol, the pod's number). */
export interface ResolvedPort {
  readonly name?: string;
  readonly port: number;
  readonly protocol: string;
  readonly appProtocol?: string;
}

/** Pods the service selects that have an IP and have not finished. */
export function selectedPods(svc: Service, pods: SharedInformer<Pod>): PodEndpoint[] {
  const sel = svc.spec?.selector;
  if (!sel || Object.keys(sel).length === 0) return [];
  const out: PodEndpoint[] = [];
  const publishNotReady = svc.spec?.publishNotReadyAddresses === true;
  for (const p of pods.store.byIndex('namespace', svc.metadata.namespace ?? '')) {
    if (!mapSelectorMatches(sel, p.metadata.labels)) continue;
    const ip = p.status?.podIP;
    const phase = p.status?.phase;
    if (!ip || phase === 'Succeeded' || phase === 'Failed') continue;
    const terminating = !!p.metadata.deletionTimestamp;
    // As the EndpointSlice controller: serving is the pod's readiness; publishNotReadyAddresses
    // makes every endpoint ready, terminating ones included.
    const serving = isPodReady(p);
    const ready = publishNotReady || (serving && !terminating);
    out.push({ pod: p, ip, serving, terminating, ready });
  }
  return out.sort((a, b) => (a.ip < b.ip ? -1 : a.ip > b.ip ? 1 : 0));
}

/** The service's ports as seen on one pod; a named targetPort the pod lacks drops that port. */
export function portsFor(svc: Service, pod: Pod): ResolvedPort[] {
  const out: ResolvedPort[] = [];
  for (const sp of svc.spec?.ports ?? []) {
    const n = targetPortNumber(sp, pod);
    if (n === undefined) continue;
    const rp: { name?: string; port: number; protocol: string; appProtocol?: string } = { port: n, protocol: sp.protocol ?? 'TCP' };
    if (sp.name !== undefined) rp.name = sp.name;
    if (sp.appProtocol !== undefined) rp.appProtocol = sp.appProtocol;
    out.push(rp);
  }
  return out;
}

function targetPortNumber(sp: ServicePort, pod: Pod): number | undefined {
  const t = sp.targetPort ?? sp.port;
  if (typeof t === 'number') return t;
  if (/^\d+$/.test(t)) return Number(t);
  for (const c of pod.spec?.containers ?? []) {
    for (const cp of c.ports ?? []) if (cp.name === t && (cp.protocol ?? 'TCP') === (sp.protocol ?? 'TCP')) return cp.containerPort;
  }
  return undefined;
}

/** Services in the pod's namespace whose selector matches the pod's labels (old or new). */
export function servicesFor(services: SharedInformer<Service>, pod: Pod, oldLabels?: Readonly<Record<string, string>>): Service[] {
  return services.store.byIndex('namespace', pod.metadata.namespace ?? '').filter((s) =>
    mapSelectorMatches(s.spec?.selector, pod.metadata.labels) || (oldLabels !== undefined && mapSelectorMatches(s.spec?.selector, oldLabels)));
}

export const isHeadless = (svc: Service): boolean => svc.spec?.clusterIP === 'None';
