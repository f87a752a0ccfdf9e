/**
 * @module Defaulting of the smaller API groups (each group's v1 defaults.go): network policies
 * (policyTypes, port protocols), ingress class parameters, endpoint slice ports, RBAC subjects and
 * role refs, storage classes and CSI drivers, priority classes, HPA v2 (min replicas, the CPU
 * metric, scaling behavior), webhook configurations and admission policies, flow control.
 * Every function mutates its argument.
 */
import { isPlainObject } from '../meta/object.js';
import { setDefault } from './pod.js';

type Obj = Record<string, unknown>;
const specOf = (o: Obj): Obj => (isPlainObject(o['spec']) ? o['spec'] : (o['spec'] = {}));
const objAt = (o: Obj, key: string): Obj => (isPlainObject(o[key]) ? o[key] : (o[key] = {}));
const each = (v: unknown, fn: (o: Obj) => void) => {
  if (Array.isArray(v)) for (const x of v) if (isPlainObject(x)) fn(x);
};

export function defaultNetworkPolicy(o: Obj): void {
  const s = specOf(o);
  setDefault(s, 'podSelector', {});
  if (!Array.isArray(s['policyTypes']) || s['policyTypes'].length === 0) {
    s['policyTypes'] = Array.isArray(s['egress']) && s['egress'].length ? ['Ingress', 'Egress'] : ['Ingress'];
  }
  for (const dir of ['ingress', 'egress']) each(s[dir], (r) => each(r['ports'], (p) => setDefault(p, 'protocol', 'TCP')));
}

export function defaultIngressClass(o: Obj): void {
  const p = specOf(o)['parameters'];
  if (isPlainObject(p)) setDefault(p, 'scope', 'Cluster');
}

export function defaultEndpointSlice(o: Obj): void {
  each(o['ports'], (p) => {
    setDefault(p, 'name', '');
    setDefault(p, 'protocol', 'TCP');
  });
}

const RBAC = 'rbac.authorization.k8s.io';

export function defaultRoleBinding(o: Obj): void {
  setDefault(objAt(o, 'roleRef'), 'apiGroup', RBAC);
  each(o['subjects'], (s) => {
    if (s['apiGroup'] === undefined && (s['kind'] === 'User' || s['kind'] === 'Group')) s['apiGroup'] = RBAC;
  });
}

export function defaultStorageClass(o: Obj): void {
  setDefault(o, 'reclaimPolicy', 'Delete');
  setDefault(o, 'volumeBindingMode', 'Immediate');
}

export function defaultCSIDriver(o: Obj): void {
  const s = specOf(o);
  setDefault(s, 'attachRequired', true);
  setDefault(s, 'podInfoOnMount', false);
  setDefault(s, 'storageCapacity', false);
  setDefault(s, 'fsGroupPolicy', 'ReadWriteOnceWithFSType');
  setDefault(s, 'volumeLifecycleModes', ['Persistent']);
  setDefault(s, 'requiresRepublish', false);
  setDefault(s, 'seLinuxMount', false);
}

export function defaultPriorityClass(o: Obj): void {
  setDefault(o, 'preemptionPolicy', 'PreemptLowerPriority');
}

function scalingRules(given: unknown, stabilization: number, policies: readonly Obj[]): Obj {
  const r: Obj = isPlainObject(given) ? given : {};
  setDefault(r, 'stabilizationWindowSeconds', stabilization);
  setDefault(r, 'selectPolicy', 'Max');
  if (!Array.isArray(r['policies']) || r['policies'].length === 0) r['policies'] = policies.map((p) => ({ ...p }));
  return r;
}

