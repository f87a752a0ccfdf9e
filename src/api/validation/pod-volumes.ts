/**
 * @module Pod volumes (pkg/apis/core/validation ValidateVolumes): unique DNS-1123 names, exactly
 * one volume source (a second one is Forbidden at its own path, in upstream's order and with its
 * path spellings), and each source's required fields. A volume with any error is left out of the
 * returned set, so mounts of it report `Not found` as upstream does.
 */
import { type FieldError, type FieldPath, fieldErrors } from './field-errors.js';
import { checkEnum, list, obj, qty, str } from './helpers.js';
import { inclusiveRange, isDNS1123Label, isDNS1123Subdomain } from './names.js';
import { validateDownwardAPIFile, validateKeyToPath, validateLocalDescendingPath, validateLocalNonReservedPath, validateMode, validatePathNoBacksteps } from './pod-paths.js';
import { validatePvcTemplate } from './storage-claims.js';

type Obj = Record<string, unknown>;
type SourceCheck = (errs: FieldError[], s: Obj, path: FieldPath, ctx: VolumeContext) => void;

export interface VolumeContext {
  /** The pod's name when validating a pod (ephemeral volumes name their claims after it). */
  readonly podName?: string;
  readonly volumeName: string;
  readonly resourceIsPod: boolean;
}

export const HOST_PATH_TYPES = ['', 'BlockDevice', 'CharDevice', 'Directory', 'DirectoryOrCreate', 'File', 'FileOrCreate', 'Socket'];
const PARTITION_MSG = inclusiveRange(1, 255);

const required = (errs: FieldError[], s: Obj, path: FieldPath, ...fields: string[]) => {
  for (const f of fields) if (!str(s[f])) errs.push(fieldErrors.required(path.child(f)));
};
const requiredList = (errs: FieldError[], s: Obj, path: FieldPath, f: string) => {
  if (list(s[f]).length === 0) errs.push(fieldErrors.required(path.child(f)));
};
const partition = (errs: FieldError[], s: Obj, path: FieldPath) => {
  const p = s['partition'];
  if (typeof p === 'number' && (p < 0 || p > 255)) errs.push(fieldErrors.invalid(path.child('partition'), p, PARTITION_MSG));
};
const secretRefName = (errs: FieldError[], s: Obj, path: FieldPath) => {
  if (s['secretRef'] !== undefined && s['secretRef'] !== null && !str(obj(s['secretRef'])['name'])) errs.push(fieldErrors.required(path.child('secretRef', 'name')));
};

const hostPath: SourceCheck = (errs, s, path) => {
  const p = str(s['path']);
  if (!p) return void errs.push(fieldErrors.required(path.child('path')));
  validatePathNoBacksteps(errs, p, path.child('path'));
  if (s['type'] !== undefined && s['type'] !== null && !HOST_PATH_TYPES.includes(str(s['type']))) {
    errs.push(fieldErrors.notSupported(path.child('type'), s['type'], HOST_PATH_TYPES));
  }
};

function validateItems(errs: FieldError[], s: Obj, path: FieldPath): void {
  validateMode(errs, s['defaultMode'], path.child('defaultMode'));
  list(s['items']).forEach((it, i) => validateKeyToPath(errs, it, path.child('items').index(i)));
}

