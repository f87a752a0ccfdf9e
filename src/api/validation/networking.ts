/**
 * @module networking.k8s.io/v1 validation (pkg/apis/networking/validation): Ingresses (rules with
 * DNS or wildcard hosts, paths with a pathType, exactly one backend with a port name or number,
 * TLS hosts, the class name, the load balancer status), IngressClasses (controller, parameters),
 * NetworkPolicies (ports, peers, IP blocks, policy types), IPAddresses and ServiceCIDRs.
 */
import { type FieldError, FieldPath, fieldErrors } from './field-errors.js';
import { go } from './go-values.js';
import { checkEnum, list, obj, str } from './helpers.js';
import { validateLabelSelector } from './label-selector.js';
import { ipFamily, isDNS1035Label, isDNS1123Label, isDNS1123Subdomain, isDomainPrefixedPath, isValidCIDR, isValidIP, isValidPathSegmentName, isValidPortName, isValidPortNum, isWildcardDNS1123Subdomain } from './names.js';
import { PROTOCOLS } from './container.js';

type Obj = Record<string, unknown>;
const SPEC = FieldPath.root('spec');
const set = (v: unknown): boolean => v !== undefined && v !== null;
const PATH_TYPES = ['Exact', 'ImplementationSpecific', 'Prefix'];
const BAD_SEQUENCES = ['//', '/./', '/../', '%2f', '%2F'];
const BAD_SUFFIXES = ['/..', '/.'];

function validateTypedRef(errs: FieldError[], raw: unknown, path: FieldPath): void {
  const r = obj(raw);
  if (typeof r['apiGroup'] === 'string') for (const m of isDNS1123Subdomain(r['apiGroup'])) errs.push(fieldErrors.invalid(path.child('apiGroup'), r['apiGroup'], m));
  for (const f of ['kind', 'name'] as const) {
    const v = str(r[f]);
    if (!v) errs.push(fieldErrors.required(path.child(f), `${f} is required`));
    else for (const m of isValidPathSegmentName(v)) errs.push(fieldErrors.invalid(path.child(f), v, m));
  }
}

function validateBackend(errs: FieldError[], raw: unknown, path: FieldPath): void {
  const b = obj(raw);
  const hasRes = set(b['resource']);
  const hasSvc = set(b['service']);
  if (hasRes && hasSvc) return void errs.push(fieldErrors.invalid(path, '', 'cannot set both resource and service backends'));
  if (hasRes) return validateTypedRef(errs, b['resource'], path.child('resource'));
  if (!hasSvc) return void errs.push(fieldErrors.invalid(path, '', 'resource or service backend is required'));
  const svc = obj(b['service']);
  const name = str(svc['name']);
  if (!name) errs.push(fieldErrors.required(path.child('service', 'name')));
  else for (const m of isDNS1035Label(name)) errs.push(fieldErrors.invalid(path.child('service', 'name'), name, m));
  const port = obj(svc['port']);
  const pn = str(port['name']);
  const num = typeof port['number'] === 'number' ? port['number'] : 0;
  if (pn && num) errs.push(fieldErrors.invalid(path, '', 'cannot set both port name & port number'));
  else if (pn) for (const m of isValidPortName(pn)) errs.push(fieldErrors.invalid(path.child('service', 'port', 'name'), pn, m));
  else if (num) for (const m of isValidPortNum(num)) errs.push(fieldErrors.invalid(path.child('service', 'port', 'number'), num, m));
  else errs.push(fieldErrors.required(path, 'port name or number is required'));
}

function validatePath(errs: FieldError[], raw: unknown, path: FieldPath): void {
  const p = obj(raw);
  const pt = p['pathType'];
  const v = str(p['path']);
  if (!set(pt)) return void errs.push(fieldErrors.required(path.child('pathType'), 'pathType must be specified'));
  if (pt === 'Exact' || pt === 'Prefix') {
    if (!v.startsWith('/')) errs.push(fieldErrors.invalid(path.child('path'), v, 'must be an absolute path'));
    if (v) {
      for (const s of BAD_SEQUENCES) if (v.includes(s)) errs.push(fieldErrors.invalid(path.child('path'), v, `must not contain '${s}'`));
      for (const s of BAD_SUFFIXES) if (v.endsWith(s)) errs.push(fieldErrors.invalid(path.child('path'), v, `cannot end with '${s}'`));
    }
  } else if (pt === 'ImplementationSpecific') {
    if (v && !v.startsWith('/')) errs.push(fieldErrors.invalid(path.child('path'), v, 'must be an absolute path'));
  } else {
    errs.push(fieldErrors.notSupported(path.child('pathType'), pt, PATH_TYPES));
  }
  validateBackend(errs, p['backend'], path.child('backend'));
}

