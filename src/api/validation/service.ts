/**
 * @module Service validation (pkg/apis/core/validation ValidateService, ValidateServiceUpdate,
 * ValidateServiceStatusUpdate): ports (names required when several, unique; port numbers;
 * protocols; target ports), types and what each allows (node ports, cluster IPs, external names,
 * load balancer fields), session affinity, cluster IPs and IP families (forms, dual stack,
 * immutability), traffic policies, and the load balancer status.
 */
import { type FieldError, FieldPath, fieldErrors } from './field-errors.js';
import { go } from './go-values.js';
import { checkEnum, list, obj, str } from './helpers.js';
import { validateLabelMap } from './label-selector.js';
import { ipFamily, isDNS1123Label, isDNS1123Subdomain, isQualifiedName, isValidCIDR, isValidIP, isValidPortName, isValidPortNum } from './names.js';
import { PROTOCOLS } from './container.js';

type Obj = Record<string, unknown>;
const SPEC = FieldPath.root('spec');
const TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const set = (v: unknown): boolean => v !== undefined && v !== null;
const isHeadless = (s: Obj) => list(s['clusterIPs']).length === 1 && list(s['clusterIPs'])[0] === 'None';
const externallyAccessible = (s: Obj) => s['type'] === 'LoadBalancer' || s['type'] === 'NodePort' || (s['type'] === 'ClusterIP' && list(s['externalIPs']).length > 0);
const needsHealthCheck = (s: Obj) => s['type'] === 'LoadBalancer' && s['externalTrafficPolicy'] === 'Local';

/** Go's %#v of the (protocol, port) key a duplicate service port is reported with. */
const portKey = (protocol: string, port: number) => go.raw(`core.ServicePort{Name:"", Protocol:${JSON.stringify(protocol)}, AppProtocol:(*string)(nil), Port:${port}, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}`);

/** Addresses Endpoints, EndpointSlices and external IPs may not use. */
export function validateNonSpecialIP(errs: FieldError[], ip: string, path: FieldPath): void {
  const fam = ipFamily(ip);
  if (!fam) return void errs.push(fieldErrors.invalid(path, ip, 'must be a valid IP address'));
  const lower = ip.toLowerCase();
  const v4 = fam === 4 ? ip.split('.').map(Number) : undefined;
  if (v4 ? v4.every((x) => x === 0) : /^[0:]+$/.test(lower)) errs.push(fieldErrors.invalid(path, ip, `may not be unspecified (${ip})`));
  if (v4 ? v4[0] === 127 : lower === '::1' || /^(0+:){7}0*1$/.test(lower)) errs.push(fieldErrors.invalid(path, ip, 'may not be in the loopback range (127.0.0.0/8, ::1/128)'));
  if (v4 ? v4[0] === 169 && v4[1] === 254 : /^fe[89ab]/.test(lower)) errs.push(fieldErrors.invalid(path, ip, 'may not be in the link-local range (169.254.0.0/16, fe80::/10)'));
  if (v4 ? v4[0] === 224 && v4[1] === 0 && v4[2] === 0 : /^ff02:/.test(lower)) errs.push(fieldErrors.invalid(path, ip, 'may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)'));
}

function validatePort(errs: FieldError[], p: Obj, path: FieldPath, requireName: boolean, names: Set<string>): void {
  const name = str(p['name']);
  if (requireName && !name) errs.push(fieldErrors.required(path.child('name')));
  else if (name) {
    for (const m of isDNS1123Label(name)) errs.push(fieldErrors.invalid(path.child('name'), name, m));
    if (names.has(name)) errs.push(fieldErrors.duplicate(path.child('name'), name));
    else names.add(name);
  }
  const port = typeof p['port'] === 'number' ? p['port'] : 0;
  for (const m of isValidPortNum(port)) errs.push(fieldErrors.invalid(path.child('port'), port, m));
  checkEnum(errs, path.child('protocol'), p['protocol'], PROTOCOLS, true);
  const tp = p['targetPort'];
  if (typeof tp === 'string') for (const m of isValidPortName(tp)) errs.push(fieldErrors.invalid(path.child('targetPort'), tp, m));
  else {
    const n = typeof tp === 'number' ? tp : 0;
    for (const m of isValidPortNum(n)) errs.push(fieldErrors.invalid(path.child('targetPort'), n, m));
  }
  if (typeof p['appProtocol'] === 'string') for (const m of isQualifiedName(p['appProtocol'])) errs.push(fieldErrors.invalid(path.child('appProtocol'), p['appProtocol'], m));
}