function validateProjected(errs: FieldError[], s: Obj, path: FieldPath): void {
  validateMode(errs, s['defaultMode'], path.child('defaultMode'));
  const seen = new Set<string>();
  const track = (p: string, value: unknown) => {
    if (!p) return;
    if (seen.has(p)) errs.push(fieldErrors.invalid(path, value, 'conflicting duplicate paths'));
    seen.add(p);
  };
  list(s['sources']).forEach((raw, i) => {
    const src = obj(raw);
    const sp = path.child('sources').index(i);
    let n = 0;
    for (const kind of ['secret', 'configMap'] as const) {
      if (src[kind] === undefined || src[kind] === null) continue;
      n++;
      const o = obj(src[kind]);
      if (!str(o['name'])) errs.push(fieldErrors.required(sp.child(kind, 'name')));
      list(o['items']).forEach((it, j) => {
        validateKeyToPath(errs, it, sp.child(kind, 'items').index(j));
        track(str(obj(it)['path']), str(o['name']));
      });
    }
    if (src['downwardAPI'] !== undefined && src['downwardAPI'] !== null) {
      n++;
      for (const f of list(obj(src['downwardAPI'])['items'])) {
        validateDownwardAPIFile(errs, f, sp.child('downwardAPI'));
        track(str(obj(f)['path']), str(obj(f)['path']));
      }
    }
    if (src['serviceAccountToken'] !== undefined && src['serviceAccountToken'] !== null) {
      n++;
      const t = obj(src['serviceAccountToken']);
      const exp = typeof t['expirationSeconds'] === 'number' ? t['expirationSeconds'] : 0;
      const ep = sp.child('serviceAccountToken', 'expirationSeconds');
      if (exp < 600) errs.push(fieldErrors.invalid(ep, exp, 'may not specify a duration less than 10 minutes'));
      if (exp > 2 ** 32) errs.push(fieldErrors.invalid(ep, exp, 'may not specify a duration larger than 2^32 seconds'));
      // Upstream reports the token path on the projected volume's path, not the source's.
      if (!str(t['path'])) errs.push(fieldErrors.required(path.child('path')));
      else validateLocalNonReservedPath(errs, str(t['path']), path.child('path'));
    }
    if (src['clusterTrustBundle'] !== undefined && src['clusterTrustBundle'] !== null) {
      n++;
      const b = obj(src['clusterTrustBundle']);
      const bp = sp.child('clusterTrustBundle');
      const hasName = typeof b['name'] === 'string';
      const hasSigner = typeof b['signerName'] === 'string';
      if (hasName && hasSigner) errs.push(fieldErrors.invalid(bp, b, 'only one of name and signerName may be used'));
      else if (!hasName && !hasSigner) errs.push(fieldErrors.required(bp, 'either name or signerName must be specified'));
      if (!str(b['path'])) errs.push(fieldErrors.required(bp.child('path')));
      validateLocalNonReservedPath(errs, str(b['path']), bp.child('path'));
      track(str(b['path']), str(b['path']));
    }
    if (n > 1) errs.push(fieldErrors.forbidden(sp, 'may not specify more than 1 volume type per source'));
  });
}

const AZURE_CACHING = ['None', 'ReadOnly', 'ReadWrite'];
const AZURE_KINDS = ['Dedicated', 'Managed', 'Shared'];

