/**
 * @module The Pod Security Standards checks (k8s.io/pod-security-admission/policy) as pure
 * functions of a pod's metadata and spec: each check reports a short reason and detail in the
 * words kube-apiserver uses ("allowPrivilegeEscalation != false (container "app" must set
 * securityContext.allowPrivilegeEscalation=false)"). Baseline checks apply to baseline and
 * restricted; restricted checks only to restricted.
 */
import { arrayAt, isPlainObject, objectAt, type ObjectMeta } from '../../../../api/meta/object.js';

export type Level = 'privileged' | 'baseline' | 'restricted';

export interface Violation {
  readonly reason: string;
  readonly detail: string;
}

type Obj = Record<string, unknown>;

interface PodView {
  readonly meta: ObjectMeta;
  readonly spec: Obj;
  readonly podSc: Obj;
  /** Every container (init, regular, ephemeral) with its security context. */
  readonly containers: readonly { readonly name: string; readonly c: Obj; readonly sc: Obj }[];
}

/** `container "a"` / `containers "a", "b"`. */
function names(noun: string, xs: readonly string[]): string {
  return `${noun}${xs.length === 1 ? '' : 's'} ${xs.map((x) => JSON.stringify(x)).join(', ')}`;
}

const q = (xs: readonly string[]) => xs.map((x) => JSON.stringify(x)).join(', ');

function view(meta: ObjectMeta, spec: Obj): PodView {
  const containers: { name: string; c: Obj; sc: Obj }[] = [];
  for (const key of ['initContainers', 'containers', 'ephemeralContainers']) {
    for (const c of (arrayAt(spec, key) ?? []).filter(isPlainObject)) containers.push({ name: String(c['name'] ?? ''), c, sc: objectAt(c, 'securityContext') ?? {} });
  }
  return { meta, spec, podSc: objectAt(spec, 'securityContext') ?? {}, containers };
}

