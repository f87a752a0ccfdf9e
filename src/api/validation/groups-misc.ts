/**
 * @module Validation of the small API groups' objects: coordination Leases, scheduling
 * PriorityClasses (the system- prefix, the user maximum, immutable value and policy), node
 * RuntimeClasses, discovery EndpointSlices (address types and the addresses each allows, ports),
 * certificates CSRs (request PEM, usages, signer names, expiry) and flow control objects.
 */
import { jsonEqual } from '../meta/object.js';
import { type FieldError, FieldPath, fieldErrors } from './field-errors.js';
import { checkEnum, checkNonNegative, list, obj, str } from './helpers.js';
import { validateLabelMap } from './label-selector.js';
import { ipFamily, isDNS1123Label, isDNS1123Subdomain, isQualifiedName } from './names.js';
import { validateImmutable } from './object-meta.js';
import { PROTOCOLS } from './container.js';
import { validateResourceRequirements } from './resources.js';
import { validateTolerations } from './scheduling.js';
import { validateNonSpecialIP } from './service.js';

type Obj = Record<string, unknown>;
const SPEC = FieldPath.root('spec');
const set = (v: unknown): boolean => v !== undefined && v !== null;

export function validateLease(l: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const s = obj(l['spec']);
  const d = s['leaseDurationSeconds'];
  if (typeof d === 'number' && d <= 0) errs.push(fieldErrors.invalid(SPEC.child('leaseDurationSeconds'), d, 'must be greater than 0'));
  checkNonNegative(errs, SPEC.child('leaseTransitions'), s['leaseTransitions']);
  if (set(s['strategy']) && str(s['strategy']) !== 'OldestEmulationVersion') {
    for (const m of isQualifiedName(str(s['strategy']))) errs.push(fieldErrors.invalid(SPEC.child('strategy'), str(s['strategy']), m));
  }
  if (str(s['preferredHolder']) && !str(s['strategy'])) errs.push(fieldErrors.forbidden(SPEC.child('preferredHolder'), 'may only be specified if `strategy` is defined'));
  return errs;
}

const SYSTEM_CLASSES: Readonly<Record<string, number>> = { 'system-cluster-critical': 2000000000, 'system-node-critical': 2000001000 };

export function validatePriorityClass(pc: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const name = str(obj(pc['metadata'])['name']);
  const value = typeof pc['value'] === 'number' ? pc['value'] : 0;
  if (name.startsWith('system-')) {
    const want = SYSTEM_CLASSES[name];
    const why = want === undefined ? `${name} is not a known system priority class` : value !== want ? `value of ${name} PriorityClass must be ${want}` : pc['globalDefault'] === true ? `globalDefault of ${name} PriorityClass must be false` : '';
    if (why) errs.push(fieldErrors.forbidden(FieldPath.root('metadata').child('name'), `priority class names with 'system-' prefix are reserved for system use only. error: ${why}`));
  } else if (value > 1000000000) {
    errs.push(fieldErrors.forbidden(FieldPath.root('value'), 'maximum allowed value of a user defined priority is 1000000000'));
  }
  if (set(pc['preemptionPolicy'])) checkEnum(errs, FieldPath.root('preemptionPolicy'), pc['preemptionPolicy'], ['PreemptLowerPriority', 'Never'], true);
  return errs;
}

export function validatePriorityClassUpdate(next: Obj, prev: Obj): FieldError[] {
  const errs: FieldError[] = [];
  if (next['value'] !== prev['value']) errs.push(fieldErrors.forbidden('value', 'may not be changed in an update.'));
  errs.push(...validateImmutable(next['preemptionPolicy'] ?? null, prev['preemptionPolicy'] ?? null, 'preemptionPolicy'));
  return errs;
}

export function validateRuntimeClass(rc: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const handler = str(rc['handler']);
  for (const m of isDNS1123Label(handler)) errs.push(fieldErrors.invalid('handler', handler, m));
  const oh = rc['overhead'];
  if (set(oh)) validateResourceRequirements(errs, { limits: obj(oh)['podFixed'] }, FieldPath.root('overhead').child('podFixed'), undefined);
  const sch = rc['scheduling'];
  if (set(sch)) {
    validateLabelMap(errs, obj(sch)['nodeSelector'], FieldPath.root('scheduling').child('nodeSelector'));
    validateTolerations(errs, obj(sch)['tolerations'], FieldPath.root('scheduling').child('tolerations'));
  }
  return errs;
}

const ADDRESS_TYPES = ['FQDN', 'IPv4', 'IPv6'];

function validateFQDN(errs: FieldError[], name: string, path: FieldPath): void {
  if (!name) return void errs.push(fieldErrors.required(path));
  const n = name.endsWith('.') ? name.slice(0, -1) : name;
  const sub = isDNS1123Subdomain(n);
  if (sub.length) return void errs.push(fieldErrors.invalid(path, n, sub.join(',')));
  if (n.split('.').length < 2) return void errs.push(fieldErrors.invalid(path, n, 'should be a domain with at least two segments separated by dots'));
  for (const label of n.split('.')) {
    const m = isDNS1123Label(label);
    if (m.length) return void errs.push(fieldErrors.invalid(path, label, m.join(',')));
  }
}