/** Volume sources in upstream's order, with the path its "more than 1" error and its checks use. */
const SOURCES: ReadonlyArray<readonly [key: string, forbiddenPath: string, check: SourceCheck]> = [
  ['emptyDir', 'emptyDir', (errs, s, path) => {
    const q = qty(s['sizeLimit']);
    if (q && q.sign() < 0) errs.push(fieldErrors.forbidden(path.child('sizeLimit'), 'SizeLimit field must be a valid resource quantity'));
  }],
  ['hostPath', 'hostPath', hostPath],
  ['gitRepo', 'gitRepo', (errs, s, path) => {
    required(errs, s, path, 'repository');
    validateLocalDescendingPath(errs, str(s['directory']), path.child('directory'));
  }],
  ['gcePersistentDisk', 'gcePersistentDisk', (errs, s, path) => { required(errs, s, path, 'pdName'); partition(errs, s, path); }],
  ['awsElasticBlockStore', 'awsElasticBlockStore', (errs, s, path) => { required(errs, s, path, 'volumeID'); partition(errs, s, path); }],
  ['secret', 'secret', (errs, s, path) => { required(errs, s, path, 'secretName'); validateItems(errs, s, path); }],
  ['nfs', 'nfs', (errs, s, path) => {
    required(errs, s, path, 'server', 'path');
    if (!str(s['path']).startsWith('/')) errs.push(fieldErrors.invalid(path.child('path'), str(s['path']), 'must be an absolute path'));
  }],
  ['iscsi', 'iscsi', (errs, s, path) => {
    required(errs, s, path, 'targetPortal', 'iqn');
    const iqn = str(s['iqn']);
    if (iqn && !iqn.startsWith('iqn') && !iqn.startsWith('eui') && !iqn.startsWith('naa')) {
      errs.push(fieldErrors.invalid(path.child('iqn'), iqn, 'must be valid format starting with iqn, eui, or naa'));
    }
    const lun = s['lun'];
    if (typeof lun === 'number' && (lun < 0 || lun > 255)) errs.push(fieldErrors.invalid(path.child('lun'), lun, inclusiveRange(0, 255)));
    if ((s['chapAuthDiscovery'] === true || s['chapAuthSession'] === true) && (s['secretRef'] === undefined || s['secretRef'] === null)) {
      errs.push(fieldErrors.required(path.child('secretRef')));
    }
  }],
  ['glusterfs', 'glusterfs', (errs, s, path) => required(errs, s, path, 'endpoints', 'path')],
  ['flocker', 'flocker', (errs, s, path) => {
    const name = str(s['datasetName']);
    const uuid = str(s['datasetUUID']);
    if (!name && !uuid) errs.push(fieldErrors.required(path, 'one of datasetName and datasetUUID is required'));
    if (name && uuid) errs.push(fieldErrors.invalid(path, 'resource', 'datasetName and datasetUUID can not be specified simultaneously'));
    if (name.includes('/')) errs.push(fieldErrors.invalid(path.child('datasetName'), name, "must not contain '/'"));
  }],
  ['persistentVolumeClaim', 'persistentVolumeClaim', (errs, s, path) => required(errs, s, path, 'claimName')],
  ['rbd', 'rbd', (errs, s, path) => { requiredList(errs, s, path, 'monitors'); required(errs, s, path, 'image'); }],
  ['cinder', 'cinder', (errs, s, path) => { required(errs, s, path, 'volumeID'); secretRefName(errs, s, path); }],
  ['cephfs', 'cephFS', (errs, s, path) => requiredList(errs, s, path, 'monitors')],
  ['quobyte', 'quobyte', (errs, s, path) => {
    if (!str(s['registry'])) errs.push(fieldErrors.required(path.child('registry'), 'must be a host:port pair or multiple pairs separated by commas'));
    required(errs, s, path, 'volume');
  }],
  // "downwarAPI" is upstream's spelling of this path.
  ['downwardAPI', 'downwarAPI', (errs, s, path) => {
    validateMode(errs, s['defaultMode'], path.child('defaultMode'));
    for (const f of list(s['items'])) validateDownwardAPIFile(errs, f, path);
  }],
  ['fc', 'fc', (errs, s, path) => {
    const wwns = list(s['targetWWNs']);
    const wwids = list(s['wwids']);
    if (wwns.length === 0 && wwids.length === 0) errs.push(fieldErrors.required(path.child('targetWWNs'), 'must specify either targetWWNs or wwids, but not both'));
    if (wwns.length && wwids.length) errs.push(fieldErrors.invalid(path.child('targetWWNs'), s['targetWWNs'], 'targetWWNs and wwids can not be specified simultaneously'));
    if (wwns.length) {
      const lun = s['lun'];
      if (typeof lun !== 'number') errs.push(fieldErrors.required(path.child('lun'), 'lun is required if targetWWNs is specified'));
      else if (lun < 0 || lun > 255) errs.push(fieldErrors.invalid(path.child('lun'), lun, inclusiveRange(0, 255)));
    }
  }],
  ['flexVolume', 'flexVolume', (errs, s, path) => {
    required(errs, s, path, 'driver');
    for (const k of Object.keys(obj(s['options']))) {
      const ns = `.${(k.includes('/') ? k.slice(0, k.indexOf('/')) : k).toLowerCase()}`;
      if (ns.endsWith('.kubernetes.io') || ns.endsWith('.k8s.io')) errs.push(fieldErrors.invalid(path.child('options').key(k), k, 'kubernetes.io and k8s.io namespaces are reserved'));
    }
  }],
  ['configMap', 'configMap', (errs, s, path) => { required(errs, s, path, 'name'); validateItems(errs, s, path); }],
  ['azureFile', 'azureFile', (errs, s, path) => required(errs, s, path, 'secretName', 'shareName')],
  ['vsphereVolume', 'vsphereVolume', (errs, s, path) => required(errs, s, path, 'volumePath')],
  ['photonPersistentDisk', 'photonPersistentDisk', (errs, s, path) => required(errs, s, path, 'pdID')],
  ['portworxVolume', 'portworxVolume', (errs, s, path) => required(errs, s, path, 'volumeID')],
  ['azureDisk', 'azureDisk', (errs, s, path) => {
    required(errs, s, path, 'diskName', 'diskURI');
    checkEnum(errs, path.child('cachingMode'), s['cachingMode'], AZURE_CACHING);
    checkEnum(errs, path.child('kind'), s['kind'], AZURE_KINDS);
  }],
  ['storageos', 'storageos', (errs, s, path) => {
    const vn = str(s['volumeName']);
    if (!vn) errs.push(fieldErrors.required(path.child('volumeName')));
    else for (const m of isDNS1123Label(vn)) errs.push(fieldErrors.invalid(path.child('volumeName'), vn, m));
    const ns = str(s['volumeNamespace']);
    if (ns) for (const m of isDNS1123Label(ns)) errs.push(fieldErrors.invalid(path.child('volumeNamespace'), ns, m));
    secretRefName(errs, s, path);
  }],
  ['projected', 'projected', (errs, s, path) => validateProjected(errs, s, path)],
  ['scaleIO', 'scaleIO', (errs, s, path) => required(errs, s, path, 'gateway', 'system', 'volumeName')],
  ['csi', 'csi', (errs, s, path) => {
    validateCSIDriverName(errs, str(s['driver']), path.child('driver'));
    const ref = s['nodePublishSecretRef'];
    if (ref !== undefined && ref !== null && !str(obj(ref)['name'])) errs.push(fieldErrors.required(path.child('nodePublishSecretRef', 'name')));
  }],
  ['ephemeral', 'ephemeral', (errs, s, path, ctx) => {
    if (s['volumeClaimTemplate'] === undefined || s['volumeClaimTemplate'] === null) return void errs.push(fieldErrors.required(path.child('volumeClaimTemplate')));
    validatePvcTemplate(errs, s['volumeClaimTemplate'], path.child('volumeClaimTemplate'));
    if (ctx.podName && ctx.volumeName) {
      const pvc = `${ctx.podName}-${ctx.volumeName}`;
      for (const m of isDNS1123Subdomain(pvc)) errs.push(fieldErrors.invalid(path.child('name'), ctx.volumeName, `PVC name ${JSON.stringify(pvc)}: ${m}`));
    }
  }],
  ['image', 'image', (errs, s, path, ctx) => {
    if (ctx.resourceIsPod && !str(s['reference'])) errs.push(fieldErrors.required(path.child('reference')));
    checkEnum(errs, path.child('pullPolicy'), s['pullPolicy'], ['Always', 'IfNotPresent', 'Never'], true);
  }],
];