function validateClusterIPs(errs: FieldError[], s: Obj): void {
  if (s['type'] === 'ExternalName') return;
  const cip = str(s['clusterIP']);
  const ips = list(s['clusterIPs']).map(str);
  const path = SPEC.child('clusterIPs');
  if (cip) {
    if (ips.length === 0) errs.push(fieldErrors.required(path));
    else if (ips[0] !== cip) errs.push(fieldErrors.invalid(path, go.stringSlice(ips), 'first value must match `clusterIP`'));
  } else if (ips.length) errs.push(fieldErrors.invalid(path, go.stringSlice(ips), 'must be empty when `clusterIP` is not specified'));
  const fams = list(s['ipFamilies']).map(str);
  const seen = new Set<string>();
  fams.forEach((f, i) => {
    if (f !== 'IPv4' && f !== 'IPv6') errs.push(fieldErrors.notSupported(SPEC.child('ipFamilies').index(i), f, ['IPv4', 'IPv6']));
    if (seen.has(f)) errs.push(fieldErrors.duplicate(SPEC.child('ipFamilies').index(i), f));
    seen.add(f);
  });
  if (set(s['ipFamilyPolicy'])) checkEnum(errs, SPEC.child('ipFamilyPolicy'), s['ipFamilyPolicy'], ['PreferDualStack', 'RequireDualStack', 'SingleStack'], true);
  let bad = false;
  ips.forEach((ip, i) => {
    if (i === 0 && ip === 'None') {
      if (ips.length > 1) {
        bad = true;
        errs.push(fieldErrors.invalid(path, go.stringSlice(ips), "'None' must be the first and only value"));
      }
      return;
    }
    const msgs = isValidIP(ip);
    if (msgs.length) bad = true;
    for (const m of msgs) errs.push(fieldErrors.invalid(path.index(i), ip, m));
  });
  if (ips.length > 2) errs.push(fieldErrors.invalid(path, go.stringSlice(ips), 'may only hold up to 2 values'));
  if (bad) return;
  if (ips.length > 1 && ipFamily(ips[0] ?? '') === ipFamily(ips[1] ?? '')) errs.push(fieldErrors.invalid(path, go.stringSlice(ips), 'may specify no more than one IP for each IP family'));
  if (!isHeadless(s)) {
    ips.forEach((ip, i) => {
      const f = fams[i];
      if (f === 'IPv4' && ipFamily(ip) === 6) errs.push(fieldErrors.invalid(path.index(i), ip, `expected an IPv4 value as indicated by \`ipFamilies[${i}]\``));
      if (f === 'IPv6' && ipFamily(ip) !== 6) errs.push(fieldErrors.invalid(path.index(i), ip, `expected an IPv6 value as indicated by \`ipFamilies[${i}]\``));
    });
  }
}

