/**
 * @module PodSpec validation (pkg/apis/core/validation ValidatePodSpec) for pods and every pod
 * template: volumes, the container lists, policies, DNS, host network ports, the pod security
 * context, scheduling constraints, names of referenced objects, deadlines, overhead and OS; and
 * ValidatePodTemplateSpec for templates embedded in workloads.
 */
import { type FieldError, type FieldPath, fieldErrors } from './field-errors.js';
import { checkEnum, list, obj, str } from './helpers.js';
import { validateLabelMap } from './label-selector.js';
import { inclusiveRange, isDNS1123Label, isDNS1123Subdomain, isQualifiedName, isValidIP, isValidUserOrGroupId } from './names.js';
import { validateAnnotations } from './object-meta.js';
import type { ContainerContext } from './container.js';
import { validateAppArmorProfile, validateSeccompProfile } from './container.js';
import { validateContainers, validateEphemeralContainers, validateInitContainers } from './containers.js';
import { validateResourceRequirements } from './resources.js';
import { validateAffinity, validateTolerations, validateTopologySpreadConstraints } from './scheduling.js';
import { validateVolumes } from './pod-volumes.js';

type Obj = Record<string, unknown>;
const set = (v: unknown): boolean => v !== undefined && v !== null;

export interface PodSpecOptions {
  /** The spec is a pod's (not a template's): host ports must match container ports under hostNetwork, image volumes need a reference. */
  readonly resourceIsPod?: boolean;
  /** The pod's name, for the claims ephemeral volumes create. */
  readonly podName?: string;
}

export const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
export const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];

const DNS_SUB_US_FMT = '[a-z0-9_]([-a-z0-9_]*[a-z0-9_])?(\\.[a-z0-9_]([-a-z0-9_]*[a-z0-9_])?)*';
const dnsSubUnderscore = new RegExp(`^${DNS_SUB_US_FMT}$`);

function validateDNSConfig(errs: FieldError[], spec: Obj, path: FieldPath): void {
  const policy = spec['dnsPolicy'];
  const cfg = spec['dnsConfig'];
  if (policy === 'None') {
    if (!set(cfg)) return void errs.push(fieldErrors.required(path, 'must provide `dnsConfig` when `dnsPolicy` is None'));
    if (list(obj(cfg)['nameservers']).length === 0) return void errs.push(fieldErrors.required(path.child('nameservers'), 'must provide at least one DNS nameserver when `dnsPolicy` is None'));
  }
  if (!set(cfg)) return;
  const c = obj(cfg);
  const ns = list(c['nameservers']).map(str);
  if (ns.length > 3) errs.push(fieldErrors.invalid(path.child('nameservers'), c['nameservers'], 'must not have more than 3 nameservers'));
  ns.forEach((n, i) => { for (const m of isValidIP(n)) errs.push(fieldErrors.invalid(path.child('nameservers').index(i), n, m)); });
  const searches = list(c['searches']).map(str);
  if (searches.length > 32) errs.push(fieldErrors.invalid(path.child('searches'), c['searches'], 'must not have more than 32 search paths'));
  if (searches.join(' ').length > 2048) errs.push(fieldErrors.invalid(path.child('searches'), c['searches'], 'must not have more than 2048 characters (including spaces) in the search list'));
  searches.forEach((s, i) => {
    // RelaxedDNSSearchValidation (on in 1.33): "." and underscores are allowed.
    if (s === '.') return;
    const v = s.endsWith('.') ? s.slice(0, -1) : s;
    const sp = path.child('searches').index(i);
    if (v.length > 253) errs.push(fieldErrors.invalid(sp, v, 'must be no more than 253 characters'));
    if (!dnsSubUnderscore.test(v)) {
      errs.push(fieldErrors.invalid(sp, v, `a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '_', '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '${DNS_SUB_US_FMT}')`));
    }
  });
  list(c['options']).forEach((o, i) => { if (!str(obj(o)['name'])) errs.push(fieldErrors.required(path.child('options').index(i), 'must not be empty')); });
}

const SYSCTL_FMT = '^([a-z0-9]([-_a-z0-9]*[a-z0-9])?[\\./])*[a-z0-9]([-_a-z0-9]*[a-z0-9])?$';
const sysctlName = new RegExp(SYSCTL_FMT);
const isIpcSysctl = (n: string) => n === 'kernel.sem' || n.startsWith('kernel.shm') || n.startsWith('kernel.msg') || n.startsWith('fs.mqueue.');