/** An ingress host: a DNS subdomain or a wildcard one, never an IP. */
function validateHost(errs: FieldError[], host: string, path: FieldPath, rejectIP: boolean): void {
  if (rejectIP && ipFamily(host)) errs.push(fieldErrors.invalid(path, host, 'must be a DNS name, not an IP address'));
  const msgs = host.includes('*') ? isWildcardDNS1123Subdomain(host) : isDNS1123Subdomain(host);
  for (const m of msgs) errs.push(fieldErrors.invalid(path, host, m));
}

export function validateIngress(ing: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const s = obj(ing['spec']);
  const rules = list(s['rules']);
  if (rules.length === 0 && !set(s['defaultBackend'])) errs.push(fieldErrors.invalid(SPEC, go.raw('[]networking.IngressRule(nil)'), 'either `defaultBackend` or `rules` must be specified'));
  if (set(s['defaultBackend'])) validateBackend(errs, s['defaultBackend'], SPEC.child('defaultBackend'));
  rules.forEach((raw, i) => {
    const r = obj(raw);
    const p = SPEC.child('rules').index(i);
    const host = str(r['host']);
    if (host) validateHost(errs, host, p.child('host'), true);
    if (set(r['http'])) {
      const paths = list(obj(r['http'])['paths']);
      const hp = p.child('http');
      if (paths.length === 0) errs.push(fieldErrors.required(hp.child('paths')));
      paths.forEach((x, j) => validatePath(errs, x, hp.child('paths').index(j)));
    }
  });
  list(s['tls']).forEach((raw, i) => {
    const t = obj(raw);
    const p = SPEC.child('tls').index(i);
    list(t['hosts']).forEach((h, j) => validateHost(errs, str(h), p.child('hosts').index(j), false));
    const secret = str(t['secretName']);
    if (secret) for (const m of isDNS1123Subdomain(secret)) errs.push(fieldErrors.invalid(p.child('secretName'), secret, m));
  });
  if (typeof s['ingressClassName'] === 'string') for (const m of isDNS1123Subdomain(s['ingressClassName'])) errs.push(fieldErrors.invalid(SPEC.child('ingressClassName'), s['ingressClassName'], m));
  return errs;
}

/** status.loadBalancer.ingress of an Ingress. */
export function validateIngressStatus(ing: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const base = FieldPath.root('status').child('loadBalancer', 'ingress');
  list(obj(obj(ing['status'])['loadBalancer'])['ingress']).forEach((raw, i) => {
    const e = obj(raw);
    const p = base.index(i);
    if (str(e['ip'])) for (const m of isValidIP(str(e['ip']))) errs.push(fieldErrors.invalid(p.child('ip'), str(e['ip']), m));
    const host = str(e['hostname']);
    if (host) {
      for (const m of isDNS1123Subdomain(host)) errs.push(fieldErrors.invalid(p.child('hostname'), host, m));
      if (ipFamily(host)) errs.push(fieldErrors.invalid(p.child('hostname'), host, 'must be a DNS name, not an IP address'));
    }
    list(e['ports']).forEach((pt, j) => {
      const port = typeof obj(pt)['port'] === 'number' ? obj(pt)['port'] as number : 0;
      for (const m of isValidPortNum(port)) errs.push(fieldErrors.invalid(p.child('ports').index(j).child('port'), port, m));
      checkEnum(errs, p.child('ports').index(j).child('protocol'), obj(pt)['protocol'], PROTOCOLS, true);
    });
  });
  return errs;
}

