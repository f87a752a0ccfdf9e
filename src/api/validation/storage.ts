/**
 * @module storage.k8s.io/v1 validation (pkg/apis/storage/validation): StorageClasses (provisioner,
 * parameters, reclaim policy, binding mode, allowed topologies; provisioner, parameters, reclaim
 * policy and binding mode frozen), CSIDrivers, CSINodes, VolumeAttachments and CSIStorageCapacities.
 */
import { jsonEqual } from '../meta/object.js';
import { type FieldError, FieldPath, fieldErrors } from './field-errors.js';
import { checkEnum, list, obj, qty, str } from './helpers.js';
import { validateLabelName, validateLabelSelector } from './label-selector.js';
import { isDNS1123Subdomain, isQualifiedName } from './names.js';
import { validateImmutable } from './object-meta.js';
import { validateCSIDriverName } from './pod-volumes.js';

type Obj = Record<string, unknown>;
const set = (v: unknown): boolean => v !== undefined && v !== null;

export function validateStorageClass(sc: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const prov = str(sc['provisioner']);
  if (!prov) errs.push(fieldErrors.required('provisioner'));
  else for (const m of isQualifiedName(prov.toLowerCase())) errs.push(fieldErrors.invalid('provisioner', prov.toLowerCase(), m));
  const params = obj(sc['parameters']);
  const keys = Object.keys(params);
  if (keys.length > 512) errs.push(fieldErrors.tooLong('parameters', 512));
  else {
    let size = 0;
    for (const k of keys) {
      if (!k) errs.push(fieldErrors.invalid('parameters', k, 'field can not be empty.'));
      size += k.length + str(params[k]).length;
    }
    if (size > 256 * 1024) errs.push(fieldErrors.tooLong('parameters', 256 * 1024));
  }
  if (str(sc['reclaimPolicy'])) checkEnum(errs, FieldPath.root('reclaimPolicy'), sc['reclaimPolicy'], ['Delete', 'Retain']);
  if (!set(sc['volumeBindingMode'])) errs.push(fieldErrors.required('volumeBindingMode'));
  else checkEnum(errs, FieldPath.root('volumeBindingMode'), sc['volumeBindingMode'], ['Immediate', 'WaitForFirstConsumer'], true);
  const seen: string[] = [];
  list(sc['allowedTopologies']).forEach((t, i) => {
    const p = FieldPath.root('allowedTopologies').index(i);
    const keysSeen = new Set<string>();
    const canonical: Array<[string, string[]]> = [];
    list(obj(t)['matchLabelExpressions']).forEach((e, j) => {
      const ep = p.child('matchLabelExpressions').index(j);
      const vals = list(obj(e)['values']).map(str);
      if (vals.length === 0) errs.push(fieldErrors.required(ep.child('values')));
      const uniq = new Set<string>();
      vals.forEach((v, k) => {
        if (uniq.has(v)) errs.push(fieldErrors.duplicate(ep.child('values').index(k), v));
        uniq.add(v);
      });
      const key = str(obj(e)['key']);
      validateLabelName(errs, key, ep.child('key'));
      if (keysSeen.has(key)) errs.push(fieldErrors.duplicate(ep.child('key'), key));
      keysSeen.add(key);
      canonical.push([key, [...uniq].sort()]);
    });
    const c = JSON.stringify(canonical.sort((a, b) => a[0].localeCompare(b[0])));
    if (seen.includes(c)) errs.push(fieldErrors.duplicate(p.child('matchLabelExpressions'), ''));
    seen.push(c);
  });
  return errs;
}

export function validateStorageClassUpdate(next: Obj, prev: Obj): FieldError[] {
  const errs: FieldError[] = [];
  if (!jsonEqual(next['parameters'] ?? null, prev['parameters'] ?? null)) errs.push(fieldErrors.forbidden('parameters', 'updates to parameters are forbidden.'));
  if (next['provisioner'] !== prev['provisioner']) errs.push(fieldErrors.forbidden('provisioner', 'updates to provisioner are forbidden.'));
  if (next['reclaimPolicy'] !== prev['reclaimPolicy']) errs.push(fieldErrors.forbidden('reclaimPolicy', 'updates to reclaimPolicy are forbidden.'));
  errs.push(...validateImmutable(next['volumeBindingMode'] ?? null, prev['volumeBindingMode'] ?? null, 'volumeBindingMode'));
  return errs;
}

const SPEC = FieldPath.root('spec');