export function defaultHpaV2(o: Obj): void {
  const s = specOf(o);
  setDefault(s, 'minReplicas', 1);
  if (!Array.isArray(s['metrics']) || s['metrics'].length === 0) {
    s['metrics'] = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }];
  }
  if (isPlainObject(s['behavior'])) {
    const b = s['behavior'];
    b['scaleUp'] = scalingRules(b['scaleUp'], 0, [{ type: 'Pods', value: 4, periodSeconds: 15 }, { type: 'Percent', value: 100, periodSeconds: 15 }]);
    b['scaleDown'] = scalingRules(b['scaleDown'], 300, [{ type: 'Percent', value: 100, periodSeconds: 15 }]);
  }
}

/** autoscaling/v1: stored as v2, where the CPU metric defaults to 80%; read back, v1 shows it as the target. */
export function defaultHpaV1(o: Obj): void {
  const s = specOf(o);
  setDefault(s, 'minReplicas', 1);
  setDefault(s, 'targetCPUUtilizationPercentage', 80);
}

function defaultWebhook(w: Obj, mutating: boolean): void {
  setDefault(w, 'failurePolicy', 'Fail');
  setDefault(w, 'matchPolicy', 'Equivalent');
  setDefault(w, 'namespaceSelector', {});
  setDefault(w, 'objectSelector', {});
  setDefault(w, 'timeoutSeconds', 10);
  if (mutating) setDefault(w, 'reinvocationPolicy', 'Never');
  each(w['rules'], (r) => setDefault(r, 'scope', '*'));
  const svc = isPlainObject(w['clientConfig']) ? w['clientConfig']['service'] : undefined;
  if (isPlainObject(svc)) setDefault(svc, 'port', 443);
}

export function defaultValidatingWebhookConfiguration(o: Obj): void {
  each(o['webhooks'], (w) => defaultWebhook(w, false));
}

export function defaultMutatingWebhookConfiguration(o: Obj): void {
  each(o['webhooks'], (w) => defaultWebhook(w, true));
}

export function defaultValidatingAdmissionPolicy(o: Obj): void {
  const s = specOf(o);
  setDefault(s, 'failurePolicy', 'Fail');
  const mc = s['matchConstraints'];
  if (isPlainObject(mc)) {
    setDefault(mc, 'matchPolicy', 'Equivalent');
    setDefault(mc, 'namespaceSelector', {});
    setDefault(mc, 'objectSelector', {});
    each(mc['resourceRules'], (r) => setDefault(r, 'scope', '*'));
    each(mc['excludeResourceRules'], (r) => setDefault(r, 'scope', '*'));
  }
}

export function defaultValidatingAdmissionPolicyBinding(o: Obj): void {
  const s = specOf(o);
  const pr = s['paramRef'];
  if (isPlainObject(pr)) setDefault(pr, 'parameterNotFoundAction', 'Deny');
  const mr = s['matchResources'];
  if (isPlainObject(mr)) {
    setDefault(mr, 'matchPolicy', 'Equivalent');
    setDefault(mr, 'namespaceSelector', {});
    setDefault(mr, 'objectSelector', {});
  }
}

export function defaultFlowSchema(o: Obj): void {
  const s = specOf(o);
  if (s['matchingPrecedence'] === undefined || s['matchingPrecedence'] === 0) s['matchingPrecedence'] = 1000;
}

export function defaultPriorityLevelConfiguration(o: Obj): void {
  const s = specOf(o);
  const lim = s['limited'];
  if (isPlainObject(lim)) {
    setDefault(lim, 'nominalConcurrencyShares', 30);
    setDefault(lim, 'lendablePercent', 0);
    const lr = objAt(lim, 'limitResponse');
    if (lr['type'] === 'Queue') {
      const q = objAt(lr, 'queuing');
      if (!q['queues']) q['queues'] = 64;
      if (!q['handSize']) q['handSize'] = 8;
      if (!q['queueLengthLimit']) q['queueLengthLimit'] = 50;
    }
  }
  const ex = s['exempt'];
  if (isPlainObject(ex)) {
    setDefault(ex, 'nominalConcurrencyShares', 0);
    setDefault(ex, 'lendablePercent', 0);
  }
}