function validatePodSecurityContext(errs: FieldError[], spec: Obj, specPath: FieldPath): void {
  const raw = spec['securityContext'];
  if (!set(raw)) return;
  const sc = obj(raw);
  const path = specPath.child('securityContext');
  for (const f of ['fsGroup', 'runAsUser', 'runAsGroup'] as const) {
    if (set(sc[f])) for (const m of isValidUserOrGroupId(sc[f])) errs.push(fieldErrors.invalid(path.child(f), sc[f], m));
  }
  list(sc['supplementalGroups']).forEach((g, i) => { for (const m of isValidUserOrGroupId(g)) errs.push(fieldErrors.invalid(path.child('supplementalGroups').index(i), g, m)); });
  if (spec['shareProcessNamespace'] === true && spec['hostPID'] === true) {
    errs.push(fieldErrors.invalid(path.child('shareProcessNamespace'), true, 'ShareProcessNamespace and HostPID cannot both be enabled'));
  }
  const seen = new Set<string>();
  list(sc['sysctls']).forEach((s, i) => {
    const name = str(obj(s)['name']);
    const np = path.child('sysctls').index(i).child('name');
    if (!name) errs.push(fieldErrors.required(np));
    else if (name.length > 253 || !sysctlName.test(name)) errs.push(fieldErrors.invalid(np, name, `must have at most 253 characters and match regex ${SYSCTL_FMT}`));
    else if (seen.has(name)) errs.push(fieldErrors.duplicate(np, name));
    if (spec['hostNetwork'] === true && name.startsWith('net.')) errs.push(fieldErrors.invalid(np, name, "may not be specified when 'hostNetwork' is true"));
    else if (spec['hostIPC'] === true && isIpcSysctl(name)) errs.push(fieldErrors.invalid(np, name, "may not be specified when 'hostIPC' is true"));
    seen.add(name);
  });
  if (set(sc['fsGroupChangePolicy'])) checkEnum(errs, path.child('fsGroupChangePolicy'), sc['fsGroupChangePolicy'], ['Always', 'OnRootMismatch'], true);
  validateSeccompProfile(errs, sc['seccompProfile'], path.child('seccompProfile'));
  validateAppArmorProfile(errs, sc['appArmorProfile'], path.child('appArmorProfile'));
  if (set(sc['supplementalGroupsPolicy'])) checkEnum(errs, path.child('supplementalGroupsPolicy'), sc['supplementalGroupsPolicy'], ['Merge', 'Strict'], true);
  if (set(sc['seLinuxChangePolicy'])) checkEnum(errs, path.child('seLinuxChangePolicy'), sc['seLinuxChangePolicy'], ['MountOption', 'Recursive'], true);
}

const WINDOWS_POD_FORBIDDEN: ReadonlyArray<readonly [string, string]> = [['appArmorProfile', 'securityContext'], ['seLinuxOptions', 'securityContext'],
  ['seccompProfile', 'securityContext'], ['fsGroup', 'securityContext'], ['fsGroupChangePolicy', 'securityContext'], ['sysctls', 'securityContext'],
  ['runAsUser', 'securityContext'], ['runAsGroup', 'securityContext'], ['supplementalGroups', 'securityContext'],
  ['supplementalGroupsPolicy', 'securityContext'], ['seLinuxChangePolicy', 'securityContext']];
const WINDOWS_CONTAINER_FORBIDDEN = ['appArmorProfile', 'seLinuxOptions', 'seccompProfile', 'capabilities', 'readOnlyRootFilesystem', 'privileged',
  'allowPrivilegeEscalation', 'procMount', 'runAsUser', 'runAsGroup'];

function forEachContainer(spec: Obj, path: FieldPath, fn: (c: Obj, p: FieldPath) => void): void {
  for (const kind of ['initContainers', 'containers', 'ephemeralContainers'] as const) list(spec[kind]).forEach((c, i) => fn(obj(c), path.child(kind).index(i)));
}

function validateOS(errs: FieldError[], spec: Obj, path: FieldPath): void {
  const name = str(obj(spec['os'])['name']);
  if (!name) return void errs.push(fieldErrors.required(path.child('os', 'name'), 'cannot be empty'));
  if (name !== 'linux' && name !== 'windows') return void errs.push(fieldErrors.notSupported(path.child('os'), name, ['linux', 'windows']));
  const sc = obj(spec['securityContext']);
  if (name === 'linux') {
    if (set(sc['windowsOptions'])) errs.push(fieldErrors.forbidden(path.child('securityContext', 'windowsOptions'), 'windows options cannot be set for a linux pod'));
    forEachContainer(spec, path, (c, p) => {
      if (set(obj(c['securityContext'])['windowsOptions'])) errs.push(fieldErrors.forbidden(p.child('securityContext', 'windowsOptions'), 'windows options cannot be set for a linux pod'));
    });
    return;
  }
  for (const [f, parent] of WINDOWS_POD_FORBIDDEN) if (set(sc[f]) && !(Array.isArray(sc[f]) && sc[f].length === 0)) errs.push(fieldErrors.forbidden(path.child(parent, f), 'cannot be set for a windows pod'));
  for (const f of ['hostUsers', 'hostPID', 'hostIPC', 'shareProcessNamespace'] as const) {
    if (set(spec[f]) && spec[f] !== false) errs.push(fieldErrors.forbidden(path.child(f), 'cannot be set for a windows pod'));
  }
  forEachContainer(spec, path, (c, p) => {
    const csc = obj(c['securityContext']);
    for (const f of WINDOWS_CONTAINER_FORBIDDEN) if (set(csc[f])) errs.push(fieldErrors.forbidden(p.child('securityContext', f), 'cannot be set for a windows pod'));
  });
}

