/**
 * @module Pod validation beyond the spec (pkg/apis/core/validation ValidatePodCreate, Update,
 * StatusUpdate): pod-only checks (image whitespace, projected tokens need a service account, no
 * ephemeral containers on create, no nodeName while gated), the update rule (only images,
 * activeDeadlineSeconds decreases, added tolerations, removed scheduling gates, additions to
 * nodeSelector/nodeAffinity while gated), and the /status rules.
 */
import { jsonEqual } from '../meta/object.js';
import { type FieldError, FieldPath, fieldErrors } from './field-errors.js';
import { go, goDiff } from './go-values.js';
import { list, obj, str } from './helpers.js';
import { inclusiveRange, isDNS1123Subdomain, isQualifiedName, isValidIP } from './names.js';
import { validateImageWhitespace } from './containers.js';
import { validatePodAnnotations, validatePodSpec } from './pod-spec.js';
import { validateTolerations } from './scheduling.js';

type Obj = Record<string, unknown>;
const SPEC = FieldPath.root('spec');
const META = FieldPath.root('metadata');

/** Spec and pod-only checks shared by create and update. */
function validatePodMetadataAndSpec(errs: FieldError[], pod: Obj): void {
  const spec = obj(pod['spec']);
  const meta = obj(pod['metadata']);
  validatePodAnnotations(errs, meta['annotations'], spec, META.child('annotations'));
  validatePodSpec(errs, spec, SPEC, { resourceIsPod: true, podName: str(meta['name']) });
  if (!str(spec['serviceAccountName'])) {
    list(spec['volumes']).forEach((v, vi) => list(obj(obj(v)['projected'])['sources']).forEach((s, si) => {
      if (obj(s)['serviceAccountToken'] !== undefined) {
        errs.push(fieldErrors.forbidden(SPEC.child('volumes').index(vi).child('projected', 'sources').index(si).child('serviceAccountToken'), 'must not be specified when serviceAccountName is not set'));
      }
    }));
  }
  for (const kind of ['containers', 'initContainers'] as const) list(spec[kind]).forEach((c, i) => validateImageWhitespace(errs, obj(c), SPEC.child(kind).index(i)));
}

/** A new pod (metadata is checked by the strategy). */
export function validatePodCreate(pod: Obj): FieldError[] {
  const errs: FieldError[] = [];
  validatePodMetadataAndSpec(errs, pod);
  const spec = obj(pod['spec']);
  if (list(spec['ephemeralContainers']).length > 0) errs.push(fieldErrors.forbidden(SPEC.child('ephemeralContainers'), 'cannot be set on create'));
  if (str(spec['nodeName']) && list(spec['schedulingGates']).length > 0) errs.push(fieldErrors.forbidden(SPEC.child('nodeName'), 'cannot be set until all schedulingGates have been cleared'));
  return errs;
}

export const UPDATABLE_POD_FIELDS = ['`spec.containers[*].image`', '`spec.initContainers[*].image`', '`spec.activeDeadlineSeconds`',
  '`spec.tolerations` (only additions to existing tolerations)', '`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)'];

function containerUpdates(errs: FieldError[], next: unknown, prev: unknown, path: FieldPath): boolean {
  const n = list(next);
  if (n.length !== list(prev).length) {
    errs.push(fieldErrors.forbidden(path, 'pod updates may not add or remove containers'));
    return true;
  }
  n.forEach((c, i) => {
    const image = str(obj(c)['image']);
    if (!image) errs.push(fieldErrors.required(path.index(i).child('image')));
    if (image.trim() !== image) errs.push(fieldErrors.invalid(path.index(i).child('image'), image, 'must not have leading or trailing whitespace'));
  });
  return false;
}

function tolerationKey(t: unknown): string {
  const o = { ...obj(t) };
  delete o['tolerationSeconds'];
  return JSON.stringify(Object.keys(o).sort().map((k) => [k, o[k]]));
}