/** A Service (metadata is checked by the strategy). */
export function validateService(svc: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const s = obj(svc['spec']);
  const type = str(s['type']);
  const ports = list(s['ports']).map(obj);
  const ann = obj(obj(svc['metadata'])['annotations']);
  const mode = ann['service.kubernetes.io/topology-mode'];
  const hints = ann['service.kubernetes.io/topology-aware-hints'];
  if (mode !== undefined && hints !== undefined && mode !== hints) {
    errs.push(fieldErrors.invalid(FieldPath.root('metadata').child('annotations').key('service.kubernetes.io/topology-mode'), str(mode), 'must match annotations[service.kubernetes.io/topology-aware-hints] when both are specified'));
  }
  if (ports.length === 0 && !isHeadless(s) && type !== 'ExternalName') errs.push(fieldErrors.required(SPEC.child('ports')));
  if ((type === 'LoadBalancer' || type === 'NodePort') && isHeadless(s)) {
    errs.push(fieldErrors.invalid(SPEC.child('clusterIPs').index(0), 'None', `may not be set to 'None' for ${type} services`));
  }
  if (type === 'ExternalName') {
    if (list(s['clusterIPs']).length) errs.push(fieldErrors.forbidden(SPEC.child('clusterIPs'), 'may not be set for ExternalName services'));
    if (list(s['ipFamilies']).length) errs.push(fieldErrors.forbidden(SPEC.child('ipFamilies'), 'may not be set for ExternalName services'));
    if (set(s['ipFamilyPolicy'])) errs.push(fieldErrors.forbidden(SPEC.child('ipFamilyPolicy'), 'may not be set for ExternalName services'));
    const cname = str(s['externalName']).replace(/\.$/, '');
    if (cname) for (const m of isDNS1123Subdomain(cname)) errs.push(fieldErrors.invalid(SPEC.child('externalName'), cname, m));
    else errs.push(fieldErrors.required(SPEC.child('externalName')));
  }
  const names = new Set<string>();
  ports.forEach((p, i) => validatePort(errs, p, SPEC.child('ports').index(i), ports.length > 1, names));
  if (set(s['selector'])) validateLabelMap(errs, s['selector'], SPEC.child('selector'));
  const aff = str(s['sessionAffinity']);
  if (!aff) errs.push(fieldErrors.required(SPEC.child('sessionAffinity')));
  else if (aff !== 'ClientIP' && aff !== 'None') errs.push(fieldErrors.notSupported(SPEC.child('sessionAffinity'), aff, ['ClientIP', 'None']));
  const cfgPath = SPEC.child('sessionAffinityConfig');
  if (aff === 'ClientIP') {
    const cfg = s['sessionAffinityConfig'];
    const cip = obj(cfg)['clientIP'];
    const timeout = obj(cip)['timeoutSeconds'];
    if (!set(cfg)) errs.push(fieldErrors.required(cfgPath, 'when session affinity type is ClientIP'));
    else if (!set(cip)) errs.push(fieldErrors.required(cfgPath.child('clientIP'), 'when session affinity type is ClientIP'));
    else if (typeof timeout !== 'number') errs.push(fieldErrors.required(cfgPath.child('clientIP', 'timeoutSeconds'), 'when session affinity type is ClientIP'));
    else if (timeout <= 0 || timeout > 86400) errs.push(fieldErrors.invalid(cfgPath.child('clientIP', 'timeoutSeconds'), timeout, 'must be greater than 0 and less than 86400'));
  } else if (aff === 'None' && set(s['sessionAffinityConfig'])) {
    errs.push(fieldErrors.forbidden(cfgPath, 'must not be set when session affinity is None'));
  }
  validateClusterIPs(errs, s);
  list(s['externalIPs']).forEach((ip, i) => {
    const p = SPEC.child('externalIPs').index(i);
    const msgs = isValidIP(str(ip));
    for (const m of msgs) errs.push(fieldErrors.invalid(p, str(ip), m));
    if (!msgs.length) validateNonSpecialIP(errs, str(ip), p);
  });
  if (!type) errs.push(fieldErrors.required(SPEC.child('type')));
  else if (!TYPES.includes(type)) errs.push(fieldErrors.notSupported(SPEC.child('type'), type, TYPES));
  if (type === 'ClusterIP') {
    ports.forEach((p, i) => {
      if (typeof p['nodePort'] === 'number' && p['nodePort'] !== 0) errs.push(fieldErrors.forbidden(SPEC.child('ports').index(i).child('nodePort'), "may not be used when `type` is 'ClusterIP'"));
    });
  }
  const nodePorts = new Set<string>();
  const keys = new Set<string>();
  ports.forEach((p, i) => {
    const np = typeof p['nodePort'] === 'number' ? p['nodePort'] : 0;
    const proto = str(p['protocol']);
    if (np) {
      if (nodePorts.has(`${proto}/${np}`)) errs.push(fieldErrors.duplicate(SPEC.child('ports').index(i).child('nodePort'), np));
      nodePorts.add(`${proto}/${np}`);
    }
    const port = typeof p['port'] === 'number' ? p['port'] : 0;
    if (keys.has(`${proto}/${port}`)) errs.push(fieldErrors.duplicate(SPEC.child('ports').index(i), portKey(proto, port)));
    keys.add(`${proto}/${port}`);
  });
  const ranges = list(s['loadBalancerSourceRanges']);
  if (ranges.length) {
    // Upstream spells this path with a capital L.
    const rp = SPEC.child('LoadBalancerSourceRanges');
    if (type !== 'LoadBalancer') errs.push(fieldErrors.forbidden(rp, "may only be used when `type` is 'LoadBalancer'"));
    ranges.forEach((r, i) => { for (const m of isValidCIDR(str(r).trim())) errs.push(fieldErrors.invalid(rp.index(i), str(r).trim(), m)); });
  } else if (ann['service.beta.kubernetes.io/load-balancer-source-ranges'] !== undefined) {
    const ap = FieldPath.root('metadata').child('annotations').key('service.beta.kubernetes.io/load-balancer-source-ranges');
    if (type !== 'LoadBalancer') errs.push(fieldErrors.forbidden(ap, "may only be used when `type` is 'LoadBalancer'"));
    const v = str(ann['service.beta.kubernetes.io/load-balancer-source-ranges']).trim();
    if (v) for (const c of v.split(',')) for (const m of isValidCIDR(c.trim())) errs.push(fieldErrors.invalid(ap, c.trim(), m));
  }
  if (set(s['allocateLoadBalancerNodePorts']) && type !== 'LoadBalancer') errs.push(fieldErrors.forbidden(SPEC.child('allocateLoadBalancerNodePorts'), "may only be used when `type` is 'LoadBalancer'"));
  // Upstream reports this one without the spec prefix.
  if (type === 'LoadBalancer' && !set(s['allocateLoadBalancerNodePorts'])) errs.push(fieldErrors.required(FieldPath.root('allocateLoadBalancerNodePorts')));
  if (type === 'LoadBalancer') {
    if (typeof s['loadBalancerClass'] === 'string') for (const m of isQualifiedName(s['loadBalancerClass'])) errs.push(fieldErrors.invalid(SPEC.child('loadBalancerClass'), s['loadBalancerClass'], m));
  } else if (set(s['loadBalancerClass'])) {
    errs.push(fieldErrors.forbidden(SPEC.child('loadBalancerClass'), "may only be used when `type` is 'LoadBalancer'"));
  }
  const etp = str(s['externalTrafficPolicy']);
  if (!externallyAccessible(s)) {
    if (etp) errs.push(fieldErrors.invalid(SPEC.child('externalTrafficPolicy'), etp, 'may only be set for externally-accessible services'));
  } else if (!etp) errs.push(fieldErrors.required(SPEC.child('externalTrafficPolicy')));
  else if (etp !== 'Cluster' && etp !== 'Local') errs.push(fieldErrors.notSupported(SPEC.child('externalTrafficPolicy'), etp, ['Cluster', 'Local']));
  const hc = typeof s['healthCheckNodePort'] === 'number' ? s['healthCheckNodePort'] : 0;
  if (!needsHealthCheck(s)) {
    if (hc !== 0) errs.push(fieldErrors.invalid(SPEC.child('healthCheckNodePort'), hc, "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'"));
  } else if (hc === 0) errs.push(fieldErrors.required(SPEC.child('healthCheckNodePort')));
  else for (const m of isValidPortNum(hc)) errs.push(fieldErrors.invalid(SPEC.child('healthCheckNodePort'), hc, m));
  if (!set(s['internalTrafficPolicy'])) {
    if (type === 'NodePort' || type === 'LoadBalancer' || type === 'ClusterIP') errs.push(fieldErrors.required(SPEC.child('internalTrafficPolicy')));
  } else checkEnum(errs, SPEC.child('internalTrafficPolicy'), s['internalTrafficPolicy'], ['Cluster', 'Local'], true);
  if (set(s['trafficDistribution']) && s['trafficDistribution'] !== 'PreferClose') errs.push(fieldErrors.notSupported(SPEC.child('trafficDistribution'), s['trafficDistribution'], ['PreferClose']));
  return errs;
}

