/**
 * @module PodSpec validation (pkg/apis/core/validation): containers (required, names, images,
 * ports and their duplicates, env, volume mounts, resources), volumes, restart and DNS
 * policies, tolerations; and the pod update rule (only images, activeDeadlineSeconds,
 * tolerations additions and a few more may change). Messages as kubectl prints them.
 */
import { isPlainObject, jsonEqual } from '../meta/object.js';
import { parseQuantity } from '../quantity.js';
import { type FieldError, FieldPath, fieldErrors } from './field-errors.js';
import { checkEnum, checkLabelMap, checkNonNegative, checkQuantity, list, obj, str } from './helpers.js';
import { isConfigMapKey, isDNS1123Label, isDNS1123Subdomain, isValidPortName, isValidPortNum } from './names.js';

const VOLUME_SOURCES = ['hostPath', 'emptyDir', 'gcePersistentDisk', 'awsElasticBlockStore', 'gitRepo', 'secret', 'nfs', 'iscsi', 'glusterfs',
  'persistentVolumeClaim', 'rbd', 'flexVolume', 'cinder', 'cephfs', 'flocker', 'downwardAPI', 'fc', 'azureFile', 'configMap', 'vsphereVolume',
  'quobyte', 'azureDisk', 'photonPersistentDisk', 'projected', 'portworxVolume', 'scaleIO', 'storageos', 'csi', 'ephemeral', 'image'];

function validateVolumes(volumes: unknown[], path: FieldPath): { errs: FieldError[]; names: Set<string> } {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  volumes.forEach((raw, i) => {
    const v = obj(raw);
    const p = path.index(i);
    const name = str(v['name']);
    if (!name) errs.push(fieldErrors.required(p.child('name')));
    else {
      for (const m of isDNS1123Label(name)) errs.push(fieldErrors.invalid(p.child('name'), name, m));
      if (names.has(name)) errs.push(fieldErrors.duplicate(p.child('name'), name));
      names.add(name);
    }
    const sources = VOLUME_SOURCES.filter((s) => v[s] !== undefined && v[s] !== null);
    if (sources.length === 0) errs.push(fieldErrors.required(p, 'must specify a volume type'));
    else if (sources.length > 1) errs.push(fieldErrors.forbidden(p.child(sources[1] ?? ''), 'may not specify more than 1 volume type'));
    const pvc = v['persistentVolumeClaim'];
    if (isPlainObject(pvc) && !str(pvc['claimName'])) errs.push(fieldErrors.required(p.child('persistentVolumeClaim', 'claimName')));
    const hp = v['hostPath'];
    if (isPlainObject(hp) && !str(hp['path'])) errs.push(fieldErrors.required(p.child('hostPath', 'path')));
    for (const src of ['configMap', 'secret'] as const) {
      const s = v[src];
      if (!isPlainObject(s)) continue;
      list(s['items']).forEach((it, j) => {
        const key = str(obj(it)['key']);
        const kp = p.child(src, 'items').index(j).child('key');
        if (!key) errs.push(fieldErrors.required(kp));
        else for (const m of isConfigMapKey(key)) errs.push(fieldErrors.invalid(kp, key, m));
      });
    }
  });
  return { errs, names };
}

const RESOURCE_NAMES = /^(cpu|memory|ephemeral-storage|hugepages-.+|[a-z0-9.-]+\/[A-Za-z0-9._-]+)$/;

function validateResources(errs: FieldError[], r: unknown, path: FieldPath): void {
  const res = obj(r);
  const limits = obj(res['limits']);
  const requests = obj(res['requests']);
  for (const [which, m] of [['limits', limits], ['requests', requests]] as const) {
    for (const [k, v] of Object.entries(m)) {
      const p = path.child(which).key(k);
      if (!RESOURCE_NAMES.test(k)) errs.push(fieldErrors.invalid(p, k, 'must be a standard resource type or fully qualified'));
      const q = checkQuantity(errs, p, v);
      if (q && q.sign() < 0) errs.push(fieldErrors.invalid(p, v, 'must be greater than or equal to 0'));
    }
  }
  for (const [k, v] of Object.entries(requests)) {
    if (limits[k] === undefined) continue;
    try {
      if (parseQuantity(String(v)).cmp(parseQuantity(String(limits[k]))) > 0) {
        errs.push(fieldErrors.invalid(path.child('requests').key(k), v, `must be less than or equal to ${k} limit of ${String(limits[k])}`));
      }
    } catch {
      // Already reported above.
    }
  }
}