export function validateEndpointSlice(es: Obj, allowSpecialIPs: boolean): FieldError[] {
  const errs: FieldError[] = [];
  const type = str(es['addressType']);
  if (!type) errs.push(fieldErrors.required('addressType'));
  else if (!ADDRESS_TYPES.includes(type)) errs.push(fieldErrors.notSupported('addressType', type, ADDRESS_TYPES));
  const eps = list(es['endpoints']);
  if (eps.length > 1000) errs.push(fieldErrors.tooMany('endpoints', eps.length, 1000));
  eps.forEach((raw, i) => {
    const e = obj(raw);
    const p = FieldPath.root('endpoints').index(i);
    const addrs = list(e['addresses']).map(str);
    const ap = p.child('addresses');
    if (addrs.length === 0) errs.push(fieldErrors.required(ap, 'must contain at least 1 address'));
    else if (addrs.length > 100) errs.push(fieldErrors.tooMany(ap, addrs.length, 100));
    addrs.forEach((a, j) => {
      if (type === 'IPv4' || type === 'IPv6') {
        if (ipFamily(a) !== (type === 'IPv4' ? 4 : 6)) errs.push(fieldErrors.invalid(ap.index(j), a, `must be a valid ${type} address`));
        else if (!allowSpecialIPs) validateNonSpecialIP(errs, a, ap.index(j));
      } else if (type === 'FQDN') validateFQDN(errs, a, ap.index(j));
    });
    if (typeof e['nodeName'] === 'string') for (const m of isDNS1123Subdomain(e['nodeName'])) errs.push(fieldErrors.invalid(p.child('nodeName'), e['nodeName'], m));
    const topo = obj(e['deprecatedTopology']);
    if (Object.keys(topo).length > 16) errs.push(fieldErrors.tooMany(p.child('deprecatedTopology'), Object.keys(topo).length, 16));
    validateLabelMap(errs, topo, p.child('deprecatedTopology'));
    if (typeof e['hostname'] === 'string') for (const m of isDNS1123Label(e['hostname'])) errs.push(fieldErrors.invalid(p.child('hostname'), e['hostname'], m));
  });
  const ports = list(es['ports']);
  if (ports.length > 20000) errs.push(fieldErrors.tooMany('ports', ports.length, 20000));
  const names = new Set<string>();
  ports.forEach((raw, i) => {
    const pt = obj(raw);
    const p = FieldPath.root('ports').index(i);
    const name = str(pt['name']);
    if (name) for (const m of isDNS1123Label(name)) errs.push(fieldErrors.invalid(p.child('name'), name, m));
    if (names.has(name)) errs.push(fieldErrors.duplicate(p.child('name'), name));
    names.add(name);
    if (!set(pt['protocol'])) errs.push(fieldErrors.required(p.child('protocol')));
    else checkEnum(errs, p.child('protocol'), pt['protocol'], PROTOCOLS, true);
    if (typeof pt['appProtocol'] === 'string') for (const m of isQualifiedName(pt['appProtocol'])) errs.push(fieldErrors.invalid(p.child('appProtocol'), pt['appProtocol'], m));
  });
  return errs;
}

const USAGES = ['any', 'cert sign', 'client auth', 'code signing', 'content commitment', 'crl sign', 'data encipherment', 'decipher only', 'digital signature',
  'email protection', 'encipher only', 'ipsec end system', 'ipsec tunnel', 'ipsec user', 'key agreement', 'key encipherment', 'microsoft sgc', 'netscape sgc',
  'ocsp signing', 's/mime', 'server auth', 'signing', 'timestamping'];
const CSR_PEM = /-----BEGIN CERTIFICATE REQUEST-----[\s\S]+?-----END CERTIFICATE REQUEST-----/;

/** A signer name: `example.com/path`. */
export function validateSignerName(errs: FieldError[], name: string, path: FieldPath): void {
  if (!name) return void errs.push(fieldErrors.required(path));
  const parts = name.split('/');
  if (parts.length !== 2) return void errs.push(fieldErrors.invalid(path, name, "must be a fully qualified domain and path of the form 'example.com/signer-name'"));
  const [domain = '', rest = ''] = parts;
  const dm = isDNS1123Subdomain(domain);
  if (dm.length) errs.push(fieldErrors.invalid(path, name, `validating ${JSON.stringify(domain)} as the domain: ${dm.join(', ')}`));
  if (!rest) errs.push(fieldErrors.invalid(path, name, 'path component must be non-empty'));
}