/** The update rules: cluster IPs and IP families may be added or released, never changed; LB class and health check port frozen. */
export function validateServiceUpdate(next: Obj, prev: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const n = obj(next['spec']);
  const p = obj(prev['spec']);
  if (n['type'] !== 'ExternalName' && p['type'] !== 'ExternalName') {
    const nips = list(n['clusterIPs']).map(str);
    const pips = list(p['clusterIPs']).map(str);
    const cp = SPEC.child('clusterIPs');
    if (!(isHeadless(n) && isHeadless(p))) {
      if (nips.length === pips.length) {
        pips.forEach((ip, i) => { if (ip !== nips[i]) errs.push(fieldErrors.invalid(cp.index(i), go.stringSlice(nips), 'may not change once set')); });
      } else if (pips.length > nips.length) {
        if (nips.length === 0) errs.push(fieldErrors.invalid(cp.index(0), go.stringSlice(nips), 'primary clusterIP can not be unset'));
        else if (nips[0] !== pips[0]) errs.push(fieldErrors.invalid(cp.index(0), go.stringSlice(nips), 'may not change once set'));
        if (nips.length === 1 && n['ipFamilyPolicy'] !== 'SingleStack') errs.push(fieldErrors.invalid(SPEC.child('ipFamilyPolicy'), n['ipFamilyPolicy'] ?? null, "must be set to 'SingleStack' when releasing the secondary clusterIP"));
      } else if (pips.length && nips[0] !== pips[0]) errs.push(fieldErrors.invalid(cp.index(0), go.stringSlice(nips), 'may not change once set'));
    }
    const nf = list(n['ipFamilies']).map(str);
    const pf = list(p['ipFamilies']).map(str);
    const fp = SPEC.child('ipFamilies');
    if (isHeadless(n) === isHeadless(p) && !isHeadless(n)) {
      if (nf.length === pf.length) {
        pf.forEach((f, i) => { if (f !== nf[i]) errs.push(fieldErrors.invalid(fp.index(0), go.stringSlice(nf, 'core.IPFamily'), 'may not change once set')); });
      } else if (pf.length > nf.length) {
        if (nips.length === 0) errs.push(fieldErrors.invalid(fp.index(0), go.stringSlice(nf, 'core.IPFamily'), 'primary ipFamily can not be unset'));
        if (nf.length && nf[0] !== pf[0]) errs.push(fieldErrors.invalid(fp.index(0), go.stringSlice(nips), 'may not change once set'));
        if (nf.length === 1 && n['ipFamilyPolicy'] !== 'SingleStack') errs.push(fieldErrors.invalid(SPEC.child('ipFamilyPolicy'), n['ipFamilyPolicy'] ?? null, "must be set to 'SingleStack' when releasing the secondary ipFamily"));
      } else if (pf.length && nf.length && nf[0] !== pf[0]) errs.push(fieldErrors.invalid(fp.index(0), go.stringSlice(nips), 'may not change once set'));
    }
  }
  if (n['type'] === 'LoadBalancer' && p['type'] === 'LoadBalancer' && (n['loadBalancerClass'] ?? null) !== (p['loadBalancerClass'] ?? null)) {
    errs.push(fieldErrors.invalid(SPEC.child('loadBalancerClass'), n['loadBalancerClass'] ?? null, 'may not change once set'));
  }
  if (needsHealthCheck(n) && needsHealthCheck(p) && n['healthCheckNodePort'] !== p['healthCheckNodePort']) {
    errs.push(fieldErrors.forbidden(SPEC.child('healthCheckNodePort'), 'field is immutable'));
  }
  return [...errs, ...validateService(next)];
}