const BASELINE_CAPS = new Set(['AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'NET_BIND_SERVICE', 'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT']);
const SAFE_SYSCTLS: readonly [string, number][] = [
  ['kernel.shm_rmid_forced', 0], ['net.ipv4.ip_local_port_range', 0], ['net.ipv4.ip_unprivileged_port_start', 0], ['net.ipv4.tcp_syncookies', 0],
  ['net.ipv4.ping_group_range', 0], ['net.ipv4.ip_local_reserved_ports', 27], ['net.ipv4.tcp_keepalive_time', 29], ['net.ipv4.tcp_fin_timeout', 29],
  ['net.ipv4.tcp_keepalive_intvl', 29], ['net.ipv4.tcp_keepalive_probes', 29],
];
const SELINUX_TYPES: readonly [string, number][] = [['', 0], ['container_t', 0], ['container_init_t', 0], ['container_kvm_t', 0], ['container_engine_t', 31]];
const RESTRICTED_VOLUMES = new Set(['configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'persistentVolumeClaim', 'projected', 'secret']);

type Check = (p: PodView, minor: number) => Violation | undefined;

const hostProcess: Check = (p) => {
  const bad = p.containers.filter((x) => objectAt(x.sc, 'windowsOptions')?.['hostProcess'] === true).map((x) => x.name);
  const pod = objectAt(p.podSc, 'windowsOptions')?.['hostProcess'] === true;
  if (!pod && !bad.length) return undefined;
  const who = [pod ? 'pod' : '', bad.length ? names('container', bad) : ''].filter(Boolean).join(' and ');
  return { reason: 'hostProcess', detail: `${who} must not set securityContext.windowsOptions.hostProcess=true` };
};

const hostNamespaces: Check = (p) => {
  const set = ['hostNetwork', 'hostPID', 'hostIPC'].filter((k) => p.spec[k] === true);
  return set.length ? { reason: 'host namespaces', detail: set.map((k) => `${k}=true`).join(', ') } : undefined;
};

const privileged: Check = (p) => {
  const bad = p.containers.filter((x) => x.sc['privileged'] === true).map((x) => x.name);
  return bad.length ? { reason: 'privileged', detail: `${names('container', bad)} must not set securityContext.privileged=true` } : undefined;
};

const capabilitiesBaseline: Check = (p) => {
  const parts: string[] = [];
  for (const x of p.containers) {
    const add = (arrayAt(objectAt(x.sc, 'capabilities'), 'add') ?? []).map(String).filter((cap) => !BASELINE_CAPS.has(cap));
    if (add.length) parts.push(`${names('container', [x.name])} must not include ${q(add)} in securityContext.capabilities.add`);
  }
  return parts.length ? { reason: 'non-default capabilities', detail: parts.join('; ') } : undefined;
};

const hostPath: Check = (p) => {
  const bad = (arrayAt(p.spec, 'volumes') ?? []).filter((v) => isPlainObject(v) && v['hostPath'] !== undefined).map((v) => String((v as Obj)['name']));
  return bad.length ? { reason: 'hostPath volumes', detail: names('volume', bad) } : undefined;
};

const hostPorts: Check = (p) => {
  const bad: string[] = [];
  const ports: string[] = [];
  for (const x of p.containers) {
    const hp = (arrayAt(x.c, 'ports') ?? []).filter(isPlainObject).map((pt) => pt['hostPort']).filter((h) => typeof h === 'number' && h !== 0).map(String);
    if (hp.length) { bad.push(x.name); ports.push(...hp); }
  }
  if (!bad.length) return undefined;
  return { reason: 'hostPort', detail: `${names('container', bad)} ${bad.length === 1 ? 'uses' : 'use'} hostPort${ports.length === 1 ? '' : 's'} ${ports.join(', ')}` };
};

const appArmor: Check = (p) => {
  const bad: string[] = [];
  for (const [k, v] of Object.entries(p.meta.annotations ?? {})) {
    if (k.startsWith('container.apparmor.security.beta.kubernetes.io/') && v !== 'runtime/default' && !v.startsWith('localhost/')) bad.push(`${k}=${JSON.stringify(v)}`);
  }
  const profileBad = (sc: Obj) => {
    const t = objectAt(sc, 'appArmorProfile')?.['type'];
    return t !== undefined && t !== 'RuntimeDefault' && t !== 'Localhost';
  };
  if (profileBad(p.podSc)) bad.push(`pod must not set securityContext.appArmorProfile.type to ${JSON.stringify(objectAt(p.podSc, 'appArmorProfile')?.['type'])}`);
  for (const x of p.containers) if (profileBad(x.sc)) bad.push(`container ${JSON.stringify(x.name)} must not set securityContext.appArmorProfile.type to ${JSON.stringify(objectAt(x.sc, 'appArmorProfile')?.['type'])}`);
  return bad.length ? { reason: 'forbidden AppArmor profile', detail: bad.join(', ') } : undefined;
};

const seLinux: Check = (p, minor) => {
  const allowed = new Set(SELINUX_TYPES.filter(([, since]) => minor >= since).map(([t]) => t));
  const badWho: string[] = [];
  const problems = new Set<string>();
  const inspect = (sc: Obj, who: string) => {
    const o = objectAt(sc, 'seLinuxOptions');
    if (!o) return;
    let bad = false;
    if (typeof o['type'] === 'string' && !allowed.has(o['type'])) { problems.add(`type ${JSON.stringify(o['type'])}`); bad = true; }
    if (o['user']) { problems.add(`user ${JSON.stringify(o['user'])}`); bad = true; }
    if (o['role']) { problems.add(`role ${JSON.stringify(o['role'])}`); bad = true; }
    if (bad) badWho.push(who);
  };
  inspect(p.podSc, 'pod');
  const containers: string[] = [];
  for (const x of p.containers) {
    const before = badWho.length;
    inspect(x.sc, x.name);
    if (badWho.length > before) { badWho.pop(); containers.push(x.name); }
  }
  if (!badWho.length && !containers.length) return undefined;
  const who = [badWho.length ? 'pod' : '', containers.length ? names('container', containers) : ''].filter(Boolean).join(' and ');
  return { reason: 'seLinuxOptions', detail: `${who} set forbidden securityContext.seLinuxOptions: ${[...problems].join('; ')}` };
};

const procMount: Check = (p) => {
  const bad = p.containers.filter((x) => x.sc['procMount'] !== undefined && x.sc['procMount'] !== 'Default').map((x) => x.name);
  if (!bad.length) return undefined;
  const kind = String(p.containers.find((x) => x.name === bad[0])?.sc['procMount']);
  return { reason: 'procMount', detail: `${names('container', bad)} must not set securityContext.procMount to ${JSON.stringify(kind)}` };
};

const seccompBaseline: Check = (p) => {
  const unconfined = (sc: Obj) => objectAt(sc, 'seccompProfile')?.['type'] === 'Unconfined';
  const parts: string[] = [];
  if (unconfined(p.podSc)) parts.push('pod must not set securityContext.seccompProfile.type to "Unconfined"');
  const bad = p.containers.filter((x) => unconfined(x.sc)).map((x) => x.name);
  if (bad.length) parts.push(`${names('container', bad)} must not set securityContext.seccompProfile.type to "Unconfined"`);
  return parts.length ? { reason: 'seccompProfile', detail: parts.join('; ') } : undefined;
};

const sysctls: Check = (p, minor) => {
  const safe = new Set(SAFE_SYSCTLS.filter(([, since]) => minor >= since).map(([s]) => s));
  const bad = (arrayAt(p.podSc, 'sysctls') ?? []).filter(isPlainObject).map((s) => String(s['name'])).filter((n) => !safe.has(n));
  return bad.length ? { reason: 'forbidden sysctls', detail: bad.join(', ') } : undefined;
};

const volumeTypes: Check = (p) => {
  const bad: string[] = [];
  const types: string[] = [];
  for (const v of (arrayAt(p.spec, 'volumes') ?? []).filter(isPlainObject)) {
    const type = Object.keys(v).find((k) => k !== 'name');
    if (type && !RESTRICTED_VOLUMES.has(type)) { bad.push(String(v['name'])); if (!types.includes(type)) types.push(type); }
  }
  if (!bad.length) return undefined;
  return { reason: 'restricted volume types', detail: `${names('volume', bad)} ${bad.length === 1 ? 'uses' : 'use'} restricted volume type${types.length === 1 ? '' : 's'} ${q(types)}` };
};

const privilegeEscalation: Check = (p) => {
  const bad = p.containers.filter((x) => x.sc['allowPrivilegeEscalation'] !== false).map((x) => x.name);
  return bad.length ? { reason: 'allowPrivilegeEscalation != false', detail: `${names('container', bad)} must set securityContext.allowPrivilegeEscalation=false` } : undefined;
};

const runAsNonRoot: Check = (p) => {
  const podValue = p.podSc['runAsNonRoot'];
  const explicitFalse = p.containers.filter((x) => x.sc['runAsNonRoot'] === false).map((x) => x.name);
  const unset = p.containers.filter((x) => x.sc['runAsNonRoot'] === undefined).map((x) => x.name);
  const parts: string[] = [];
  if (podValue === false) parts.push('pod must not set securityContext.runAsNonRoot=false');
  if (explicitFalse.length) parts.push(`${names('container', explicitFalse)} must not set securityContext.runAsNonRoot=false`);
  if (podValue !== true && unset.length) parts.push(`pod or ${names('container', unset)} must set securityContext.runAsNonRoot=true`);
  return parts.length ? { reason: 'runAsNonRoot != true', detail: parts.join('; ') } : undefined;
};

const runAsUser: Check = (p) => {
  const pod = p.podSc['runAsUser'] === 0;
  const bad = p.containers.filter((x) => x.sc['runAsUser'] === 0).map((x) => x.name);
  if (!pod && !bad.length) return undefined;
  const who = [pod ? 'pod' : '', bad.length ? names('container', bad) : ''].filter(Boolean).join(' and ');
  return { reason: 'runAsUser=0', detail: `${who} must not set runAsUser=0` };
};

const seccompRestricted: Check = (p) => {
  const type = (sc: Obj) => objectAt(sc, 'seccompProfile')?.['type'];
  const ok = (t: unknown) => t === 'RuntimeDefault' || t === 'Localhost';
  const parts: string[] = [];
  const podType = type(p.podSc);
  if (podType !== undefined && !ok(podType)) parts.push(`pod must not set securityContext.seccompProfile.type to ${JSON.stringify(podType)}`);
  const explicitBad = p.containers.filter((x) => type(x.sc) !== undefined && !ok(type(x.sc))).map((x) => x.name);
  if (explicitBad.length) parts.push(`${names('container', explicitBad)} must not set securityContext.seccompProfile.type to ${JSON.stringify(type(p.containers.find((x) => x.name === explicitBad[0])?.sc ?? {}))}`);
  if (!ok(podType)) {
    const unset = p.containers.filter((x) => type(x.sc) === undefined).map((x) => x.name);
    if (unset.length) parts.push(`pod or ${names('container', unset)} must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"`);
  }
  return parts.length ? { reason: 'seccompProfile', detail: parts.join('; ') } : undefined;
};

const capabilitiesRestricted: Check = (p) => {
  const noDrop: string[] = [];
  const adds: string[] = [];
  for (const x of p.containers) {
    const caps = objectAt(x.sc, 'capabilities');
    if (!(arrayAt(caps, 'drop') ?? []).map(String).includes('ALL')) noDrop.push(x.name);
    const add = (arrayAt(caps, 'add') ?? []).map(String).filter((cap) => cap !== 'NET_BIND_SERVICE');
    if (add.length) adds.push(`${names('container', [x.name])} must not include ${q(add)} in securityContext.capabilities.add`);
  }
  const parts = [...(noDrop.length ? [`${names('container', noDrop)} must set securityContext.capabilities.drop=["ALL"]`] : []), ...adds];
  return parts.length ? { reason: 'unrestricted capabilities', detail: parts.join('; ') } : undefined;
};

// In the order kube-apiserver reports them: baseline checks, then restricted ones, each by check id.
const BASELINE: readonly Check[] = [appArmor, capabilitiesBaseline, hostNamespaces, hostPath, hostPorts, privileged, procMount, seccompBaseline, seLinux, sysctls, hostProcess];
const RESTRICTED: readonly Check[] = [privilegeEscalation, capabilitiesRestricted, volumeTypes, runAsNonRoot, runAsUser, seccompRestricted];

/**
 * The violations of `level` at policy version 1.`minor` (latest: a large number) by a pod with
 * this metadata and spec. Empty when it complies.
 */
export function checkPod(level: Level, minor: number, meta: ObjectMeta, spec: Obj): Violation[] {
  if (level === 'privileged') return [];
  const p = view(meta, spec);
  // Restricted replaces the baseline seccomp and capability checks with stricter ones.
  const checks = level === 'restricted' ? [...BASELINE.filter((c) => c !== seccompBaseline && c !== capabilitiesBaseline), ...RESTRICTED] : BASELINE;
  const out: Violation[] = [];
  for (const c of checks) {
    const v = c(p, minor);
    if (v) out.push(v);
  }
  return out;
}

/** "reason (detail), reason (detail)" as the 403 and warnings say. */
export function formatViolations(vs: readonly Violation[]): string {
  return vs.map((v) => (v.detail ? `${v.reason} (${v.detail})` : v.reason)).join(', ');
}