export function validateCsr(csr: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const s = obj(csr['spec']);
  const req = Buffer.from(str(s['request']), 'base64').toString('latin1');
  if (!CSR_PEM.test(req)) errs.push(fieldErrors.invalid(SPEC.child('request'), '<bytes>', 'PEM block type must be CERTIFICATE REQUEST'));
  const usages = list(s['usages']).map(str);
  if (usages.length === 0) errs.push(fieldErrors.required(SPEC.child('usages')));
  const seen = new Set<string>();
  usages.forEach((u, i) => {
    if (!USAGES.includes(u)) errs.push(fieldErrors.notSupported(SPEC.child('usages').index(i), u, USAGES));
    if (seen.has(u)) errs.push(fieldErrors.duplicate(SPEC.child('usages').index(i), u));
    seen.add(u);
  });
  const signer = str(s['signerName']);
  if (signer === 'kubernetes.io/legacy-unknown') errs.push(fieldErrors.invalid(SPEC.child('signerName'), signer, 'the legacy signerName is not allowed via this API version'));
  else validateSignerName(errs, signer, SPEC.child('signerName'));
  const exp = s['expirationSeconds'];
  if (typeof exp === 'number' && exp < 600) errs.push(fieldErrors.invalid(SPEC.child('expirationSeconds'), exp, 'may not specify a duration less than 600 seconds (10 minutes)'));
  return errs;
}

export function validateFlowSchema(fs: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const s = obj(fs['spec']);
  const mp = s['matchingPrecedence'];
  if (typeof mp === 'number' && mp <= 0) errs.push(fieldErrors.invalid(SPEC.child('matchingPrecedence'), mp, 'must be a positive value'));
  if (typeof mp === 'number' && mp > 10000) errs.push(fieldErrors.invalid(SPEC.child('matchingPrecedence'), mp, 'must not be greater than 10000'));
  const dm = s['distinguisherMethod'];
  if (set(dm)) checkEnum(errs, SPEC.child('distinguisherMethod', 'type'), obj(dm)['type'], ['ByNamespace', 'ByUser'], true);
  if (!str(obj(s['priorityLevelConfiguration'])['name'])) errs.push(fieldErrors.required(SPEC.child('priorityLevelConfiguration', 'name'), 'must reference a priority level'));
  list(s['rules']).forEach((r, i) => {
    const p = SPEC.child('rules').index(i);
    const subjects = list(obj(r)['subjects']);
    if (subjects.length === 0) errs.push(fieldErrors.required(p.child('subjects'), 'subjects must contain at least one value'));
    subjects.forEach((sub, j) => checkEnum(errs, p.child('subjects').index(j).child('kind'), obj(sub)['kind'], ['Group', 'ServiceAccount', 'User'], true));
    if (list(obj(r)['resourceRules']).length === 0 && list(obj(r)['nonResourceRules']).length === 0) {
      errs.push(fieldErrors.required(p, 'at least one of resourceRules and nonResourceRules has to be non-empty'));
    }
  });
  return errs;
}

export function validatePriorityLevel(pl: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const s = obj(pl['spec']);
  const type = str(s['type']);
  checkEnum(errs, SPEC.child('type'), type, ['Exempt', 'Limited'], true);
  if (type === 'Limited' && !set(s['limited'])) errs.push(fieldErrors.required(SPEC.child('limited'), 'must not be empty when type is Limited'));
  if (type === 'Exempt' && set(s['limited'])) errs.push(fieldErrors.forbidden(SPEC.child('limited'), 'must be nil if the type is not Limited'));
  if (type === 'Limited' && set(s['exempt'])) errs.push(fieldErrors.forbidden(SPEC.child('exempt'), 'must be nil if the type is Limited'));
  const lim = obj(s['limited']);
  checkNonNegative(errs, SPEC.child('limited', 'nominalConcurrencyShares'), lim['nominalConcurrencyShares']);
  const lp = lim['lendablePercent'];
  if (typeof lp === 'number' && (lp < 0 || lp > 100)) errs.push(fieldErrors.invalid(SPEC.child('limited', 'lendablePercent'), lp, 'must be between 0 and 100, inclusive'));
  const lr = obj(lim['limitResponse']);
  if (set(s['limited'])) checkEnum(errs, SPEC.child('limited', 'limitResponse', 'type'), lr['type'], ['Queue', 'Reject'], true);
  if (lr['type'] === 'Queue') {
    const q = obj(lr['queuing']);
    const qp = SPEC.child('limited', 'limitResponse', 'queuing');
    const queues = typeof q['queues'] === 'number' ? q['queues'] : 0;
    const hand = typeof q['handSize'] === 'number' ? q['handSize'] : 0;
    if (queues <= 0) errs.push(fieldErrors.invalid(qp.child('queues'), queues, 'must be positive'));
    if (hand <= 0) errs.push(fieldErrors.invalid(qp.child('handSize'), hand, 'must be positive'));
    else if (hand > queues) errs.push(fieldErrors.invalid(qp.child('handSize'), hand, `should not be greater than queues (${queues})`));
  }
  return errs;
}

export function validateCsrUpdate(next: Obj, prev: Obj): FieldError[] {
  return jsonEqual(next['spec'], prev['spec']) ? [] : [fieldErrors.forbidden('spec', 'updates to spec are forbidden')];
}
