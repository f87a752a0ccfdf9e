/**
 * @module Validation of namespaces (spec finalizers, status phase), nodes (taints, pod CIDRs,
 * resource quantities, the update rules), Endpoints (addresses and ports) and core/v1 and
 * events.k8s.io events (pkg/apis/core/validation), with upstream's field paths, quirks included.
 */
import { type FieldError, FieldPath, fieldErrors } from './field-errors.js';
import { go } from './go-values.js';
import { checkEnum, list, obj, str } from './helpers.js';
import { validateLabelName } from './label-selector.js';
import { ipFamily, isDNS1123Label, isDNS1123Subdomain, isQualifiedName, isValidCIDR, isValidIP, isValidLabelValue, isValidPortNum } from './names.js';
import { validateKubeFinalizerName } from './object-meta.js';
import { validateResourceQuantity } from './resources.js';
import { validateTaintEffect } from './scheduling.js';
import { validateNonSpecialIP } from './service.js';
import { PROTOCOLS } from './container.js';

type Obj = Record<string, unknown>;

/** spec.finalizers of a namespace (reported on the list's path, as upstream does on create). */
export function validateNamespaceFinalizers(ns: Obj, indexed: boolean): FieldError[] {
  const errs: FieldError[] = [];
  const path = FieldPath.root('spec').child('finalizers');
  list(obj(ns['spec'])['finalizers']).forEach((f, i) => {
    const p = indexed ? path.index(i) : path;
    for (const m of isQualifiedName(str(f))) errs.push(fieldErrors.invalid(p, str(f), m));
    validateKubeFinalizerName(errs, str(f), p);
  });
  return errs;
}

export function validateNamespaceStatus(ns: Obj): FieldError[] {
  const phase = str(obj(ns['status'])['phase']);
  const deleting = Boolean(obj(ns['metadata'])['deletionTimestamp']);
  const p = FieldPath.root('status').child('Phase');
  if (!deleting && phase !== 'Active') return [fieldErrors.invalid(p, phase, "may only be 'Active' if `deletionTimestamp` is empty")];
  if (deleting && phase !== 'Terminating') return [fieldErrors.invalid(p, phase, "may only be 'Terminating' if `deletionTimestamp` is not empty")];
  return [];
}

const taintValue = (t: Obj) => go.raw(`core.Taint{Key:${JSON.stringify(str(t['key']))}, Value:${JSON.stringify(str(t['value']))}, Effect:${JSON.stringify(str(t['effect']))}, TimeAdded:<nil>}`);

/** Node taints: label keys and values, a known effect, unique by key and effect. */
export function validateTaints(errs: FieldError[], taints: unknown, path: FieldPath): void {
  const seen = new Set<string>();
  list(taints).map(obj).forEach((t, i) => {
    const p = path.index(i);
    validateLabelName(errs, str(t['key']), p.child('key'));
    const vm = isValidLabelValue(str(t['value']));
    if (vm.length) errs.push(fieldErrors.invalid(p.child('value'), str(t['value']), vm.join(';')));
    validateTaintEffect(errs, t['effect'], false, p.child('effect'));
    const key = `${str(t['effect'])}\u0000${str(t['key'])}`;
    if (seen.has(key)) errs.push(fieldErrors.duplicate(p, taintValue(t), 'taints must be unique by key and effect pair'));
    seen.add(key);
  });
}

function validateNodeResources(errs: FieldError[], node: Obj): void {
  for (const which of ['capacity', 'allocatable'] as const) {
    for (const [k, v] of Object.entries(obj(obj(node['status'])[which]))) validateResourceQuantity(errs, k, v, FieldPath.root('status').child(which, k));
  }
}

export function validateNode(node: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const spec = obj(node['spec']);
  // Upstream reports spec.taints under metadata.
  validateTaints(errs, spec['taints'], FieldPath.root('metadata').child('taints'));
  validateNodeResources(errs, node);
  const cidrs = list(spec['podCIDRs']).map(str);
  const cp = FieldPath.root('spec').child('podCIDRs');
  cidrs.forEach((c, i) => { for (const m of isValidCIDR(c)) errs.push(fieldErrors.invalid(cp.index(i), c, m)); });
  if (cidrs.length > 1) {
    const fams = cidrs.map((c) => ipFamily(c.slice(0, c.indexOf('/'))));
    if (cidrs.length > 2 || fams[0] === fams[1]) errs.push(fieldErrors.invalid(cp, go.stringSlice(cidrs), 'may specify no more than one CIDR for each IP family'));
    const seen = new Set<string>();
    cidrs.forEach((c, i) => {
      if (seen.has(c)) errs.push(fieldErrors.duplicate(cp.index(i), c));
      seen.add(c);
    });
  }
  return errs;
}

