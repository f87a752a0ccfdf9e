/**
 * @module Printers for core/v1 kinds other than pods: the columns kubectl shows for services,
 * nodes, namespaces, config maps, secrets, service accounts, events, endpoints, volumes and
 * claims, replication controllers, pod templates, limit ranges and resource quotas.
 */
import { isPlainObject, type KubeObject } from '../meta/object.js';
import { since } from './duration.js';
import { arr, containersAndImages, formatLabels, getPath, joinMax, num, objectAt, orNone, str } from './cells.js';
import { AGE_COLUMN, CONTAINERS_COLUMN, IMAGES_COLUMN, NAME_COLUMN, type Printer, SELECTOR_COLUMN, col } from './table.js';

const age = (o: KubeObject, now: number) => since(o.metadata.creationTimestamp, now);
const name = (o: KubeObject) => o.metadata.name ?? '';
const count = (m: unknown) => (isPlainObject(m) ? Object.keys(m).length : 0);

function servicePorts(ports: unknown[]): string {
  return ports.map((p) => {
    const proto = str(p, 'protocol') || 'TCP';
    const np = num(p, 'nodePort');
    return np ? `${num(p, 'port')}:${np}/${proto}` : `${num(p, 'port')}/${proto}`;
  }).join(',');
}

function loadBalancerIngress(status: unknown): string {
  return arr(status, 'loadBalancer', 'ingress').map((i) => str(i, 'ip') || str(i, 'hostname')).filter(Boolean).join(',');
}

function serviceExternalIP(svc: KubeObject): string {
  const spec = svc['spec'];
  const external = arr(spec, 'externalIPs').map(String);
  switch (str(spec, 'type') || 'ClusterIP') {
    case 'ClusterIP': case 'NodePort':
      return external.length ? external.join(',') : '<none>';
    case 'LoadBalancer': {
      const lb = loadBalancerIngress(svc['status']);
      const all = [...external, ...(lb ? [lb] : [])];
      return all.length ? all.join(',') : '<pending>';
    }
    case 'ExternalName':
      return str(spec, 'externalName');
    default:
      return '<unknown>';
  }
}

export const servicePrinter: Printer = {
  columns: [NAME_COLUMN, col('Type'), col('Cluster-IP'), col('External-IP'), col('Port(s)'), AGE_COLUMN, SELECTOR_COLUMN],
  row: (o, now) => {
    const spec = o['spec'];
    const ips = arr(spec, 'clusterIPs');
    return { cells: [name(o), str(spec, 'type') || 'ClusterIP', (ips.length ? String(ips[0]) : str(spec, 'clusterIP')) || '<none>',
      serviceExternalIP(o), orNone(servicePorts(arr(spec, 'ports'))), age(o, now), formatLabels(objectAt(spec, 'selector'))] };
  },
};

function nodeRoles(node: KubeObject): string {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.metadata.labels ?? {})) {
    if (k.startsWith('node-role.kubernetes.io/')) {
      const r = k.slice('node-role.kubernetes.io/'.length);
      if (r) roles.add(r);
    } else if (k === 'kubernetes.io/role' && v) {
      roles.add(v);
    }
  }
  return orNone([...roles].sort().join(','));
}

const nodeAddress = (node: KubeObject, type: string) =>
  str(arr(node['status'], 'addresses').find((a) => str(a, 'type') === type), 'address') || '<none>';

export const nodePrinter: Printer = {
  columns: [NAME_COLUMN, col('Status'), col('Roles'), AGE_COLUMN, col('Version'),
    col('Internal-IP', { priority: 1 }), col('External-IP', { priority: 1 }), col('OS-Image', { priority: 1 }),
    col('Kernel-Version', { priority: 1 }), col('Container-Runtime', { priority: 1 })],
  row: (o, now) => {
    const status: string[] = [];
    const ready = arr(o['status'], 'conditions').find((c) => str(c, 'type') === 'Ready');
    if (ready !== undefined) status.push(str(ready, 'status') === 'True' ? 'Ready' : 'NotReady');
    if (status.length === 0) status.push('Unknown');
    if (getPath(o, ['spec', 'unschedulable']) === true) status.push('SchedulingDisabled');
    const info = getPath(o, ['status', 'nodeInfo']);
    return { cells: [name(o), status.join(','), nodeRoles(o), age(o, now), str(info, 'kubeletVersion'),
      nodeAddress(o, 'InternalIP'), nodeAddress(o, 'ExternalIP'), str(info, 'osImage') || '<unknown>',
      str(info, 'kernelVersion') || '<unknown>', str(info, 'containerRuntimeVersion') || '<unknown>'] };
  },
};

