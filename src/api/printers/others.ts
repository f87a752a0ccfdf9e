/**
 * @module Printers for the remaining groups kubectl users look at: leases, ingresses, ingress
 * classes, network policies, endpoint slices, HPAs, PDBs, storage classes, priority classes,
 * runtime classes, RBAC bindings, CSRs and webhook configurations.
 */
import type { KubeObject } from '../meta/object.js';
import { formatLabelSelectorObject } from '../labels/from-object.js';
import { since } from './duration.js';
import { arr, getPath, joinMax, num, objectAt, str } from './cells.js';
import { AGE_COLUMN, NAME_COLUMN, type Printer, col } from './table.js';

const age = (o: KubeObject, now: number) => since(o.metadata.creationTimestamp, now);
const name = (o: KubeObject) => o.metadata.name ?? '';
const int = (n: string) => col(n, { type: 'integer' });
const intOrString = (v: unknown) => (v === undefined || v === null ? 'N/A' : String(v));

export const leasePrinter: Printer = {
  columns: [NAME_COLUMN, col('Holder'), AGE_COLUMN],
  row: (o, now) => ({ cells: [name(o), str(o, 'spec', 'holderIdentity'), age(o, now)] }),
};

export const ingressPrinter: Printer = {
  columns: [NAME_COLUMN, col('Class'), col('Hosts'), col('Address'), col('Ports'), AGE_COLUMN],
  row: (o, now) => {
    const spec = o['spec'];
    const hosts = arr(spec, 'rules').map((r) => str(r, 'host') || '*');
    const address = arr(o['status'], 'loadBalancer', 'ingress').map((i) => str(i, 'ip') || str(i, 'hostname')).join(',');
    return { cells: [name(o), str(spec, 'ingressClassName') || '<none>', hosts.length ? joinMax(hosts, 4) : '*', address,
      arr(spec, 'tls').length ? '80, 443' : '80', age(o, now)] };
  },
};

export const ingressClassPrinter: Printer = {
  columns: [NAME_COLUMN, col('Controller'), col('Parameters'), AGE_COLUMN],
  row: (o, now) => {
    const p = objectAt(o['spec'], 'parameters');
    const params = p ? `${str(p, 'kind')}.${str(p, 'apiGroup')}/${str(p, 'name')}`.replace('./', '/') : '<none>';
    return { cells: [name(o), str(o, 'spec', 'controller'), params, age(o, now)] };
  },
};

export const networkPolicyPrinter: Printer = {
  columns: [NAME_COLUMN, col('Pod-Selector'), AGE_COLUMN],
  row: (o, now) => {
    const s = formatLabelSelectorObject(getPath(o, ['spec', 'podSelector']));
    return { cells: [name(o), s === '<none>' ? '<none>' : s, age(o, now)] };
  },
};

export const endpointSlicePrinter: Printer = {
  columns: [NAME_COLUMN, col('AddressType'), col('Ports'), col('Endpoints'), AGE_COLUMN],
  row: (o, now) => {
    const ports = arr(o, 'ports').map((p) => (getPath(p, ['port']) === undefined ? '<unset>' : String(num(p, 'port'))));
    const addrs = arr(o, 'endpoints').flatMap((e) => arr(e, 'addresses').map(String));
    return { cells: [name(o), str(o, 'addressType'), ports.length ? joinMax(ports, 3) : '<unset>', addrs.length ? joinMax(addrs, 3) : '<unset>', age(o, now)] };
  },
};

/** One metric as kubectl's TARGETS column shows it: `cpu: 40%/50%`, `memory: <unknown>/1Gi`. */
function hpaMetric(spec: unknown, status: unknown): string {
  const type = str(spec, 'type');
  const key = type === 'ContainerResource' ? 'containerResource' : type === 'Resource' ? 'resource' : type.charAt(0).toLowerCase() + type.slice(1);
  const src = getPath(spec, [key]);
  const cur = getPath(status, [key, 'current']);
  const target = getPath(src, ['target']);
  const name = type === 'Resource' || type === 'ContainerResource' ? str(src, 'name') : str(src, 'metric', 'name');
  const value = (o: unknown) => str(o, 'averageValue') || str(o, 'value');
  if (str(target, 'type') === 'Utilization' || (type === 'Resource' && !value(target))) {
    const u = getPath(cur, ['averageUtilization']);
    const t = getPath(target, ['averageUtilization']);
    return `${name}: ${typeof u === 'number' ? `${u}%` : '<unknown>'}/${typeof t === 'number' ? `${t}%` : '<auto>'}`;
  }
  return `${name}: ${value(cur) || '<unknown>'}/${value(target) || '<unknown>'}${str(target, 'type') === 'AverageValue' && type !== 'Resource' ? ' (avg)' : ''}`;
}