/** status.loadBalancer of a Service. */
export function validateServiceStatus(svc: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const ingress = list(obj(obj(svc['status'])['loadBalancer'])['ingress']).map(obj);
  const ip = FieldPath.root('status').child('loadBalancer', 'ingress');
  if (obj(svc['spec'])['type'] !== 'LoadBalancer' && ingress.length) return [fieldErrors.forbidden(ip, "may only be used when `spec.type` is 'LoadBalancer'")];
  ingress.forEach((ing, i) => {
    const p = ip.index(i);
    const addr = str(ing['ip']);
    if (addr) for (const m of isValidIP(addr)) errs.push(fieldErrors.invalid(p.child('ip'), addr, m));
    if (!set(ing['ipMode'])) {
      if (addr) errs.push(fieldErrors.required(p.child('ipMode'), 'must be specified when `ip` is set'));
    } else if (!addr) errs.push(fieldErrors.forbidden(p.child('ipMode'), 'may not be specified when `ip` is not set'));
    else checkEnum(errs, p.child('ipMode'), ing['ipMode'], ['Proxy', 'VIP'], true);
    const host = str(ing['hostname']);
    if (host) {
      for (const m of isDNS1123Subdomain(host)) errs.push(fieldErrors.invalid(p.child('hostname'), host, m));
      if (ipFamily(host)) errs.push(fieldErrors.invalid(p.child('hostname'), host, 'must be a DNS name, not an IP address'));
    }
  });
  return errs;
}