function validateResourceClaims(errs: FieldError[], raw: unknown, path: FieldPath): Set<string> {
  const names = new Set<string>();
  list(raw).forEach((c, i) => {
    const rc = obj(c);
    const p = path.index(i);
    const name = str(rc['name']);
    if (!name) errs.push(fieldErrors.required(p.child('name')));
    else if (names.has(name)) errs.push(fieldErrors.duplicate(p.child('name'), name));
    else {
      for (const m of isDNS1123Label(name)) errs.push(fieldErrors.invalid(p.child('name'), name, m));
      names.add(name);
    }
    const a = set(rc['resourceClaimName']);
    const b = set(rc['resourceClaimTemplateName']);
    if (a && b) errs.push(fieldErrors.invalid(p, rc, 'at most one of `resourceClaimName` or `resourceClaimTemplateName` may be specified'));
    if (!a && !b) errs.push(fieldErrors.invalid(p, rc, 'must specify one of: `resourceClaimName`, `resourceClaimTemplateName`'));
    for (const f of ['resourceClaimName', 'resourceClaimTemplateName'] as const) {
      if (a && f === 'resourceClaimName' || b && f === 'resourceClaimTemplateName') for (const m of isDNS1123Subdomain(str(rc[f]))) errs.push(fieldErrors.invalid(p.child(f), str(rc[f]), m));
    }
  });
  return names;
}

function validateNameRefs(errs: FieldError[], spec: Obj, path: FieldPath): void {
  for (const f of ['serviceAccountName', 'nodeName', 'priorityClassName'] as const) {
    const v = str(spec[f]);
    if (v) for (const m of isDNS1123Subdomain(v)) errs.push(fieldErrors.invalid(path.child(f), v, m));
  }
  if (typeof spec['runtimeClassName'] === 'string') for (const m of isDNS1123Subdomain(spec['runtimeClassName'])) errs.push(fieldErrors.invalid(path.child('runtimeClassName'), spec['runtimeClassName'], m));
  for (const f of ['hostname', 'subdomain'] as const) {
    const v = str(spec[f]);
    if (v) for (const m of isDNS1123Label(v)) errs.push(fieldErrors.invalid(path.child(f), v, m));
  }
}