export function validateNodeUpdate(next: Obj, prev: Obj): FieldError[] {
  const errs: FieldError[] = [];
  validateNodeResources(errs, next);
  const seen = new Set<string>();
  list(obj(next['status'])['addresses']).forEach((a, i) => {
    const key = JSON.stringify([str(obj(a)['type']), str(obj(a)['address'])]);
    if (seen.has(key)) errs.push(fieldErrors.duplicate(FieldPath.root('status').child('addresses').index(i), go.raw(`core.NodeAddress{Type:${JSON.stringify(str(obj(a)['type']))}, Address:${JSON.stringify(str(obj(a)['address']))}}`)));
    seen.add(key);
  });
  const ns = obj(next['spec']);
  const ps = obj(prev['spec']);
  const pc = list(ps['podCIDRs']).map(str);
  const nc = list(ns['podCIDRs']).map(str);
  const cidrMsg = 'node updates may not change podCIDR except from "" to valid';
  if (pc.length && (pc.length !== nc.length)) errs.push(fieldErrors.forbidden(FieldPath.root('spec').child('podCIDRs'), cidrMsg));
  else if (pc.length) pc.forEach((c, i) => { if (c !== nc[i]) errs.push(fieldErrors.forbidden(FieldPath.root('spec').child('podCIDRs'), cidrMsg)); });
  if (str(ps['providerID']) && str(ps['providerID']) !== str(ns['providerID'])) {
    errs.push(fieldErrors.forbidden(FieldPath.root('spec').child('providerID'), 'node updates may not change providerID except from "" to valid'));
  }
  validateTaints(errs, ns['taints'], FieldPath.root('metadata').child('taints'));
  if (str(ns['externalID']) !== str(ps['externalID'])) errs.push(fieldErrors.forbidden(FieldPath.root('spec').child('externalID'), 'may not be updated'));
  return errs;
}

function validateEndpointAddress(errs: FieldError[], raw: unknown, path: FieldPath, allowSpecial: boolean): void {
  const a = obj(raw);
  const ip = str(a['ip']);
  for (const m of isValidIP(ip)) errs.push(fieldErrors.invalid(path.child('ip'), ip, m));
  const host = str(a['hostname']);
  if (host) for (const m of isDNS1123Label(host)) errs.push(fieldErrors.invalid(path.child('hostname'), host, m));
  if (typeof a['nodeName'] === 'string') for (const m of isDNS1123Subdomain(a['nodeName'])) errs.push(fieldErrors.invalid(path.child('nodeName'), a['nodeName'], m));
  if (!allowSpecial) validateNonSpecialIP(errs, ip, path.child('ip'));
}

/** An Endpoints port (also used for EndpointSlices' ports by the discovery validator). */
export function validateEndpointPort(errs: FieldError[], raw: unknown, path: FieldPath, requireName: boolean): void {
  const p = obj(raw);
  const name = str(p['name']);
  if (requireName && !name) errs.push(fieldErrors.required(path.child('name')));
  else if (name) for (const m of isDNS1123Label(name)) errs.push(fieldErrors.invalid(path.child('name'), name, m));
  const port = typeof p['port'] === 'number' ? p['port'] : 0;
  for (const m of isValidPortNum(port)) errs.push(fieldErrors.invalid(path.child('port'), port, m));
  checkEnum(errs, path.child('protocol'), p['protocol'], PROTOCOLS, true);
  if (typeof p['appProtocol'] === 'string') for (const m of isQualifiedName(p['appProtocol'])) errs.push(fieldErrors.invalid(path.child('appProtocol'), p['appProtocol'], m));
}

