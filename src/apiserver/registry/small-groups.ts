/**
 * @module Strategies for the smaller named groups: leases, disruption budgets, RBAC (path-safe
 * names, immutable roleRef), storage classes (defaults, immutable parameters), priority classes
 * (immutable value), runtime classes, ingresses, network policies, endpoint slices, HPAs,
 * webhook configurations, CSRs (requester recorded, spec immutable) and events.k8s.io events.
 */
import { type KubeObject } from '../../api/meta/object.js';
import { type FieldError, FieldPath, fieldErrors } from '../../api/validation/field-errors.js';
import { checkEnum, list, obj, str } from '../../api/validation/helpers.js';
import { isDNS1123Label, nameIsPathSegment } from '../../api/validation/names.js';
import { validateImmutable } from '../../api/validation/object-meta.js';
import { validateIntOrPercent } from '../../api/validation/workloads.js';
import type { RequestContext } from './rest/context.js';
import { BaseStrategy, type BaseStrategyOptions } from './rest/strategy.js';

type Check = (o: KubeObject, errs: FieldError[], ctx: RequestContext) => void;
type UpdateCheck = (next: KubeObject, prev: KubeObject, errs: FieldError[]) => void;

/** A generic strategy with a few extra rules: the shape most of these resources need. */
export class RuleStrategy extends BaseStrategy {
  constructor(o: BaseStrategyOptions, private readonly rules: { defaults?: (o: KubeObject) => void; validate?: Check; update?: UpdateCheck; create?: (o: KubeObject, ctx: RequestContext) => void; ttl?: number } = {}) {
    super(o);
  }
  override defaults(o: KubeObject): void { this.rules.defaults?.(o); }
  override prepareForCreate(o: KubeObject, ctx: RequestContext): void {
    super.prepareForCreate(o, ctx);
    this.rules.create?.(o, ctx);
  }
  override validate(o: KubeObject, ctx: RequestContext): FieldError[] {
    const errs = super.validate(o, ctx);
    this.rules.validate?.(o, errs, ctx);
    return errs;
  }
  override validateUpdate(next: KubeObject, prev: KubeObject, ctx: RequestContext): FieldError[] {
    const errs = super.validateUpdate(next, prev, ctx);
    this.rules.validate?.(next, errs, ctx);
    this.rules.update?.(next, prev, errs);
    return errs;
  }
  ttlSeconds(): number | undefined { return this.rules.ttl; }
}

const immutable = (...fields: string[]): UpdateCheck => (n, p, errs) => {
  for (const f of fields) errs.push(...validateImmutable(n[f], p[f], f));
};

export const leaseStrategy = () => new RuleStrategy({ namespaced: true }, {
  validate: (o, errs) => {
    const d = obj(o['spec'])['leaseDurationSeconds'];
    if (typeof d === 'number' && d <= 0) errs.push(fieldErrors.invalid('spec.leaseDurationSeconds', d, 'must be greater than 0'));
  },
});

export const pdbStrategy = () => new RuleStrategy({ namespaced: true, hasStatus: true, tracksGeneration: true }, {
  create: (o) => { o['status'] = { disruptionsAllowed: 0, currentHealthy: 0, desiredHealthy: 0, expectedPods: 0 }; },
  validate: (o, errs) => {
    const s = obj(o['spec']);
    if (s['minAvailable'] !== undefined && s['maxUnavailable'] !== undefined) errs.push(fieldErrors.invalid('spec', s, 'minAvailable and maxUnavailable cannot be both set'));
    validateIntOrPercent(errs, FieldPath.root('spec').child('minAvailable'), s['minAvailable']);
    validateIntOrPercent(errs, FieldPath.root('spec').child('maxUnavailable'), s['maxUnavailable']);
  },
});