/** A CSI driver name: required, at most 63 characters, a DNS subdomain once lower-cased. */
export function validateCSIDriverName(errs: FieldError[], name: string, path: FieldPath): void {
  if (!name) errs.push(fieldErrors.required(path));
  if (name.length > 63) errs.push(fieldErrors.tooLong(path, 63));
  for (const m of isDNS1123Subdomain(name.toLowerCase())) errs.push(fieldErrors.invalid(path, name, m));
}

/** One volume's source: exactly one, and that one valid. */
export function validateVolumeSource(errs: FieldError[], v: Obj, path: FieldPath, ctx: VolumeContext): void {
  let n = 0;
  for (const [key, forbiddenPath, check] of SOURCES) {
    const s = v[key];
    if (s === undefined || s === null) continue;
    if (n > 0) {
      errs.push(fieldErrors.forbidden(path.child(forbiddenPath), 'may not specify more than 1 volume type'));
      continue;
    }
    n++;
    // Upstream checks gcePersistentDisk under the name "persistentDisk".
    check(errs, obj(s), path.child(key === 'gcePersistentDisk' ? 'persistentDisk' : key), ctx);
  }
  if (n === 0) errs.push(fieldErrors.required(path, 'must specify a volume type'));
}

/** Validates `volumes`; returns the valid volumes by name (what mounts may refer to). */
export function validateVolumes(errs: FieldError[], volumes: unknown, path: FieldPath, opts: { podName?: string; resourceIsPod: boolean }): Map<string, Obj> {
  const valid = new Map<string, Obj>();
  const created = new Set<string>();
  const vols = list(volumes);
  if (opts.podName) for (const raw of vols) if (obj(raw)['ephemeral'] !== undefined) created.add(`${opts.podName}-${str(obj(raw)['name'])}`);
  vols.forEach((raw, i) => {
    const v = obj(raw);
    const p = path.index(i);
    const name = str(v['name']);
    const el: FieldError[] = [];
    validateVolumeSource(el, v, p, { volumeName: name, resourceIsPod: opts.resourceIsPod, ...(opts.podName ? { podName: opts.podName } : {}) });
    if (!name) el.push(fieldErrors.required(p.child('name')));
    else for (const m of isDNS1123Label(name)) el.push(fieldErrors.invalid(p.child('name'), name, m));
    if (valid.has(name)) el.push(fieldErrors.duplicate(p.child('name'), name));
    if (el.length === 0) valid.set(name, v);
    else errs.push(...el);
    const claim = str(obj(v['persistentVolumeClaim'])['claimName']);
    if (claim && created.has(claim)) {
      errs.push(fieldErrors.invalid(p.child('persistentVolumeClaim', 'claimName'), claim, 'must not reference a PVC that gets created for an ephemeral volume'));
    }
  });
  return valid;
}