interface ContainerContext {
  readonly volumes: ReadonlySet<string>;
  readonly names: Set<string>;
  readonly hostPorts: Set<string>;
  readonly warnings: string[];
}

function validateContainer(c: Record<string, unknown>, p: FieldPath, ctx: ContainerContext, errs: FieldError[]): void {
  const name = str(c['name']);
  if (!name) errs.push(fieldErrors.required(p.child('name')));
  else {
    for (const m of isDNS1123Label(name)) errs.push(fieldErrors.invalid(p.child('name'), name, m));
    if (ctx.names.has(name)) errs.push(fieldErrors.duplicate(p.child('name'), name));
    ctx.names.add(name);
  }
  if (!str(c['image']).trim()) errs.push(fieldErrors.required(p.child('image')));
  checkEnum(errs, p.child('imagePullPolicy'), c['imagePullPolicy'], ['Always', 'IfNotPresent', 'Never'], true);
  checkEnum(errs, p.child('terminationMessagePolicy'), c['terminationMessagePolicy'], ['File', 'FallbackToLogsOnError'], true);
  const portNames = new Set<string>();
  const seen = new Map<string, number>();
  list(c['ports']).forEach((raw, i) => {
    const port = obj(raw);
    const pp = p.child('ports').index(i);
    const pn = str(port['name']);
    if (pn) {
      for (const m of isValidPortName(pn)) errs.push(fieldErrors.invalid(pp.child('name'), pn, m));
      if (portNames.has(pn)) errs.push(fieldErrors.duplicate(pp.child('name'), pn));
      portNames.add(pn);
    }
    const cp = port['containerPort'];
    if (cp === undefined || cp === 0) errs.push(fieldErrors.required(pp.child('containerPort')));
    else for (const m of isValidPortNum(Number(cp))) errs.push(fieldErrors.invalid(pp.child('containerPort'), cp, m));
    const hp = port['hostPort'];
    if (hp !== undefined && hp !== 0) for (const m of isValidPortNum(Number(hp))) errs.push(fieldErrors.invalid(pp.child('hostPort'), hp, m));
    const proto = port['protocol'];
    checkEnum(errs, pp.child('protocol'), proto, ['SCTP', 'TCP', 'UDP'], true);
    const key = `${String(cp)}/${str(proto)}`;
    if (seen.has(key)) ctx.warnings.push(`${String(pp)}: duplicate port definition with ${String(p.child('ports').index(seen.get(key) ?? 0))}`);
    else seen.set(key, i);
    if (typeof hp === 'number' && hp !== 0) {
      const hk = `${str(port['hostIP'])}/${hp}/${str(proto)}`;
      if (ctx.hostPorts.has(hk)) errs.push(fieldErrors.duplicate(pp.child('hostPort'), `${hp}/${str(proto)}`));
      ctx.hostPorts.add(hk);
    }
  });
  list(c['env']).forEach((raw, i) => {
    const e = obj(raw);
    const ep = p.child('env').index(i);
    const en = str(e['name']);
    if (!en) errs.push(fieldErrors.required(ep.child('name')));
    else if (/[=]/.test(en) || [...en].some((ch) => (ch.codePointAt(0) ?? 0) < 0x20 || (ch.codePointAt(0) ?? 0) > 0x7e)) {
      errs.push(fieldErrors.invalid(ep.child('name'), en, "a valid environment variable name must consist only of printable ASCII characters other than '='"));
    }
    if (e['value'] !== undefined && e['valueFrom'] !== undefined) errs.push(fieldErrors.invalid(ep.child('valueFrom'), '', 'may not be specified when `value` is not empty'));
  });
  const mountPaths = new Set<string>();
  list(c['volumeMounts']).forEach((raw, i) => {
    const m = obj(raw);
    const mp = p.child('volumeMounts').index(i);
    const vn = str(m['name']);
    if (!vn) errs.push(fieldErrors.required(mp.child('name')));
    else if (!ctx.volumes.has(vn)) errs.push(fieldErrors.notFound(mp.child('name'), vn));
    const path = str(m['mountPath']);
    if (!path) errs.push(fieldErrors.required(mp.child('mountPath')));
    else if (mountPaths.has(path)) errs.push(fieldErrors.invalid(mp.child('mountPath'), path, 'must be unique'));
    mountPaths.add(path);
  });
  validateResources(errs, c['resources'], p.child('resources'));
}