export function validateIngressClass(ic: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const s = obj(ic['spec']);
  const ctrl = str(s['controller']);
  const cp = SPEC.child('controller');
  if (ctrl.length > 250) errs.push(fieldErrors.tooLong(cp, 250));
  const r = isDomainPrefixedPath(ctrl);
  if (r === 'required') errs.push(fieldErrors.required(cp));
  else for (const e of r) errs.push(fieldErrors.invalid(cp, e.value, e.msg));
  const params = s['parameters'];
  if (set(params)) {
    const pp = SPEC.child('parameters');
    validateTypedRef(errs, params, pp);
    const scope = obj(params)['scope'];
    const ns = obj(params)['namespace'];
    if (!set(scope)) errs.push(fieldErrors.required(pp.child('scope'), ''));
    else if (scope === 'Namespace') {
      if (!set(ns)) errs.push(fieldErrors.required(pp.child('namespace'), "`parameters.scope` is set to 'Namespace'"));
      else for (const m of isDNS1123Label(str(ns))) errs.push(fieldErrors.invalid(pp.child('namespace'), str(ns), m));
    } else if (scope === 'Cluster') {
      if (set(ns)) errs.push(fieldErrors.forbidden(pp.child('namespace'), "`parameters.scope` is set to 'Cluster'"));
    } else errs.push(fieldErrors.notSupported(pp.child('scope'), scope, ['Cluster', 'Namespace']));
  }
  return errs;
}

/** IPv4 and IPv6 CIDRs as (family, network bits) for subset checks. */
function parseCIDR(c: string): { fam: number; net: bigint; bits: number } | undefined {
  const at = c.indexOf('/');
  if (at < 0 || isValidCIDR(c).length) return undefined;
  const ip = c.slice(0, at);
  const bits = Number(c.slice(at + 1));
  const fam = ipFamily(ip);
  let n = 0n;
  if (fam === 4) for (const p of ip.split('.')) n = (n << 8n) | BigInt(Number(p));
  else {
    const [head = '', tail = ''] = ip.split('::');
    const hs = head ? head.split(':') : [];
    const ts = ip.includes('::') ? (tail ? tail.split(':') : []) : [];
    const groups = [...hs, ...Array(8 - hs.length - ts.length).fill('0'), ...ts];
    for (const g of groups) n = (n << 16n) | BigInt(parseInt(g.includes('.') ? '0' : g, 16));
  }
  const width = fam === 4 ? 32 : 128;
  const net = (n >> BigInt(width - bits)) << BigInt(width - bits);
  return { fam, net, bits };
}

function validatePeer(errs: FieldError[], raw: unknown, path: FieldPath): void {
  const p = obj(raw);
  let n = 0;
  for (const f of ['podSelector', 'namespaceSelector'] as const) {
    if (!set(p[f])) continue;
    n++;
    validateLabelSelector(errs, p[f], path.child(f));
  }
  if (set(p['ipBlock'])) {
    n++;
    const b = obj(p['ipBlock']);
    const bp = path.child('ipBlock');
    const cidr = str(b['cidr']);
    if (!cidr) errs.push(fieldErrors.required(bp.child('cidr')));
    else {
      for (const m of isValidCIDR(cidr)) errs.push(fieldErrors.invalid(bp.child('cidr'), cidr, m));
      const outer = parseCIDR(cidr);
      if (outer) list(b['except']).forEach((e, i) => {
        const ep = bp.child('except').index(i);
        for (const m of isValidCIDR(str(e))) errs.push(fieldErrors.invalid(ep, str(e), m));
        const inner = parseCIDR(str(e));
        if (!inner) return;
        const width = outer.fam === 4 ? 32 : 128;
        const within = inner.fam === outer.fam && (inner.net >> BigInt(width - outer.bits)) << BigInt(width - outer.bits) === outer.net;
        if (!within || outer.bits >= inner.bits) errs.push(fieldErrors.invalid(ep, str(e), 'must be a strict subset of `cidr`'));
      });
    }
  }
  if (n === 0) errs.push(fieldErrors.required(path, 'must specify a peer'));
  else if (n > 1 && set(p['ipBlock'])) errs.push(fieldErrors.forbidden(path, 'may not specify both ipBlock and another peer'));
}