function hpaTargets(o: KubeObject): string {
  const spec = o['spec'];
  const cpu = getPath(spec, ['targetCPUUtilizationPercentage']);
  if (typeof cpu === 'number') {
    const cur = getPath(o, ['status', 'currentCPUUtilizationPercentage']);
    return `cpu: ${typeof cur === 'number' ? `${cur}%` : '<unknown>'}/${cpu}%`;
  }
  const metrics = arr(spec, 'metrics');
  if (metrics.length === 0) return '<none>';
  const current = arr(o['status'], 'currentMetrics');
  const shown = metrics.slice(0, 2).map((m, i) => hpaMetric(m, current[i]));
  return metrics.length > 2 ? `${shown.join(', ')} + ${metrics.length - 2} more...` : shown.join(', ');
}

export const hpaPrinter: Printer = {
  columns: [NAME_COLUMN, col('Reference'), col('Targets'), int('MinPods'), int('MaxPods'), int('Replicas'), AGE_COLUMN],
  row: (o, now) => {
    const spec = o['spec'];
    const ref = `${str(spec, 'scaleTargetRef', 'kind')}/${str(spec, 'scaleTargetRef', 'name')}`;
    const min = typeof getPath(spec, ['minReplicas']) === 'number' ? num(spec, 'minReplicas') : 1;
    return { cells: [name(o), ref, hpaTargets(o), min, num(spec, 'maxReplicas'), num(o, 'status', 'currentReplicas'), age(o, now)] };
  },
};

export const pdbPrinter: Printer = {
  columns: [NAME_COLUMN, col('Min Available'), col('Max Unavailable'), int('Allowed Disruptions'), AGE_COLUMN],
  row: (o, now) => ({ cells: [name(o), intOrString(getPath(o, ['spec', 'minAvailable'])), intOrString(getPath(o, ['spec', 'maxUnavailable'])),
    num(o, 'status', 'disruptionsAllowed'), age(o, now)] }),
};

export const storageClassPrinter: Printer = {
  columns: [NAME_COLUMN, col('Provisioner'), col('ReclaimPolicy'), col('VolumeBindingMode'), col('AllowVolumeExpansion', { type: 'boolean' }), AGE_COLUMN],
  row: (o, now) => {
    const a = o.metadata.annotations ?? {};
    const isDefault = a['storageclass.kubernetes.io/is-default-class'] === 'true' || a['storageclass.beta.kubernetes.io/is-default-class'] === 'true';
    return { cells: [isDefault ? `${name(o)} (default)` : name(o), str(o, 'provisioner'), str(o, 'reclaimPolicy') || 'Delete',
      str(o, 'volumeBindingMode') || 'Immediate', getPath(o, ['allowVolumeExpansion']) === true, age(o, now)] };
  },
};

export const priorityClassPrinter: Printer = {
  columns: [NAME_COLUMN, int('Value'), col('Global-Default', { type: 'boolean' }), AGE_COLUMN, col('PreemptionPolicy')],
  row: (o, now) => ({ cells: [name(o), num(o, 'value'), getPath(o, ['globalDefault']) === true, age(o, now), str(o, 'preemptionPolicy') || 'PreemptLowerPriority'] }),
};

export const runtimeClassPrinter: Printer = {
  columns: [NAME_COLUMN, col('Handler'), AGE_COLUMN],
  row: (o, now) => ({ cells: [name(o), str(o, 'handler'), age(o, now)] }),
};

function subjects(o: KubeObject, kind: string): string {
  return arr(o, 'subjects').filter((s) => str(s, 'kind') === kind)
    .map((s) => (kind === 'ServiceAccount' ? `${str(s, 'namespace')}/${str(s, 'name')}` : str(s, 'name'))).join(', ');
}

export const roleBindingPrinter: Printer = {
  columns: [NAME_COLUMN, col('Role'), AGE_COLUMN, col('Users', { priority: 1 }), col('Groups', { priority: 1 }), col('ServiceAccounts', { priority: 1 })],
  row: (o, now) => ({ cells: [name(o), `${str(o, 'roleRef', 'kind')}/${str(o, 'roleRef', 'name')}`, age(o, now),
    subjects(o, 'User'), subjects(o, 'Group'), subjects(o, 'ServiceAccount')] }),
};

export const csrPrinter: Printer = {
  columns: [NAME_COLUMN, AGE_COLUMN, col('SignerName'), col('Requestor'), col('RequestedDuration'), col('Condition')],
  row: (o, now) => {
    const conds = arr(o['status'], 'conditions').map((c) => str(c, 'type'));
    const secs = getPath(o, ['spec', 'expirationSeconds']);
    const dur = typeof secs === 'number' ? `${Math.round(secs / 60)}m` : '<none>';
    return { cells: [name(o), age(o, now), str(o, 'spec', 'signerName'), str(o, 'spec', 'username'), dur, conds.length ? conds.join(',') : 'Pending'] };
  },
};

export const webhookConfigurationPrinter: Printer = {
  columns: [NAME_COLUMN, int('Webhooks'), AGE_COLUMN],
  row: (o, now) => ({ cells: [name(o), arr(o, 'webhooks').length, age(o, now)] }),
};