/** The pod update rule (after the metadata checks). */
export function validatePodUpdate(next: Obj, prev: Obj): FieldError[] {
  const errs: FieldError[] = [];
  validatePodMetadataAndSpec(errs, next);
  const ns = obj(next['spec']);
  const ps = obj(prev['spec']);
  const na = obj(obj(next['metadata'])['annotations']);
  const pa = obj(obj(prev['metadata'])['annotations']);
  if (na['kubernetes.io/config.mirror'] !== pa['kubernetes.io/config.mirror']) {
    const verb = pa['kubernetes.io/config.mirror'] === undefined ? 'may not add mirror pod annotation' : 'may not remove or update mirror pod annotation';
    errs.push(fieldErrors.forbidden(META.child('annotations').key('kubernetes.io/config.mirror'), verb));
  }
  if (containerUpdates(errs, ns['containers'], ps['containers'], SPEC.child('containers'))) return errs;
  if (containerUpdates(errs, ns['initContainers'], ps['initContainers'], SPEC.child('initContainers'))) return errs;
  const nads = ns['activeDeadlineSeconds'];
  const pads = ps['activeDeadlineSeconds'];
  if (typeof nads === 'number') {
    if (nads < 0 || nads > 2147483647) return [...errs, fieldErrors.invalid(SPEC.child('activeDeadlineSeconds'), nads, inclusiveRange(0, 2147483647))];
    if (typeof pads === 'number' && pads < nads) return [...errs, fieldErrors.invalid(SPEC.child('activeDeadlineSeconds'), nads, 'must be less than or equal to previous value')];
  } else if (typeof pads === 'number') {
    errs.push(fieldErrors.invalid(SPEC.child('activeDeadlineSeconds'), null, 'must not update from a positive integer to nil value'));
  }
  const newTols = new Set(list(ns['tolerations']).map(tolerationKey));
  if (!list(ps['tolerations']).every((t) => newTols.has(tolerationKey(t)))) {
    errs.push(fieldErrors.forbidden(SPEC.child('tolerations'), 'existing toleration can not be modified except its tolerationSeconds'));
  } else {
    validateTolerations(errs, ns['tolerations'], SPEC.child('tolerations'));
  }
  const oldGates = new Set(list(ps['schedulingGates']).map((g) => str(obj(g)['name'])));
  list(ns['schedulingGates']).forEach((g, i) => {
    const name = str(obj(g)['name']);
    if (!oldGates.has(name)) errs.push(fieldErrors.forbidden(SPEC.child('schedulingGates').index(i).child('name'), `only deletion is allowed, but found new scheduling gate '${name}'`));
  });
  if (jsonEqual(ns, ps)) return errs;
  const munged = mungePodSpec(errs, ns, ps);
  if (!jsonEqual(munged, ps)) {
    errs.push(fieldErrors.forbidden(SPEC, `pod updates may not change fields other than ${UPDATABLE_POD_FIELDS.join(',')}\n${goDiff('core.PodSpec', ps, munged)}`));
  }
  return errs;
}

/** The new spec with every field an update may change reset to the old value. */
function mungePodSpec(errs: FieldError[], ns: Obj, ps: Obj): Obj {
  const m = structuredClone(ns);
  const carry = (key: string) => {
    if (ps[key] === undefined) delete m[key];
    else m[key] = structuredClone(ps[key]);
  };
  for (const kind of ['containers', 'initContainers'] as const) {
    const old = list(ps[kind]);
    list(m[kind]).forEach((c, i) => {
      const o = obj(c);
      if (obj(old[i])['image'] === undefined) delete o['image'];
      else o['image'] = obj(old[i])['image'];
    });
  }
  for (const k of ['activeDeadlineSeconds', 'schedulingGates', 'tolerations']) carry(k);
  if (typeof ps['terminationGracePeriodSeconds'] === 'number' && ps['terminationGracePeriodSeconds'] < 0 && m['terminationGracePeriodSeconds'] === 1) {
    m['terminationGracePeriodSeconds'] = ps['terminationGracePeriodSeconds'];
  }
  if (list(ps['schedulingGates']).length > 0) {
    // A gated pod may gain nodeSelector entries and node affinity requirements (never lose or change them).
    const nsel = obj(m['nodeSelector']);
    const psel = obj(ps['nodeSelector']);
    if (!jsonEqual(m['nodeSelector'] ?? null, ps['nodeSelector'] ?? null)) {
      if (!Object.entries(psel).every(([k, v]) => nsel[k] === v)) {
        errs.push(fieldErrors.invalid(SPEC.child('nodeSelector'), m['nodeSelector'], 'only additions to spec.nodeSelector are allowed (no mutations or deletions)'));
      }
      carry('nodeSelector');
    }
    const oldNA = obj(ps['affinity'])['nodeAffinity'];
    const newAff = obj(m['affinity']);
    if (!jsonEqual(newAff['nodeAffinity'] ?? null, oldNA ?? null)) {
      if (oldNA === undefined) {
        if (ps['affinity'] === undefined && newAff['podAffinity'] === undefined && newAff['podAntiAffinity'] === undefined) delete m['affinity'];
        else if (m['affinity'] !== undefined) delete newAff['nodeAffinity'];
      } else if (m['affinity'] === undefined) m['affinity'] = { nodeAffinity: oldNA };
      else newAff['nodeAffinity'] = oldNA;
    }
  }
  return m;
}

const SYSTEM_CONDITIONS = new Set(['PodScheduled', 'Ready', 'Initialized']);

