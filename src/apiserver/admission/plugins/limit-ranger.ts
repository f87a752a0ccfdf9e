/**
 * @module The LimitRanger admission plugin (plugin/pkg/admission/limitranger): the LimitRanges of
 * a namespace give new pods' containers their default requests and limits (recorded in the
 * `kubernetes.io/limit-ranger` annotation), and bound what containers, pods and claims may ask
 * for (min, max, maxLimitRequestRatio), with kube-apiserver's messages. The item defaults
 * Kubernetes applies when a LimitRange is stored (default from max, defaultRequest from default
 * or min) are applied here when reading it.
 */
import { isPlainObject, objectAt, type KubeObject } from '../../../api/meta/object.js';
import type { AdmissionAttributes, MutatingPlugin, Operation, ValidatingPlugin } from '../admission.js';
import { forbidden } from './forbidden.js';
import { containerRequirements, podContainers, podRequirements, type ResourceList, resourceList } from './resources.js';

/** Lists the LimitRanges of a namespace. */
export type LimitRangeLister = (namespace: string) => Promise<readonly KubeObject[]>;

interface Item {
  readonly type: string;
  readonly min: ResourceList;
  readonly max: ResourceList;
  readonly defaultLimit: ResourceList;
  readonly defaultRequest: ResourceList;
  readonly ratio: ResourceList;
}

/** The items of a LimitRange, with the scheme defaults of container items applied. */
export function limitItems(lr: KubeObject): Item[] {
  const limits = objectAt(lr, 'spec')?.['limits'];
  if (!Array.isArray(limits)) return [];
  return limits.filter(isPlainObject).map((i) => {
    const item: Item = {
      type: typeof i['type'] === 'string' ? i['type'] : '', min: resourceList(i['min']), max: resourceList(i['max']),
      defaultLimit: resourceList(i['default']), defaultRequest: resourceList(i['defaultRequest']), ratio: resourceList(i['maxLimitRequestRatio']),
    };
    if (item.type === 'Container') {
      for (const [k, v] of item.max) if (!item.defaultLimit.has(k)) item.defaultLimit.set(k, v);
      for (const [k, v] of item.defaultLimit) if (!item.defaultRequest.has(k)) item.defaultRequest.set(k, v);
      for (const [k, v] of item.min) if (!item.defaultRequest.has(k)) item.defaultRequest.set(k, v);
    }
    return item;
  });
}

const isPodCreate = (a: AdmissionAttributes) => a.operation === 'CREATE' && a.group === '' && a.resource === 'pods' && !a.subresource && a.object !== undefined;
const isClaimCreate = (a: AdmissionAttributes) => a.operation === 'CREATE' && a.group === '' && a.resource === 'persistentvolumeclaims' && !a.subresource && a.object !== undefined;

function setDefaults(c: Record<string, unknown>, item: Item): { requests: string[]; limits: string[] } {
  const res = (isPlainObject(c['resources']) ? c['resources'] : (c['resources'] = {})) as Record<string, unknown>;
  const requests = (isPlainObject(res['requests']) ? res['requests'] : {}) as Record<string, unknown>;
  const limits = (isPlainObject(res['limits']) ? res['limits'] : {}) as Record<string, unknown>;
  const set = { requests: [] as string[], limits: [] as string[] };
  for (const [k, v] of item.defaultLimit) if (limits[k] === undefined) { limits[k] = v.toString(); set.limits.push(k); }
  for (const [k, v] of item.defaultRequest) if (requests[k] === undefined) { requests[k] = v.toString(); set.requests.push(k); }
  if (Object.keys(limits).length) res['limits'] = limits;
  if (Object.keys(requests).length) res['requests'] = requests;
  return set;
}