/** Validates a PodSpec at `path`. */
export function validatePodSpec(errs: FieldError[], raw: unknown, path: FieldPath, opts: PodSpecOptions = {}): void {
  const spec = obj(raw);
  if (typeof spec['terminationGracePeriodSeconds'] !== 'number') errs.push(fieldErrors.required(path.child('terminationGracePeriodSeconds')));
  const gracePeriod = typeof spec['terminationGracePeriodSeconds'] === 'number' ? spec['terminationGracePeriodSeconds'] : undefined;
  const hostUsers = obj(spec['securityContext'])['hostUsers'] !== false;
  const volumes = validateVolumes(errs, spec['volumes'], path.child('volumes'), { resourceIsPod: opts.resourceIsPod === true, ...(opts.podName ? { podName: opts.podName } : {}) });
  const claims = validateResourceClaims(errs, spec['resourceClaims'], path.child('resourceClaims'));
  const ctx: ContainerContext = { volumes, claims, restartPolicy: str(spec['restartPolicy']), gracePeriod, hostUsers };
  validateContainers(errs, spec['containers'], path.child('containers'), ctx);
  validateInitContainers(errs, spec['initContainers'], spec['containers'], path.child('initContainers'), ctx);
  validateEphemeralContainers(errs, spec['ephemeralContainers'], spec, path.child('ephemeralContainers'), ctx);
  if (spec['hostNetwork'] === true) {
    list(spec['containers']).forEach((c, i) => list(obj(c)['ports']).forEach((raw2, j) => {
      const p = obj(raw2);
      const hp = typeof p['hostPort'] === 'number' ? p['hostPort'] : 0;
      if ((opts.resourceIsPod || hp !== 0) && hp !== p['containerPort']) {
        errs.push(fieldErrors.invalid(path.child('containers').index(i).child('ports').index(j).child('hostPort'), hp, 'must match `containerPort` when `hostNetwork` is true'));
      }
    }));
  }
  checkEnum(errs, path.child('restartPolicy'), spec['restartPolicy'], RESTART_POLICIES, true);
  checkEnum(errs, path.child('dnsPolicy'), spec['dnsPolicy'], DNS_POLICIES, true);
  validateLabelMap(errs, spec['nodeSelector'], path.child('nodeSelector'));
  validatePodSecurityContext(errs, spec, path);
  validateAffinity(errs, spec['affinity'], path.child('affinity'));
  validateDNSConfig(errs, spec, path.child('dnsConfig'));
  list(spec['readinessGates']).forEach((g, i) => {
    const t = str(obj(g)['conditionType']);
    for (const m of isQualifiedName(t)) errs.push(fieldErrors.invalid(path.child('readinessGates').index(i).child('conditionType'), t, m));
  });
  const gates = new Set<string>();
  list(spec['schedulingGates']).forEach((g, i) => {
    const n = str(obj(g)['name']);
    for (const m of isQualifiedName(n)) errs.push(fieldErrors.invalid(path.child('schedulingGates').index(i), n, m));
    if (gates.has(n)) errs.push(fieldErrors.duplicate(path.child('schedulingGates').index(i), n));
    gates.add(n);
  });
  validateTopologySpreadConstraints(errs, spec['topologySpreadConstraints'], path.child('topologySpreadConstraints'));
  if (!hostUsers) {
    for (const [f, p] of [['hostNetwork', 'hostNetwork'], ['hostPID', 'HostPID'], ['hostIPC', 'HostIPC']] as const) {
      if (spec[f] === true) errs.push(fieldErrors.forbidden(path.child(p), 'when `pod.Spec.HostUsers` is false'));
    }
  }
  validateNameRefs(errs, spec, path);
  const ads = spec['activeDeadlineSeconds'];
  if (typeof ads === 'number' && (ads < 1 || ads > 2147483647)) errs.push(fieldErrors.invalid(path.child('activeDeadlineSeconds'), ads, inclusiveRange(1, 2147483647)));
  validateTolerations(errs, spec['tolerations'], path.child('tolerations'));
  list(spec['hostAliases']).forEach((a, i) => {
    const ip = str(obj(a)['ip']);
    const ap = path.child('hostAliases').index(i);
    for (const m of isValidIP(ip)) errs.push(fieldErrors.invalid(ap.child('ip'), ip, m));
    list(obj(a)['hostnames']).forEach((h, j) => { for (const m of isDNS1123Subdomain(str(h))) errs.push(fieldErrors.invalid(ap.child('hostnames').index(j), str(h), m)); });
  });
  if (set(spec['preemptionPolicy'])) checkEnum(errs, path.child('preemptionPolicy'), spec['preemptionPolicy'], ['PreemptLowerPriority', 'Never'], true);
  if (set(spec['overhead'])) validateResourceRequirements(errs, { limits: spec['overhead'] }, path.child('overhead'), undefined);
  if (set(spec['os'])) validateOS(errs, spec, path);
}

/** A pod template (workloads, pod templates): labels, annotations and its spec; no ephemeral containers. */
export function validatePodTemplateSpec(errs: FieldError[], raw: unknown, path: FieldPath): void {
  const t = obj(raw);
  const meta = obj(t['metadata']);
  validateLabelMap(errs, meta['labels'], path.child('labels'));
  errs.push(...validateAnnotations(meta['annotations'], path.child('annotations')));
  validatePodAnnotations(errs, meta['annotations'], t['spec'], path.child('annotations'));
  validatePodSpec(errs, t['spec'], path.child('spec'));
  if (list(obj(t['spec'])['ephemeralContainers']).length > 0) {
    errs.push(fieldErrors.forbidden(path.child('spec', 'ephemeralContainers'), 'ephemeral containers not allowed in pod template'));
  }
}

const MIRROR = 'kubernetes.io/config.mirror';
const DELETION_COST = 'controller.kubernetes.io/pod-deletion-cost';
const int32 = /^[-+]?\d+$/;

/** Annotations with meaning for pods: the mirror marker, the deletion cost. */
export function validatePodAnnotations(errs: FieldError[], annotations: unknown, spec: unknown, path: FieldPath): void {
  const a = obj(annotations);
  if (a[MIRROR] !== undefined && !str(obj(spec)['nodeName'])) errs.push(fieldErrors.invalid(path.key(MIRROR), str(a[MIRROR]), 'must set spec.nodeName if mirror pod annotation is set'));
  const cost = a[DELETION_COST];
  if (cost !== undefined) {
    const c = str(cost);
    const n = Number(c);
    if (!int32.test(c) || n < -2147483648 || n > 2147483647) errs.push(fieldErrors.invalid(path.key(DELETION_COST), c, 'must be a 32bit integer'));
  }
}
