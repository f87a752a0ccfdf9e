/**
 * @module PersistentVolume validation (pkg/apis/core/validation ValidatePersistentVolumeSpec and
 * its update rule): access modes, a storage-only capacity, reclaim policy, node affinity (required
 * for local volumes), exactly one volume source with its required fields, class name and volume
 * mode; afterwards the source, volume mode and node affinity stay as they were.
 */
import { jsonEqual } from '../meta/object.js';
import { type FieldError, FieldPath, fieldErrors } from './field-errors.js';
import { go, goDiff } from './go-values.js';
import { checkEnum, obj, qty, str } from './helpers.js';
import { isDNS1123Label, isDNS1123Subdomain } from './names.js';
import { validatePathNoBacksteps } from './pod-paths.js';
import { validateVolumeSource } from './pod-volumes.js';
import { validateNodeSelector } from './scheduling.js';
import { VOLUME_MODES, validateAccessModes } from './storage-claims.js';

type Obj = Record<string, unknown>;
const SPEC = FieldPath.root('spec');
const set = (v: unknown): boolean => v !== undefined && v !== null;
const RECLAIM = ['Delete', 'Recycle', 'Retain'];

/** The PV sources (the pod volume sources PVs also have, plus local); checked like pod volumes where they coincide. */
const PV_SOURCES = ['hostPath', 'gcePersistentDisk', 'awsElasticBlockStore', 'glusterfs', 'flocker', 'nfs', 'rbd', 'quobyte', 'cephfs', 'iscsi',
  'cinder', 'fc', 'flexVolume', 'azureFile', 'vsphereVolume', 'photonPersistentDisk', 'portworxVolume', 'azureDisk', 'scaleIO', 'local', 'storageos', 'csi'];

function validateSecretRef(errs: FieldError[], raw: unknown, path: FieldPath): void {
  const r = obj(raw);
  const name = str(r['name']);
  const ns = str(r['namespace']);
  if (!name) errs.push(fieldErrors.required(path.child('name')));
  else for (const m of isDNS1123Subdomain(name)) errs.push(fieldErrors.invalid(path.child('name'), name, m));
  if (!ns) errs.push(fieldErrors.required(path.child('namespace')));
  else for (const m of isDNS1123Label(ns)) errs.push(fieldErrors.invalid(path.child('namespace'), ns, m));
}

function validatePVSource(errs: FieldError[], s: Obj, nodeAffinitySet: boolean): void {
  const present = PV_SOURCES.filter((k) => set(s[k]));
  if (present.length === 0) return void errs.push(fieldErrors.required(SPEC, 'must specify a volume type'));
  const first = present[0] ?? '';
  for (const k of present.slice(1)) errs.push(fieldErrors.forbidden(SPEC.child(k), 'may not specify more than 1 volume type'));
  if (first === 'local') {
    const p = str(obj(s['local'])['path']);
    if (!p) errs.push(fieldErrors.required(SPEC.child('local', 'path')));
    else validatePathNoBacksteps(errs, p, SPEC.child('local', 'path'));
    if (!nodeAffinitySet) errs.push(fieldErrors.required(SPEC.child('nodeAffinity'), 'Local volume requires node affinity'));
    return;
  }
  if (first === 'csi') {
    const c = obj(s['csi']);
    const drv = str(c['driver']);
    if (!drv) errs.push(fieldErrors.required(SPEC.child('csi', 'driver')));
    if (drv.length > 63) errs.push(fieldErrors.tooLong(SPEC.child('csi', 'driver'), 63));
    for (const m of isDNS1123Subdomain(drv.toLowerCase())) errs.push(fieldErrors.invalid(SPEC.child('csi', 'driver'), drv, m));
    if (!str(c['volumeHandle'])) errs.push(fieldErrors.required(SPEC.child('csi', 'volumeHandle')));
    for (const ref of ['controllerPublishSecretRef', 'controllerExpandSecretRef', 'nodePublishSecretRef', 'nodeExpandSecretRef', 'nodeStageSecretRef']) {
      if (set(c[ref])) validateSecretRef(errs, c[ref], SPEC.child('csi', ref));
    }
    return;
  }
  // The rest share the pod volume checks (their required fields are the same).
  const one: FieldError[] = [];
  validateVolumeSource(one, { [first]: s[first] }, SPEC, { volumeName: '', resourceIsPod: false });
  errs.push(...one);
}