const roleRefCheck: Check = (o, errs) => {
  const r = obj(o['roleRef']);
  checkEnum(errs, FieldPath.root('roleRef').child('kind'), r['kind'], o.kind === 'ClusterRoleBinding' ? ['ClusterRole'] : ['Role', 'ClusterRole'], true);
  if (!str(r['name'])) errs.push(fieldErrors.required('roleRef.name'));
  if (str(r['apiGroup']) !== 'rbac.authorization.k8s.io') errs.push(fieldErrors.notSupported('roleRef.apiGroup', r['apiGroup'] ?? '', ['rbac.authorization.k8s.io']));
  list(o['subjects']).forEach((s, i) => {
    const p = FieldPath.root('subjects').index(i);
    checkEnum(errs, p.child('kind'), obj(s)['kind'], ['ServiceAccount', 'User', 'Group'], true);
    if (!str(obj(s)['name'])) errs.push(fieldErrors.required(p.child('name')));
  });
};
const bindingStrategy = (namespaced: boolean) => () => new RuleStrategy({ namespaced, nameValidator: nameIsPathSegment }, {
  validate: roleRefCheck,
  update: (n, p, errs) => {
    if (JSON.stringify(n['roleRef']) !== JSON.stringify(p['roleRef'])) errs.push(fieldErrors.invalid('roleRef', n['roleRef'], 'cannot change roleRef'));
  },
});
const roleStrategy = (namespaced: boolean) => () => new RuleStrategy({ namespaced, nameValidator: nameIsPathSegment }, {
  validate: (o, errs) => list(o['rules']).forEach((r, i) => {
    if (list(obj(r)['verbs']).length === 0) errs.push(fieldErrors.required(FieldPath.root('rules').index(i).child('verbs'), 'verbs must contain at least one value'));
  }),
});

export const storageClassStrategy = () => new RuleStrategy({ namespaced: false }, {
  defaults: (o) => {
    o['reclaimPolicy'] ??= 'Delete';
    o['volumeBindingMode'] ??= 'Immediate';
  },
  validate: (o, errs) => {
    if (!str(o['provisioner'])) errs.push(fieldErrors.required('provisioner'));
    checkEnum(errs, FieldPath.root('reclaimPolicy'), o['reclaimPolicy'], ['Delete', 'Retain']);
    checkEnum(errs, FieldPath.root('volumeBindingMode'), o['volumeBindingMode'], ['Immediate', 'WaitForFirstConsumer']);
  },
  update: (n, p, errs) => {
    if (JSON.stringify(n['parameters'] ?? {}) !== JSON.stringify(p['parameters'] ?? {})) errs.push(fieldErrors.forbidden('parameters', 'updates to parameters are forbidden.'));
    if (n['provisioner'] !== p['provisioner']) errs.push(fieldErrors.forbidden('provisioner', 'updates to provisioner are forbidden.'));
    if (n['reclaimPolicy'] !== p['reclaimPolicy']) errs.push(fieldErrors.forbidden('reclaimPolicy', 'updates to reclaimPolicy are forbidden.'));
    errs.push(...validateImmutable(n['volumeBindingMode'], p['volumeBindingMode'], 'volumeBindingMode'));
  },
});

export const priorityClassStrategy = () => new RuleStrategy({ namespaced: false }, {
  defaults: (o) => { o['preemptionPolicy'] ??= 'PreemptLowerPriority'; },
  validate: (o, errs) => {
    if (typeof o['value'] !== 'number') errs.push(fieldErrors.required('value'));
    checkEnum(errs, FieldPath.root('preemptionPolicy'), o['preemptionPolicy'], ['PreemptLowerPriority', 'Never']);
  },
  update: (n, p, errs) => {
    if (n['value'] !== p['value']) errs.push(fieldErrors.forbidden('value', 'may not be changed in an update.'));
    errs.push(...validateImmutable(n['preemptionPolicy'], p['preemptionPolicy'], 'preemptionPolicy'));
  },
});