/** Transitions a status update may not make: terminated containers coming back to life unless the policy restarts them. */
function containerTransitions(errs: FieldError[], next: unknown, prev: unknown, path: FieldPath, restartPolicy: string, restartable: ReadonlySet<string>): void {
  if (restartPolicy === 'Always') return;
  const nexts = list(next).map(obj);
  list(prev).forEach((raw, i) => {
    const o = obj(raw);
    const term = obj(obj(o['state'])['terminated']);
    if (obj(o['state'])['terminated'] === undefined) return;
    if ((typeof term['exitCode'] === 'number' ? term['exitCode'] : 0) !== 0 && restartPolicy === 'OnFailure') return;
    if (restartable.has(str(o['name']))) return;
    for (const n of nexts) {
      if (n['name'] === o['name'] && obj(n['state'])['terminated'] === undefined) {
        errs.push(fieldErrors.forbidden(path.index(i).child('state'), 'may not be transitioned to non-terminated state'));
      }
    }
  });
}

function validateIPs(errs: FieldError[], ips: unknown, path: FieldPath, type: 'PodIP' | 'HostIP', primary?: string): void {
  const l = list(ips).map((x) => str(obj(x)['ip']));
  const goIP = (ip: string) => `core.${type}{IP:${JSON.stringify(ip)}}`;
  if (primary !== undefined && l.length && primary !== l[0]) errs.push(fieldErrors.invalid(path.index(0).child('ip'), l[0], 'must be equal to `hostIP`'));
  l.forEach((ip, i) => { for (const m of isValidIP(ip)) errs.push(fieldErrors.invalid(path.index(i), ip, m)); });
  if (l.length > 1) {
    const v6 = l.filter((ip) => ip.includes(':')).length;
    if (l.length > 2 || v6 !== 1) errs.push(fieldErrors.invalid(path, go.raw(`[]core.${type}{${l.map(goIP).join(', ')}}`), 'may specify no more than one IP for each IP family'));
    const seen = new Set<string>();
    l.forEach((ip, i) => {
      if (seen.has(ip)) errs.push(fieldErrors.duplicate(path.index(i), go.raw(goIP(ip))));
      seen.add(ip);
    });
  }
}

/** A /status update of a pod. */
export function validatePodStatusUpdate(next: Obj, prev: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const st = obj(next['status']);
  const pst = obj(prev['status']);
  const ps = obj(prev['spec']);
  list(st['conditions']).forEach((c, i) => {
    const t = str(obj(c)['type']);
    // Upstream reports condition types under metadata (its field path starts there).
    if (!SYSTEM_CONDITIONS.has(t)) for (const m of isQualifiedName(t)) errs.push(fieldErrors.invalid(META.child('conditions').index(i).child('Type'), t, m));
  });
  const status = FieldPath.root('status');
  if (str(obj(next['spec'])['nodeName']) !== str(ps['nodeName'])) errs.push(fieldErrors.forbidden(status.child('nodeName'), 'may not be changed directly'));
  const nominated = str(st['nominatedNodeName']);
  if (nominated && nominated !== str(pst['nominatedNodeName'])) for (const m of isDNS1123Subdomain(nominated)) errs.push(fieldErrors.invalid(status.child('nominatedNodeName'), nominated, m));
  if (str(st['qosClass']) !== str(pst['qosClass'])) errs.push(fieldErrors.invalid(status.child('qosClass'), str(st['qosClass']), 'field is immutable'));
  const restartable = new Set(list(ps['initContainers']).filter((c) => obj(c)['restartPolicy'] === 'Always').map((c) => str(obj(c)['name'])));
  containerTransitions(errs, st['containerStatuses'], pst['containerStatuses'], status.child('containerStatuses'), str(ps['restartPolicy']), new Set());
  containerTransitions(errs, st['initContainerStatuses'], pst['initContainerStatuses'], status.child('initContainerStatuses'), str(ps['restartPolicy']), restartable);
  containerTransitions(errs, st['ephemeralContainerStatuses'], pst['ephemeralContainerStatuses'], status.child('ephemeralContainerStatuses'), 'Never', new Set());
  validateIPs(errs, st['podIPs'], status.child('podIPs'), 'PodIP');
  if (list(st['hostIPs']).length) validateIPs(errs, st['hostIPs'], status.child('hostIPs'), 'HostIP', str(st['hostIP']));
  return errs;
}

/** pods/ephemeralcontainers: existing ephemeral containers may be neither removed nor changed. */
export function validateEphemeralContainersUpdate(next: Obj, prev: Obj): FieldError[] {
  const errs: FieldError[] = [];
  validatePodMetadataAndSpec(errs, next);
  const path = SPEC.child('ephemeralContainers');
  const now = new Map(list(obj(next['spec'])['ephemeralContainers']).map((c) => [str(obj(c)['name']), c]));
  for (const old of list(obj(prev['spec'])['ephemeralContainers'])) {
    const name = str(obj(old)['name']);
    const cur = now.get(name);
    if (cur === undefined) errs.push(fieldErrors.forbidden(path, `existing ephemeral containers ${JSON.stringify(name)} may not be removed\n`));
    else if (!jsonEqual(cur, old)) errs.push(fieldErrors.forbidden(path, `existing ephemeral containers ${JSON.stringify(name)} may not be changed\n${goDiff('core.EphemeralContainer', old, cur)}`));
  }
  return errs;
}