export function validateCSIDriver(d: Obj): FieldError[] {
  const errs: FieldError[] = [];
  validateCSIDriverName(errs, str(obj(d['metadata'])['name']), FieldPath.root('metadata').child('name'));
  const s = obj(d['spec']);
  for (const f of ['attachRequired', 'podInfoOnMount', 'storageCapacity', 'requiresRepublish']) if (!set(s[f])) errs.push(fieldErrors.required(SPEC.child(f)));
  if (!set(s['fsGroupPolicy'])) errs.push(fieldErrors.required(SPEC.child('fsGroupPolicy')));
  else checkEnum(errs, SPEC.child('fsGroupPolicy'), s['fsGroupPolicy'], ['File', 'None', 'ReadWriteOnceWithFSType'], true);
  list(s['volumeLifecycleModes']).forEach((m) => checkEnum(errs, SPEC.child('volumeLifecycleModes'), m, ['Ephemeral', 'Persistent'], true));
  const auds = new Set<string>();
  list(s['tokenRequests']).forEach((t, i) => {
    const a = str(obj(t)['audience']);
    if (auds.has(a)) errs.push(fieldErrors.duplicate(SPEC.child('tokenRequests').index(i).child('audience'), a));
    auds.add(a);
    const exp = obj(t)['expirationSeconds'];
    if (typeof exp === 'number' && exp < 600) errs.push(fieldErrors.invalid(SPEC.child('tokenRequests').index(i).child('expirationSeconds'), exp, 'may not specify a duration less than 10 minutes'));
    if (typeof exp === 'number' && exp > 2 ** 32) errs.push(fieldErrors.invalid(SPEC.child('tokenRequests').index(i).child('expirationSeconds'), exp, 'may not specify a duration larger than 2^32 seconds'));
  });
  return errs;
}

export function validateCSIDriverUpdate(next: Obj, prev: Obj): FieldError[] {
  const n = obj(next['spec']);
  const p = obj(prev['spec']);
  return [...validateImmutable(n['attachRequired'] ?? null, p['attachRequired'] ?? null, SPEC.child('attachRequired')),
    ...validateImmutable(n['volumeLifecycleModes'] ?? null, p['volumeLifecycleModes'] ?? null, SPEC.child('volumeLifecycleModes'))];
}

export function validateCSINode(n: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  list(obj(n['spec'])['drivers']).forEach((raw, i) => {
    const d = obj(raw);
    const p = SPEC.child('drivers').index(i);
    const name = str(d['name']);
    validateCSIDriverName(errs, name, p.child('name'));
    if (names.has(name)) errs.push(fieldErrors.duplicate(p.child('name'), name));
    names.add(name);
    const id = str(d['nodeID']);
    if (!id) errs.push(fieldErrors.required(p.child('nodeID'), 'nodeID cannot be empty'));
    if (id.length > 256) errs.push(fieldErrors.invalid(p.child('nodeID'), id, 'must be 256 characters or less'));
    const count = obj(d['allocatable'])['count'];
    if (typeof count === 'number' && count < 0) errs.push(fieldErrors.invalid(p.child('allocatable', 'count'), count, 'must be greater than or equal to 0'));
    const tk = new Set<string>();
    list(d['topologyKeys']).forEach((k) => {
      const key = str(k);
      if (!key) errs.push(fieldErrors.required(p.child('topologyKeys'), ''));
      else if (tk.has(key)) errs.push(fieldErrors.duplicate(p.child('topologyKeys'), key));
      else validateLabelName(errs, key, p.child('topologyKeys'));
      tk.add(key);
    });
  });
  return errs;
}

export function validateVolumeAttachment(va: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const s = obj(va['spec']);
  validateCSIDriverName(errs, str(s['attacher']), SPEC.child('attacher'));
  const node = str(s['nodeName']);
  if (!node) errs.push(fieldErrors.required(SPEC.child('nodeName')));
  else for (const m of isDNS1123Subdomain(node)) errs.push(fieldErrors.invalid(SPEC.child('nodeName'), node, m));
  const src = obj(s['source']);
  const pv = src['persistentVolumeName'];
  const inline = src['inlineVolumeSpec'];
  const sp = SPEC.child('source');
  if (!set(pv) && !set(inline)) errs.push(fieldErrors.required(sp, 'must specify exactly one of inlineVolumeSpec and persistentVolumeName'));
  else if (set(pv) && set(inline)) errs.push(fieldErrors.forbidden(sp, 'must specify exactly one of inlineVolumeSpec and persistentVolumeName'));
  else if (set(pv) && !str(pv)) errs.push(fieldErrors.required(sp.child('persistentVolumeName'), 'must specify non empty persistentVolumeName'));
  return errs;
}

export function validateVolumeAttachmentUpdate(next: Obj, prev: Obj): FieldError[] {
  return jsonEqual(next['spec'], prev['spec']) ? [] : [fieldErrors.invalid(SPEC, next['spec'], 'field is immutable')];
}

export function validateCSIStorageCapacity(c: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const sc = str(c['storageClassName']);
  if (!sc) errs.push(fieldErrors.required('storageClassName'));
  else for (const m of isDNS1123Subdomain(sc)) errs.push(fieldErrors.invalid('storageClassName', sc, m));
  validateLabelSelector(errs, c['nodeTopology'], FieldPath.root('nodeTopology'));
  for (const f of ['capacity', 'maximumVolumeSize'] as const) {
    const q = qty(c[f]);
    if (q && q.sign() < 0) errs.push(fieldErrors.invalid(f, q.toString(), 'must be greater than or equal to 0'));
  }
  return errs;
}