/**
 * Endpoints subsets. `allowSpecialIPs` lets the API server's own bootstrap publish a loopback
 * address (tests bind 127.0.0.1; upstream refuses loopback advertise addresses outright).
 */
export function validateEndpoints(ep: Obj, allowSpecialIPs = false): FieldError[] {
  const errs: FieldError[] = [];
  list(ep['subsets']).map(obj).forEach((ss, i) => {
    const p = FieldPath.root('subsets').index(i);
    const addrs = list(ss['addresses']);
    const notReady = list(ss['notReadyAddresses']);
    if (addrs.length === 0 && notReady.length === 0) errs.push(fieldErrors.required(p, 'must specify `addresses` or `notReadyAddresses`'));
    addrs.forEach((a, j) => validateEndpointAddress(errs, a, p.child('addresses').index(j), allowSpecialIPs));
    notReady.forEach((a, j) => validateEndpointAddress(errs, a, p.child('notReadyAddresses').index(j), allowSpecialIPs));
    const ports = list(ss['ports']);
    ports.forEach((pt, j) => validateEndpointPort(errs, pt, p.child('ports').index(j), ports.length > 1));
  });
  return errs;
}

const LIMIT = { reportingInstance: 128, action: 128, reason: 128, message: 1024 } as const;

/**
 * A core/v1 Event (the legacy rules; `strict` adds the events.k8s.io/v1 ones). Fields are named
 * as upstream's internal Event names them (note is `message`, regarding is `involvedObject`).
 */
export function validateEvent(ev: Obj, strict: boolean): FieldError[] {
  const errs: FieldError[] = [];
  const ns = str(obj(ev['metadata'])['namespace']);
  const ioNs = str(obj(ev['involvedObject'])['namespace']);
  const ioPath = FieldPath.root('involvedObject').child('namespace');
  const reportingField = strict ? 'reportingController' : 'reportingComponent';
  if (!ev['eventTime']) {
    if (!ioNs ? ns !== '' && ns !== 'default' : ns !== ioNs) errs.push(fieldErrors.invalid(ioPath, ioNs, 'does not match event.namespace'));
  } else {
    if (!ioNs && ns !== 'default' && ns !== 'kube-system') errs.push(fieldErrors.invalid(ioPath, ioNs, 'does not match event.namespace'));
    const rc = str(ev['reportingComponent']);
    if (!rc) errs.push(fieldErrors.required(FieldPath.root(reportingField)));
    for (const m of isQualifiedName(rc)) errs.push(fieldErrors.invalid(FieldPath.root(reportingField), rc, m));
    for (const f of ['reportingInstance', 'action', 'reason'] as const) {
      const v = str(ev[f]);
      if (!v) errs.push(fieldErrors.required(FieldPath.root(f)));
      if (v.length > LIMIT[f]) errs.push(fieldErrors.invalid(FieldPath.root(f), '', `can have at most ${LIMIT[f]} characters`));
    }
    if (str(ev['message']).length > LIMIT.message) errs.push(fieldErrors.invalid(FieldPath.root('message'), '', `can have at most ${LIMIT.message} characters`));
  }
  for (const m of isDNS1123Subdomain(ns)) errs.push(fieldErrors.invalid(FieldPath.root('namespace'), ns, m));
  if (!strict) return errs;
  if (!ev['eventTime']) errs.push(fieldErrors.required(FieldPath.root('eventTime')));
  const type = str(ev['type']);
  if (type !== 'Normal' && type !== 'Warning') errs.push(fieldErrors.invalid(FieldPath.root('type'), '', `has invalid value: ${type}`));
  if (ev['firstTimestamp']) errs.push(fieldErrors.invalid(FieldPath.root('firstTimestamp'), '', 'needs to be unset'));
  if (ev['lastTimestamp']) errs.push(fieldErrors.invalid(FieldPath.root('lastTimestamp'), '', 'needs to be unset'));
  if (typeof ev['count'] === 'number' && ev['count'] !== 0) errs.push(fieldErrors.invalid(FieldPath.root('count'), '', 'needs to be unset'));
  if (str(obj(ev['source'])['component']) || str(obj(ev['source'])['host'])) errs.push(fieldErrors.invalid(FieldPath.root('source'), '', 'needs to be unset'));
  return errs;
}