function validatePolicyPort(errs: FieldError[], raw: unknown, path: FieldPath): void {
  const p = obj(raw);
  if (set(p['protocol']) && !['TCP', 'UDP', 'SCTP'].includes(str(p['protocol']))) errs.push(fieldErrors.notSupported(path.child('protocol'), p['protocol'], ['TCP', 'UDP', 'SCTP']));
  const port = p['port'];
  const end = p['endPort'];
  if (typeof port === 'number') {
    for (const m of isValidPortNum(port)) errs.push(fieldErrors.invalid(path.child('port'), port, m));
    if (typeof end === 'number') {
      if (end < port) errs.push(fieldErrors.invalid(path.child('endPort'), port, 'must be greater than or equal to `port`'));
      for (const m of isValidPortNum(end)) errs.push(fieldErrors.invalid(path.child('endPort'), end, m));
    }
  } else if (typeof port === 'string') {
    if (set(end)) errs.push(fieldErrors.invalid(path.child('endPort'), end, 'may not be specified when `port` is non-numeric'));
    for (const m of isValidPortName(port)) errs.push(fieldErrors.invalid(path.child('port'), port, m));
  } else if (set(end)) errs.push(fieldErrors.invalid(path.child('endPort'), end, 'may not be specified when `port` is not specified'));
}

export function validateNetworkPolicy(np: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const s = obj(np['spec']);
  validateLabelSelector(errs, s['podSelector'] ?? {}, SPEC.child('podSelector'));
  for (const [dir, peers] of [['ingress', 'from'], ['egress', 'to']] as const) {
    list(s[dir]).forEach((r, i) => {
      const p = SPEC.child(dir).index(i);
      list(obj(r)['ports']).forEach((x, j) => validatePolicyPort(errs, x, p.child('ports').index(j)));
      list(obj(r)[peers]).forEach((x, j) => validatePeer(errs, x, p.child(peers).index(j)));
    });
  }
  const types = list(s['policyTypes']);
  if (types.length > 2) return [...errs, fieldErrors.invalid(SPEC.child('policyTypes'), go.stringSlice(types, 'networking.PolicyType'), 'may not specify more than two policyTypes')];
  types.forEach((t, i) => { if (t !== 'Ingress' && t !== 'Egress') errs.push(fieldErrors.notSupported(SPEC.child('policyTypes').index(i), t, ['Ingress', 'Egress'])); });
  return errs;
}

/** An IPAddress is named after its address, in canonical form, and says who holds it. */
export function validateIPAddress(ip: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const ref = obj(obj(ip['spec'])['parentRef']);
  const rp = SPEC.child('parentRef');
  if (!set(obj(ip['spec'])['parentRef'])) return [fieldErrors.required(rp)];
  for (const f of ['resource', 'name'] as const) {
    const v = str(ref[f]);
    if (!v) errs.push(fieldErrors.required(rp.child(f)));
    else for (const m of isValidPathSegmentName(v)) errs.push(fieldErrors.invalid(rp.child(f), v, m));
  }
  if (str(ref['namespace'])) for (const m of isDNS1123Label(str(ref['namespace']))) errs.push(fieldErrors.invalid(rp.child('namespace'), str(ref['namespace']), m));
  return errs;
}

export function validateServiceCIDR(sc: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const cidrs = list(obj(sc['spec'])['cidrs']).map(str);
  const cp = SPEC.child('cidrs');
  // An empty list is tolerated: the bootstrap ServiceCIDR is created before its range is filled in.
  if (cidrs.length > 2) errs.push(fieldErrors.invalid(cp, go.stringSlice(cidrs), 'may only hold up to 2 values'));
  cidrs.forEach((c, i) => { for (const m of isValidCIDR(c)) errs.push(fieldErrors.invalid(cp.index(i), c, m)); });
  if (cidrs.length === 2 && ipFamily(cidrs[0]?.split('/')[0] ?? '') === ipFamily(cidrs[1]?.split('/')[0] ?? '')) {
    errs.push(fieldErrors.invalid(cp, go.stringSlice(cidrs), 'may specify no more than one IP for each IP family, i.e 192.168.0.0/24 and 2001:db8::/64'));
  }
  return errs;
}