/** Validates a PodSpec at `path`; duplicate container ports are reported as warnings. */
export function validatePodSpec(spec: unknown, path: FieldPath, warnings: string[] = [], opts: { restartPolicies?: readonly string[] } = {}): FieldError[] {
  const s = obj(spec);
  const { errs, names: volumes } = validateVolumes(list(s['volumes']), path.child('volumes'));
  const ctx: ContainerContext = { volumes, names: new Set(), hostPorts: new Set(), warnings };
  const containers = list(s['containers']);
  if (containers.length === 0) errs.push(fieldErrors.required(path.child('containers')));
  list(s['initContainers']).forEach((c, i) => validateContainer(obj(c), path.child('initContainers').index(i), ctx, errs));
  containers.forEach((c, i) => validateContainer(obj(c), path.child('containers').index(i), ctx, errs));
  checkEnum(errs, path.child('restartPolicy'), s['restartPolicy'], opts.restartPolicies ?? ['Always', 'OnFailure', 'Never'], true);
  checkEnum(errs, path.child('dnsPolicy'), s['dnsPolicy'], ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'], true);
  checkNonNegative(errs, path.child('terminationGracePeriodSeconds'), s['terminationGracePeriodSeconds']);
  const ads = s['activeDeadlineSeconds'];
  if (typeof ads === 'number' && ads <= 0) errs.push(fieldErrors.invalid(path.child('activeDeadlineSeconds'), ads, 'must be between 1 and 2147483647, inclusive'));
  checkLabelMap(errs, path.child('nodeSelector'), s['nodeSelector']);
  for (const f of ['serviceAccountName', 'nodeName'] as const) {
    const v = str(s[f]);
    if (v) for (const m of isDNS1123Subdomain(v)) errs.push(fieldErrors.invalid(path.child(f), v, m));
  }
  for (const f of ['hostname', 'subdomain'] as const) {
    const v = str(s[f]);
    if (v) for (const m of isDNS1123Label(v)) errs.push(fieldErrors.invalid(path.child(f), v, m));
  }
  list(s['tolerations']).forEach((raw, i) => {
    const t = obj(raw);
    const tp = path.child('tolerations').index(i);
    checkEnum(errs, tp.child('operator'), t['operator'], ['Equal', 'Exists']);
    checkEnum(errs, tp.child('effect'), t['effect'], ['NoSchedule', 'PreferNoSchedule', 'NoExecute']);
    if (t['operator'] === 'Exists' && str(t['value'])) errs.push(fieldErrors.invalid(tp.child('operator'), t['value'], 'value must be empty when `operator` is \'Exists\''));
  });
  return errs;
}

const UPDATABLE = ['`spec.containers[*].image`', '`spec.initContainers[*].image`', '`spec.activeDeadlineSeconds`',
  '`spec.tolerations` (only additions to existing tolerations)', '`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)'];

/** The pod update rule: the spec may change only in the updatable fields. */
export function validatePodSpecUpdate(next: unknown, prev: unknown): FieldError[] {
  const n = structuredClone(obj(next));
  const p = obj(prev);
  // Neutralize the fields an update may change, then require everything else to be equal.
  for (const list2 of ['containers', 'initContainers'] as const) {
    const nc = list(n[list2]);
    const pc = list(p[list2]);
    if (nc.length === pc.length) nc.forEach((c, i) => { if (isPlainObject(c)) c['image'] = obj(pc[i])['image']; });
  }
  n['activeDeadlineSeconds'] = p['activeDeadlineSeconds'];
  const oldTol = list(p['tolerations']);
  const newTol = list(n['tolerations']);
  if (oldTol.every((t) => newTol.some((x) => jsonEqual(x, t)))) n['tolerations'] = p['tolerations'];
  if (n['terminationGracePeriodSeconds'] === 1 && typeof p['terminationGracePeriodSeconds'] === 'number' && p['terminationGracePeriodSeconds'] < 0) {
    n['terminationGracePeriodSeconds'] = p['terminationGracePeriodSeconds'];
  }
  n['schedulingGates'] = list(n['schedulingGates']).length <= list(p['schedulingGates']).length ? p['schedulingGates'] : n['schedulingGates'];
  if (n['schedulingGates'] === undefined) delete n['schedulingGates'];
  if (n['tolerations'] === undefined) delete n['tolerations'];
  if (n['activeDeadlineSeconds'] === undefined) delete n['activeDeadlineSeconds'];
  if (jsonEqual(n, p)) return [];
  const changed = [...new Set([...Object.keys(n), ...Object.keys(p)])].filter((k) => !jsonEqual(n[k], p[k])).sort();
  return [fieldErrors.forbidden(FieldPath.root('spec'), `pod updates may not change fields other than ${UPDATABLE.join(',')}\n  (changed: ${changed.map((k) => `spec.${k}`).join(', ')})`)];
}