export const runtimeClassStrategy = () => new RuleStrategy({ namespaced: false }, {
  validate: (o, errs) => {
    const h = str(o['handler']);
    if (!h) errs.push(fieldErrors.required('handler'));
    else for (const m of isDNS1123Label(h)) errs.push(fieldErrors.invalid('handler', h, m));
  },
  update: immutable('handler'),
});

export const ingressStrategy = () => new RuleStrategy({ namespaced: true, hasStatus: true, tracksGeneration: true }, {
  validate: (o, errs) => list(obj(o['spec'])['rules']).forEach((r, i) => list(obj(obj(r)['http'])['paths']).forEach((p, j) => {
    const pp = FieldPath.root('spec').child('rules').index(i).child('http', 'paths').index(j);
    checkEnum(errs, pp.child('pathType'), obj(p)['pathType'], ['Exact', 'Prefix', 'ImplementationSpecific'], true);
  })),
});

export const endpointSliceStrategy = () => new RuleStrategy({ namespaced: true, tracksGeneration: true }, {
  validate: (o, errs) => checkEnum(errs, FieldPath.root('addressType'), o['addressType'], ['IPv4', 'IPv6', 'FQDN'], true),
  update: immutable('addressType'),
});

export const csrStrategy = () => new RuleStrategy({ namespaced: false, hasStatus: true }, {
  create: (o, ctx) => {
    // The requester is whoever created the CSR, whatever the body claims (csr strategy PrepareForCreate).
    const s = (o['spec'] = obj(o['spec']));
    const u = ctx.user;
    if (u) {
      s['username'] = u.name;
      if (u.uid) s['uid'] = u.uid;
      s['groups'] = [...u.groups];
      if (u.extra) s['extra'] = u.extra;
    }
    o['status'] = {};
  },
  validate: (o, errs) => {
    const s = obj(o['spec']);
    if (!str(s['signerName'])) errs.push(fieldErrors.required('spec.signerName'));
    if (!str(s['request'])) errs.push(fieldErrors.required('spec.request'));
  },
  update: immutable('spec'),
});

const generated = (namespaced: boolean, hasStatus = false) => () => new RuleStrategy({ namespaced, hasStatus, tracksGeneration: true });

/** Strategies by `group/plural` (the apps and batch ones are added by groups.ts). */
export const OTHER_STRATEGIES: Readonly<Record<string, () => BaseStrategy>> = {
  'coordination.k8s.io/leases': leaseStrategy,
  'policy/poddisruptionbudgets': pdbStrategy,
  'rbac.authorization.k8s.io/roles': roleStrategy(true),
  'rbac.authorization.k8s.io/clusterroles': roleStrategy(false),
  'rbac.authorization.k8s.io/rolebindings': bindingStrategy(true),
  'rbac.authorization.k8s.io/clusterrolebindings': bindingStrategy(false),
  'storage.k8s.io/storageclasses': storageClassStrategy,
  'scheduling.k8s.io/priorityclasses': priorityClassStrategy,
  'node.k8s.io/runtimeclasses': runtimeClassStrategy,
  'networking.k8s.io/ingresses': ingressStrategy,
  'networking.k8s.io/networkpolicies': generated(true),
  'networking.k8s.io/ingressclasses': generated(false),
  'discovery.k8s.io/endpointslices': endpointSliceStrategy,
  'autoscaling/horizontalpodautoscalers': generated(true, true),
  'certificates.k8s.io/certificatesigningrequests': csrStrategy,
  'admissionregistration.k8s.io/mutatingwebhookconfigurations': generated(false),
  'admissionregistration.k8s.io/validatingwebhookconfigurations': generated(false),
  'admissionregistration.k8s.io/validatingadmissionpolicies': generated(false, true),
  'admissionregistration.k8s.io/validatingadmissionpolicybindings': generated(false),
  'events.k8s.io/events': () => new RuleStrategy({ namespaced: true }, { ttl: 3600 }),
  'flowcontrol.apiserver.k8s.io/flowschemas': generated(false, true),
  'flowcontrol.apiserver.k8s.io/prioritylevelconfigurations': generated(false, true),
};