/** A PersistentVolume's spec (metadata is checked by the strategy). */
export function validatePersistentVolume(pv: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const s = obj(pv['spec']);
  validateAccessModes(errs, s['accessModes'], SPEC.child('accessModes'), '');
  const cap = obj(s['capacity']);
  const cp = SPEC.child('capacity');
  if (Object.keys(cap).length === 0) errs.push(fieldErrors.required(cp));
  if (cap['storage'] === undefined || Object.keys(cap).length > 1) errs.push(fieldErrors.notSupported(cp, go.raw('core.ResourceList{...}'), ['storage']));
  for (const [k, v] of Object.entries(cap)) {
    const q = qty(v);
    if (!q) continue;
    if (q.value() < 0) errs.push(fieldErrors.invalid(cp.key(k), q.value(), 'must be a valid resource quantity'));
    if (q.sign() <= 0) errs.push(fieldErrors.invalid(cp.key(k), q.toString(), 'must be greater than zero'));
  }
  if (str(s['persistentVolumeReclaimPolicy'])) checkEnum(errs, SPEC.child('persistentVolumeReclaimPolicy'), s['persistentVolumeReclaimPolicy'], RECLAIM);
  const na = s['nodeAffinity'];
  if (set(na)) {
    const req = obj(na)['required'];
    if (set(req)) validateNodeSelector(errs, req, SPEC.child('nodeAffinity', 'required'));
    else errs.push(fieldErrors.required(SPEC.child('nodeAffinity', 'required'), 'must specify required node constraints'));
  }
  validatePVSource(errs, s, set(na));
  const hp = obj(s['hostPath']);
  if (set(s['hostPath']) && str(hp['path']).replace(/\/+$/, '') === '' && str(hp['path']).startsWith('/') && s['persistentVolumeReclaimPolicy'] === 'Recycle') {
    errs.push(fieldErrors.forbidden(SPEC.child('persistentVolumeReclaimPolicy'), "may not be 'recycle' for a hostPath mount of '/'"));
  }
  const sc = str(s['storageClassName']);
  if (sc) for (const m of isDNS1123Subdomain(sc)) errs.push(fieldErrors.invalid(SPEC.child('storageClassName'), sc, m));
  checkEnum(errs, SPEC.child('volumeMode'), s['volumeMode'], VOLUME_MODES);
  return errs;
}

/** The source, volume mode and (once set) node affinity of a PV never change. */
export function validatePersistentVolumeUpdate(next: Obj, prev: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const n = obj(next['spec']);
  const p = obj(prev['spec']);
  const src = (s: Obj): Obj => Object.fromEntries(PV_SOURCES.filter((k) => set(s[k])).map((k) => [k, s[k]]));
  const ns = src(n);
  const ps = src(p);
  // A CSI volume may gain a controllerExpandSecretRef.
  if (set(ps['csi']) && !set(obj(ps['csi'])['controllerExpandSecretRef']) && set(ns['csi'])) {
    ns['csi'] = { ...obj(ns['csi']) };
    delete (ns['csi'] as Obj)['controllerExpandSecretRef'];
  }
  if (!jsonEqual(ns, ps)) {
    errs.push(fieldErrors.forbidden(SPEC.child('persistentvolumesource'), `spec.persistentvolumesource is immutable after creation\n${goDiff('core.PersistentVolumeSource', ps, ns)}`));
  }
  if (!jsonEqual(n['volumeMode'] ?? null, p['volumeMode'] ?? null)) errs.push(fieldErrors.invalid(FieldPath.root('volumeMode'), n['volumeMode'] ?? null, 'field is immutable'));
  if (set(p['nodeAffinity']) && !jsonEqual(n['nodeAffinity'] ?? null, p['nodeAffinity'])) {
    errs.push(fieldErrors.invalid(FieldPath.root('nodeAffinity'), go.raw('&core.VolumeNodeAffinity{...}'), 'field is immutable, except for updating from beta label to GA'));
  }
  return errs;
}