export const namespacePrinter: Printer = {
  columns: [NAME_COLUMN, col('Status'), AGE_COLUMN],
  row: (o, now) => ({ cells: [name(o), str(o['status'], 'phase'), age(o, now)] }),
};

export const configMapPrinter: Printer = {
  columns: [NAME_COLUMN, col('Data', { type: 'integer' }), AGE_COLUMN],
  row: (o, now) => ({ cells: [name(o), count(o['data']) + count(o['binaryData']), age(o, now)] }),
};

export const secretPrinter: Printer = {
  columns: [NAME_COLUMN, col('Type'), col('Data', { type: 'integer' }), AGE_COLUMN],
  row: (o, now) => ({ cells: [name(o), typeof o['type'] === 'string' ? o['type'] : 'Opaque', count(o['data']), age(o, now)] }),
};

export const serviceAccountPrinter: Printer = {
  columns: [NAME_COLUMN, col('Secrets', { type: 'integer' }), AGE_COLUMN],
  row: (o, now) => ({ cells: [name(o), arr(o, 'secrets').length, age(o, now)] }),
};

function eventSource(e: KubeObject): string {
  const component = str(e, 'source', 'component') || str(e, 'reportingComponent');
  const host = str(e, 'source', 'host') || str(e, 'reportingInstance');
  return host ? `${component}, ${host}` : component;
}

export const eventPrinter: Printer = {
  columns: [col('Last Seen'), col('Type'), col('Reason'), col('Object'), col('Subobject', { priority: 1 }), col('Source', { priority: 1 }),
    col('Message'), col('First Seen', { priority: 1 }), col('Count', { type: 'integer', priority: 1 }), col('Name', { priority: 1 })],
  row: (o, now) => {
    const first = str(o, 'firstTimestamp') ? since(str(o, 'firstTimestamp'), now) : since(str(o, 'eventTime'), now);
    let last = str(o, 'lastTimestamp') ? since(str(o, 'lastTimestamp'), now) : first;
    let n = num(o, 'count');
    const series = objectAt(o, 'series');
    if (series) {
      last = since(str(series, 'lastObservedTime'), now);
      n = num(series, 'count');
    } else if (n === 0) {
      n = 1;
    }
    const kind = str(o, 'involvedObject', 'kind').toLowerCase();
    const target = str(o, 'involvedObject', 'name') ? `${kind}/${str(o, 'involvedObject', 'name')}` : kind;
    return { cells: [last, str(o, 'type'), str(o, 'reason'), target, str(o, 'involvedObject', 'fieldPath'), eventSource(o),
      str(o, 'message').trim(), first, n, name(o)] };
  },
};

/** `10.0.0.1:80,10.0.0.2:80 + 3 more...` (at most three endpoints shown). */
export function formatEndpoints(o: KubeObject): string {
  const all: string[] = [];
  for (const subset of arr(o, 'subsets')) {
    const ports = arr(subset, 'ports');
    for (const a of arr(subset, 'addresses')) {
      if (ports.length === 0) all.push(str(a, 'ip'));
      for (const p of ports) all.push(`${str(a, 'ip')}:${num(p, 'port')}`);
    }
  }
  return all.length ? joinMax(all, 3) : '<none>';
}

export const endpointsPrinter: Printer = {
  columns: [NAME_COLUMN, col('Endpoints'), AGE_COLUMN],
  row: (o, now) => ({ cells: [name(o), formatEndpoints(o), age(o, now)] }),
};

const ACCESS_MODES: Readonly<Record<string, string>> = { ReadWriteOnce: 'RWO', ReadOnlyMany: 'ROX', ReadWriteMany: 'RWX', ReadWriteOncePod: 'RWOP' };
const accessModes = (spec: unknown) => arr(spec, 'accessModes').map((m) => ACCESS_MODES[String(m)] ?? String(m)).join(',');