/** kube-apiserver's checks of one requirements pair against an item; appends messages. */
function check(kind: string, req: { requests: ResourceList; limits: ResourceList }, item: Item, errs: string[]): void {
  for (const [k, min] of item.min) {
    const r = req.requests.get(k);
    if (!r) errs.push(`minimum ${k} usage per ${kind} is ${min.toString()}.  No request is specified`);
    else if (r.cmp(min) < 0) errs.push(`minimum ${k} usage per ${kind} is ${min.toString()}, but request is ${r.toString()}`);
    const l = req.limits.get(k);
    if (l && l.cmp(min) < 0) errs.push(`minimum ${k} usage per ${kind} is ${min.toString()}, but limit is ${l.toString()}`);
  }
  for (const [k, max] of item.max) {
    const l = req.limits.get(k);
    if (!l) errs.push(`maximum ${k} usage per ${kind} is ${max.toString()}.  No limit is specified`);
    else if (l.cmp(max) > 0) errs.push(`maximum ${k} usage per ${kind} is ${max.toString()}, but limit is ${l.toString()}`);
    const r = req.requests.get(k);
    if (r && r.cmp(max) > 0) errs.push(`maximum ${k} usage per ${kind} is ${max.toString()}, but request is ${r.toString()}`);
  }
  for (const [k, ratio] of item.ratio) {
    const l = req.limits.get(k);
    const r = req.requests.get(k);
    if (!l) continue;
    if (!r || r.sign() === 0) {
      errs.push(`${k} max limit to request ratio per ${kind} is ${ratio.toString()}, but no request is specified or request is 0`);
      continue;
    }
    const actual = Number(l.scaled(-3)) / Number(r.scaled(-3));
    if (actual > Number(ratio.scaled(-3)) / 1000) errs.push(`maximum ${k} limit to request ratio per ${kind} is ${ratio.toString()}, but provided ratio is ${actual.toFixed(6)}`);
  }
}

function aggregate(errs: string[]): string {
  return errs.length === 1 ? errs[0] ?? '' : `[${errs.join(', ')}]`;
}

export function limitRanger(list: LimitRangeLister): { mutating: MutatingPlugin; validating: ValidatingPlugin } {
  const mutating: MutatingPlugin = {
    name: 'LimitRanger',
    handles: (op: Operation) => op === 'CREATE',
    async admit(a) {
      if (!isPodCreate(a) || !a.object) return;
      const ranges = await list(a.namespace);
      if (!ranges.length) return;
      const spec = a.object['spec'];
      const { init, main } = podContainers(spec);
      const notes: string[] = [];
      for (const lr of ranges) {
        for (const item of limitItems(lr)) {
          if (item.type !== 'Container') continue;
          for (const [list2, what] of [[main, 'container'], [init, 'init container']] as const) {
            for (const c of list2) {
              const set = setDefaults(c, item);
              if (set.requests.length) notes.push(`${set.requests.join(', ')} request for ${what} ${String(c['name'])}`);
              if (set.limits.length) notes.push(`${set.limits.join(', ')} limit for ${what} ${String(c['name'])}`);
            }
          }
        }
      }
      if (notes.length) a.object.metadata.annotations = { ...a.object.metadata.annotations, 'kubernetes.io/limit-ranger': `LimitRanger plugin set: ${notes.join('; ')}` };
    },
  };
  const validating: ValidatingPlugin = {
    name: 'LimitRanger',
    handles: (op: Operation) => op === 'CREATE',
    async validate(a) {
      const pod = isPodCreate(a), claim = isClaimCreate(a);
      if ((!pod && !claim) || !a.object) return;
      const ranges = await list(a.namespace);
      const errs: string[] = [];
      for (const lr of ranges) {
        for (const item of limitItems(lr)) {
          if (pod && item.type === 'Container') {
            const { init, main } = podContainers(a.object['spec']);
            for (const c of [...init, ...main]) check('Container', containerRequirements(c), item, errs);
          } else if (pod && item.type === 'Pod') {
            check('Pod', { requests: podRequirements(a.object, 'requests'), limits: podRequirements(a.object, 'limits') }, item, errs);
          } else if (claim && item.type === 'PersistentVolumeClaim') {
            const res = objectAt(objectAt(a.object, 'spec'), 'resources');
            const requests = resourceList(res?.['requests']);
            // Claims have no limit of their own: min and max apply to the request.
            for (const [k, min] of item.min) {
              const r = requests.get(k);
              if (!r) errs.push(`minimum ${k} usage per PersistentVolumeClaim is ${min.toString()}.  No request is specified`);
              else if (r.cmp(min) < 0) errs.push(`minimum ${k} usage per PersistentVolumeClaim is ${min.toString()}, but request is ${r.toString()}`);
            }
            for (const [k, max] of item.max) {
              const r = requests.get(k);
              if (r && r.cmp(max) > 0) errs.push(`maximum ${k} usage per PersistentVolumeClaim is ${max.toString()}, but request is ${r.toString()}`);
            }
          }
        }
      }
      if (errs.length) throw forbidden(a, aggregate(errs));
    },
  };
  return { mutating, validating };
}