export const persistentVolumePrinter: Printer = {
  columns: [NAME_COLUMN, col('Capacity'), col('Access Modes'), col('Reclaim Policy'), col('Status'), col('Claim'),
    col('StorageClass'), col('VolumeAttributesClass'), col('Reason'), AGE_COLUMN, col('VolumeMode', { priority: 1 })],
  row: (o, now) => {
    const spec = o['spec'];
    const claim = str(spec, 'claimRef', 'name') ? `${str(spec, 'claimRef', 'namespace')}/${str(spec, 'claimRef', 'name')}` : '';
    return { cells: [name(o), str(spec, 'capacity', 'storage'), accessModes(spec), str(spec, 'persistentVolumeReclaimPolicy'),
      str(o['status'], 'phase'), claim, str(spec, 'storageClassName'), str(spec, 'volumeAttributesClassName') || '<unset>',
      str(o['status'], 'reason'), age(o, now), str(spec, 'volumeMode') || '<unset>'] };
  },
};

export const persistentVolumeClaimPrinter: Printer = {
  columns: [NAME_COLUMN, col('Status'), col('Volume'), col('Capacity'), col('Access Modes'), col('StorageClass'),
    col('VolumeAttributesClass'), AGE_COLUMN, col('VolumeMode', { priority: 1 })],
  row: (o, now) => {
    const spec = o['spec'];
    const status = o['status'];
    const phase = o.metadata.deletionTimestamp ? 'Terminating' : str(status, 'phase');
    const bound = str(spec, 'volumeName') !== '';
    return { cells: [name(o), phase, str(spec, 'volumeName'), bound ? str(status, 'capacity', 'storage') : '',
      bound ? accessModes(status) : '', str(spec, 'storageClassName'), str(spec, 'volumeAttributesClassName') || '<unset>',
      age(o, now), str(spec, 'volumeMode') || '<unset>'] };
  },
};

export const replicationControllerPrinter: Printer = {
  columns: [NAME_COLUMN, col('Desired', { type: 'integer' }), col('Current', { type: 'integer' }), col('Ready', { type: 'integer' }),
    AGE_COLUMN, CONTAINERS_COLUMN, IMAGES_COLUMN, SELECTOR_COLUMN],
  row: (o, now) => {
    const [c, i] = containersAndImages(getPath(o, ['spec', 'template', 'spec']));
    return { cells: [name(o), num(o, 'spec', 'replicas'), num(o, 'status', 'replicas'), num(o, 'status', 'readyReplicas'),
      age(o, now), c, i, formatLabels(getPath(o, ['spec', 'selector']))] };
  },
};

export const podTemplatePrinter: Printer = {
  columns: [NAME_COLUMN, col('Containers'), col('Images'), col('Pod Labels')],
  row: (o) => {
    const [c, i] = containersAndImages(getPath(o, ['template', 'spec']));
    return { cells: [name(o), c, i, formatLabels(getPath(o, ['template', 'metadata', 'labels']))] };
  },
};

export const limitRangePrinter: Printer = {
  columns: [NAME_COLUMN, col('Created At', { type: 'date' })],
  row: (o) => ({ cells: [name(o), o.metadata.creationTimestamp ?? null] }),
};

function quotaPairs(hard: unknown, used: unknown, want: (k: string) => boolean): string {
  if (!isPlainObject(hard)) return '';
  return Object.keys(hard).filter(want).sort()
    .map((k) => `${k}: ${isPlainObject(used) && typeof used[k] === 'string' ? used[k] : '0'}/${String(hard[k])}`).join(', ');
}

export const resourceQuotaPrinter: Printer = {
  columns: [NAME_COLUMN, AGE_COLUMN, col('Request'), col('Limit')],
  row: (o, now) => {
    // Only what the quota controller reported (status.hard), as kubectl's printer shows it.
    const hard = getPath(o, ['status', 'hard']);
    const used = getPath(o, ['status', 'used']);
    return { cells: [name(o), age(o, now), quotaPairs(hard, used, (k) => !k.startsWith('limits.')), quotaPairs(hard, used, (k) => k.startsWith('limits.'))] };
  },
};

export const componentStatusPrinter: Printer = {
  columns: [NAME_COLUMN, col('Status'), col('Message'), col('Error')],
  row: (o) => {
    const c = arr(o, 'conditions').find((x) => str(x, 'type') === 'Healthy');
    const status = c === undefined ? 'Unknown' : str(c, 'status') === 'True' ? 'Healthy' : 'Unhealthy';
    return { cells: [name(o), status, str(c, 'message'), str(c, 'error')] };
  },
};
