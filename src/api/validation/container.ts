/**
 * @module One container (pkg/apis/core/validation validateContainerCommon and friends): name and
 * image, ports, env and envFrom, volume mounts and devices, probes and lifecycle handlers (exactly
 * one handler each), pull and termination-message policies, resources, resize policy and the
 * security context. The lists (regular, init, ephemeral) are checked in containers.ts.
 */
import { type FieldError, type FieldPath, fieldErrors } from './field-errors.js';
import { go } from './go-values.js';
import { checkEnum, list, NEGATIVE_MSG, obj, str } from './helpers.js';
import { isDNS1123Label, isDNS1123Subdomain, isHTTPHeaderName, isRelaxedEnvVarName, isValidPortName, isValidPortNum, isValidUserOrGroupId, nameIsDNSSubdomain } from './names.js';
import { ENV_FIELD_PATHS, validateKeySelector, validateLocalDescendingPath, validateObjectFieldSelector, validatePathNoBacksteps, validateResourceFieldSelector } from './pod-paths.js';
import { validateResourceRequirements } from './resources.js';

type Obj = Record<string, unknown>;

/** What a container is checked against. */
export interface ContainerContext {
  readonly volumes: ReadonlyMap<string, Obj>;
  readonly claims: ReadonlySet<string>;
  readonly restartPolicy: string;
  readonly gracePeriod: number | undefined;
  readonly hostUsers: boolean;
}

export const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
export const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];
const set = (v: unknown): boolean => v !== undefined && v !== null;

function validatePorts(errs: FieldError[], ports: unknown, path: FieldPath): void {
  const names = new Set<string>();
  list(ports).forEach((raw, i) => {
    const p = obj(raw);
    const pp = path.index(i);
    const name = str(p['name']);
    if (name) {
      const msgs = isValidPortName(name);
      if (msgs.length) for (const m of msgs) errs.push(fieldErrors.invalid(pp.child('name'), name, m));
      else if (names.has(name)) errs.push(fieldErrors.duplicate(pp.child('name'), name));
      else names.add(name);
    }
    const cp = typeof p['containerPort'] === 'number' ? p['containerPort'] : 0;
    if (cp === 0) errs.push(fieldErrors.required(pp.child('containerPort')));
    else for (const m of isValidPortNum(cp)) errs.push(fieldErrors.invalid(pp.child('containerPort'), cp, m));
    const hp = typeof p['hostPort'] === 'number' ? p['hostPort'] : 0;
    if (hp !== 0) for (const m of isValidPortNum(hp)) errs.push(fieldErrors.invalid(pp.child('hostPort'), hp, m));
    checkEnum(errs, pp.child('protocol'), p['protocol'], PROTOCOLS, true);
  });
}

function validateEnv(errs: FieldError[], env: unknown, path: FieldPath): void {
  list(env).forEach((raw, i) => {
    const e = obj(raw);
    const ep = path.index(i);
    const name = str(e['name']);
    if (!name) errs.push(fieldErrors.required(ep.child('name')));
    else for (const m of isRelaxedEnvVarName(name)) errs.push(fieldErrors.invalid(ep.child('name'), name, m));
    if (!set(e['valueFrom'])) return;
    const vf = obj(e['valueFrom']);
    const vp = ep.child('valueFrom');
    let n = 0;
    if (set(vf['fieldRef'])) { n++; validateObjectFieldSelector(errs, vf['fieldRef'], ENV_FIELD_PATHS, vp.child('fieldRef')); }
    if (set(vf['resourceFieldRef'])) { n++; validateResourceFieldSelector(errs, vf['resourceFieldRef'], vp.child('resourceFieldRef'), false); }
    if (set(vf['configMapKeyRef'])) { n++; validateKeySelector(errs, vf['configMapKeyRef'], vp.child('configMapKeyRef'), isDNS1123Subdomain); }
    if (set(vf['secretKeyRef'])) { n++; validateKeySelector(errs, vf['secretKeyRef'], vp.child('secretKeyRef'), isDNS1123Subdomain); }
    if (n === 0) errs.push(fieldErrors.invalid(vp, '', 'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`'));
    else if (str(e['value'])) errs.push(fieldErrors.invalid(vp, '', 'may not be specified when `value` is not empty'));
    else if (n > 1) errs.push(fieldErrors.invalid(vp, '', 'may not have more than one field specified at a time'));
  });
}

function validateEnvFrom(errs: FieldError[], envFrom: unknown, path: FieldPath): void {
  list(envFrom).forEach((raw, i) => {
    const e = obj(raw);
    const ep = path.index(i);
    const prefix = str(e['prefix']);
    if (prefix) for (const m of isRelaxedEnvVarName(prefix)) errs.push(fieldErrors.invalid(ep.child('prefix'), prefix, m));
    let n = 0;
    for (const kind of ['configMapRef', 'secretRef'] as const) {
      if (!set(e[kind])) continue;
      n++;
      const name = str(obj(e[kind])['name']);
      const np = ep.child(kind, 'name');
      if (!name) errs.push(fieldErrors.required(np));
      else for (const m of nameIsDNSSubdomain(name, true)) errs.push(fieldErrors.invalid(np, name, m));
    }
    // Upstream reports these on the envFrom list's path, not the entry's.
    if (n === 0) errs.push(fieldErrors.invalid(path, '', 'must specify one of: `configMapRef` or `secretRef`'));
    else if (n > 1) errs.push(fieldErrors.invalid(path, '', 'may not have more than one field specified at a time'));
  });
}

function validateMounts(errs: FieldError[], c: Obj, path: FieldPath, ctx: ContainerContext): void {
  const devices = new Map(list(c['volumeDevices']).map((d) => [str(obj(d)['name']), str(obj(d)['devicePath'])]));
  const devicePaths = new Set(devices.values());
  const mountPaths = new Set<string>();
  const privileged = obj(c['securityContext'])['privileged'] === true;
  list(c['volumeMounts']).forEach((raw, i) => {
    const m = obj(raw);
    const mp = path.index(i);
    const name = str(m['name']);
    const mountPath = str(m['mountPath']);
    if (!name) errs.push(fieldErrors.required(mp.child('name')));
    if (!ctx.volumes.has(name)) errs.push(fieldErrors.notFound(mp.child('name'), name));
    if (!mountPath) errs.push(fieldErrors.required(mp.child('mountPath')));
    if (mountPaths.has(mountPath)) errs.push(fieldErrors.invalid(mp.child('mountPath'), mountPath, 'must be unique'));
    mountPaths.add(mountPath);
    if (devices.has(name)) errs.push(fieldErrors.invalid(mp.child('name'), name, 'must not already exist in volumeDevices'));
    if (devicePaths.has(mountPath)) errs.push(fieldErrors.invalid(mp.child('mountPath'), mountPath, 'must not already exist as a path in volumeDevices'));
    const subPath = str(m['subPath']);
    const subExpr = str(m['subPathExpr']);
    if (obj(ctx.volumes.get(name))['image'] !== undefined) {
      if (subPath) errs.push(fieldErrors.invalid(mp.child('subPath'), subPath, 'not allowed in image volume sources'));
      if (subExpr) errs.push(fieldErrors.invalid(mp.child('subPathExpr'), subExpr, 'not allowed in image volume sources'));
    }
    // Upstream reports the sub-path checks on the list's path (volumeMounts.subPath).
    if (subPath) validateLocalDescendingPath(errs, subPath, path.child('subPath'));
    if (subExpr) {
      if (subPath) errs.push(fieldErrors.invalid(mp.child('subPathExpr'), subExpr, 'subPathExpr and subPath are mutually exclusive'));
      validateLocalDescendingPath(errs, subExpr, path.child('subPathExpr'));
    }
    const prop = m['mountPropagation'];
    if (set(prop)) {
      const pp = path.child('mountPropagation');
      checkEnum(errs, pp, prop, ['Bidirectional', 'HostToContainer', 'None'], true);
      if (prop === 'Bidirectional' && !privileged) errs.push(fieldErrors.forbidden(pp, 'Bidirectional mount propagation is available only to privileged containers'));
    }
    const rro = m['recursiveReadOnly'];
    if (set(rro) && rro !== 'Disabled') {
      const rp = path.child('recursiveReadOnly');
      if (rro === 'Enabled' || rro === 'IfPossible') {
        if (m['readOnly'] !== true) errs.push(fieldErrors.forbidden(rp, 'may only be specified when readOnly is true'));
        if (set(prop) && prop !== 'None') errs.push(fieldErrors.forbidden(rp, 'may only be specified when mountPropagation is None or not specified'));
      } else {
        errs.push(fieldErrors.notSupported(rp, rro, ['Disabled', 'Enabled', 'IfPossible']));
      }
    }
  });
}

function validateDevices(errs: FieldError[], c: Obj, path: FieldPath, ctx: ContainerContext): void {
  const mounts = new Map(list(c['volumeMounts']).map((d) => [str(obj(d)['name']), str(obj(d)['mountPath'])]));
  const mountPaths = new Set(mounts.values());
  const names = new Set<string>();
  const paths = new Set<string>();
  list(c['volumeDevices']).forEach((raw, i) => {
    const d = obj(raw);
    const dp = path.index(i);
    const name = str(d['name']);
    const devicePath = str(d['devicePath']);
    const vol = ctx.volumes.get(name);
    if (!name) errs.push(fieldErrors.required(dp.child('name')));
    if (names.has(name)) errs.push(fieldErrors.invalid(dp.child('name'), name, 'must be unique'));
    if (vol && vol['persistentVolumeClaim'] === undefined && vol['ephemeral'] === undefined) {
      errs.push(fieldErrors.invalid(dp.child('name'), name, 'can only use volume source type of PersistentVolumeClaim or Ephemeral for block mode'));
    }
    if (!vol) errs.push(fieldErrors.notFound(dp.child('name'), name));
    if (!devicePath) errs.push(fieldErrors.required(dp.child('devicePath')));
    if (paths.has(devicePath)) errs.push(fieldErrors.invalid(dp.child('devicePath'), devicePath, 'must be unique'));
    const backsteps: FieldError[] = [];
    if (devicePath) validatePathNoBacksteps(backsteps, devicePath, dp);
    if (backsteps.length) errs.push(fieldErrors.invalid(dp.child('devicePath'), devicePath, "can not contain backsteps ('..')"));
    else paths.add(devicePath);
    if (mounts.has(name)) errs.push(fieldErrors.invalid(dp.child('name'), name, 'must not already exist in volumeMounts'));
    if (mountPaths.has(devicePath)) errs.push(fieldErrors.invalid(dp.child('devicePath'), devicePath, 'must not already exist as a path in volumeMounts'));
    if (name) names.add(name);
  });
}

function validatePortNumOrName(errs: FieldError[], port: unknown, path: FieldPath): void {
  if (typeof port === 'string') for (const m of isValidPortName(port)) errs.push(fieldErrors.invalid(path, port, m));
  else {
    const n = typeof port === 'number' ? port : 0;
    for (const m of isValidPortNum(n)) errs.push(fieldErrors.invalid(path, n, m));
  }
}

/** A probe or lifecycle handler: exactly one action. `kinds` are the actions the handler type has. */
function validateHandler(errs: FieldError[], h: Obj, path: FieldPath, kinds: readonly string[], gracePeriod: number | undefined): void {
  let n = 0;
  for (const kind of kinds) {
    if (!set(h[kind])) continue;
    const kp = path.child(kind);
    if (n > 0) {
      errs.push(fieldErrors.forbidden(kp, 'may not specify more than 1 handler type'));
      continue;
    }
    n++;
    const a = obj(h[kind]);
    if (kind === 'exec' && list(a['command']).length === 0) errs.push(fieldErrors.required(kp.child('command')));
    if (kind === 'httpGet') {
      if (!str(a['path'])) errs.push(fieldErrors.required(kp.child('path')));
      validatePortNumOrName(errs, a['port'], kp.child('port'));
      const scheme = str(a['scheme']);
      if (scheme !== 'HTTP' && scheme !== 'HTTPS') errs.push(fieldErrors.notSupported(kp.child('scheme'), scheme, ['HTTP', 'HTTPS']));
      for (const hd of list(a['httpHeaders'])) {
        const hn = str(obj(hd)['name']);
        for (const m of isHTTPHeaderName(hn)) errs.push(fieldErrors.invalid(kp.child('httpHeaders'), hn, m));
      }
    }
    if (kind === 'tcpSocket') validatePortNumOrName(errs, a['port'], kp.child('port'));
    if (kind === 'grpc') validatePortNumOrName(errs, typeof a['port'] === 'number' ? a['port'] : 0, kp.child('port'));
    if (kind === 'sleep') {
      const secs = typeof a['seconds'] === 'number' ? a['seconds'] : 0;
      // PodLifecycleSleepActionAllowZero is on in 1.33: zero seconds are allowed.
      if (gracePeriod !== undefined && (secs < 0 || secs > gracePeriod)) {
        errs.push(fieldErrors.invalid(kp, secs, `must be non-negative and less than terminationGracePeriodSeconds (${gracePeriod})`));
      }
    }
  }
  if (n === 0) errs.push(fieldErrors.required(path, 'must specify a handler type'));
}

const PROBE_ACTIONS = ['exec', 'httpGet', 'tcpSocket', 'grpc'];
const LIFECYCLE_ACTIONS = ['exec', 'httpGet', 'tcpSocket', 'sleep'];

/** A liveness, readiness or startup probe. */
export function validateProbe(errs: FieldError[], raw: unknown, path: FieldPath, which: 'liveness' | 'readiness' | 'startup', gracePeriod: number | undefined): void {
  if (!set(raw)) return;
  const p = obj(raw);
  validateHandler(errs, p, path, PROBE_ACTIONS, gracePeriod);
  for (const f of ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold'] as const) {
    const v = typeof p[f] === 'number' ? p[f] : 0;
    if (v < 0) errs.push(fieldErrors.invalid(path.child(f), v, NEGATIVE_MSG));
  }
  const tgp = p['terminationGracePeriodSeconds'];
  if (typeof tgp === 'number' && tgp <= 0) errs.push(fieldErrors.invalid(path.child('terminationGracePeriodSeconds'), tgp, 'must be greater than 0'));
  if (which !== 'readiness' && (typeof p['successThreshold'] === 'number' ? p['successThreshold'] : 0) !== 1) {
    errs.push(fieldErrors.invalid(path.child('successThreshold'), typeof p['successThreshold'] === 'number' ? p['successThreshold'] : 0, 'must be 1'));
  }
  if (which === 'readiness' && set(tgp)) errs.push(fieldErrors.invalid(path.child('terminationGracePeriodSeconds'), tgp, 'must not be set for readinessProbes'));
}

/** postStart and preStop handlers. */
export function validateLifecycle(errs: FieldError[], raw: unknown, path: FieldPath, gracePeriod: number | undefined): void {
  const l = obj(raw);
  for (const hook of ['postStart', 'preStop'] as const) if (set(l[hook])) validateHandler(errs, obj(l[hook]), path.child(hook), LIFECYCLE_ACTIONS, gracePeriod);
}

function validateResizePolicy(errs: FieldError[], raw: unknown, path: FieldPath, restartPolicy: string): void {
  const seen = new Set<string>();
  list(raw).forEach((r, i) => {
    const p = obj(r);
    const name = str(p['resourceName']);
    const policy = str(p['restartPolicy']);
    if (seen.has(name)) errs.push(fieldErrors.duplicate(path.index(i), name));
    seen.add(name);
    if (!name) errs.push(fieldErrors.required(path));
    else if (name !== 'cpu' && name !== 'memory') errs.push(fieldErrors.notSupported(path, name, ['cpu', 'memory']));
    if (!policy) errs.push(fieldErrors.required(path));
    else if (policy !== 'NotRequired' && policy !== 'RestartContainer') errs.push(fieldErrors.notSupported(path, policy, ['NotRequired', 'RestartContainer']));
    if (restartPolicy === 'Never' && policy !== 'NotRequired') errs.push(fieldErrors.invalid(path, policy, "must be 'NotRequired' when `restartPolicy` is 'Never'"));
  });
}

const SECCOMP_TYPES = ['Localhost', 'RuntimeDefault', 'Unconfined'];

/** A seccomp profile (pod or container security context). */
export function validateSeccompProfile(errs: FieldError[], raw: unknown, path: FieldPath): void {
  if (!set(raw)) return;
  const sp = obj(raw);
  const t = str(sp['type']);
  if (!t) errs.push(fieldErrors.required(path.child('type'), 'type is required when seccompProfile is set'));
  else if (!SECCOMP_TYPES.includes(t)) errs.push(fieldErrors.notSupported(path.child('type'), t, SECCOMP_TYPES));
  if (t === 'Localhost') {
    if (!set(sp['localhostProfile'])) errs.push(fieldErrors.required(path.child('localhostProfile'), 'must be set when seccomp type is Localhost'));
    else validateLocalDescendingPath(errs, str(sp['localhostProfile']), path.child('localhostProfile'));
  } else if (set(sp['localhostProfile'])) {
    errs.push(fieldErrors.invalid(path.child('localhostProfile'), go.struct('core.SeccompProfile', [['Type', JSON.stringify(t)], ['LocalhostProfile', `(*string)(0x0)`]]), 'can only be set when seccomp type is Localhost'));
  }
}

/** An AppArmor profile (pod or container security context). */
export function validateAppArmorProfile(errs: FieldError[], raw: unknown, path: FieldPath): void {
  if (!set(raw)) return;
  const p = obj(raw);
  const t = str(p['type']);
  const lp = p['localhostProfile'];
  if (t === 'Localhost') {
    if (typeof lp !== 'string' || !lp.trim()) errs.push(fieldErrors.required(path.child('localhostProfile'), 'must be set when AppArmor type is Localhost'));
    else if (lp.trim() !== lp) errs.push(fieldErrors.invalid(path.child('localhostProfile'), lp, 'must not be padded with whitespace'));
    if (typeof lp === 'string' && lp.length > 4095) errs.push(fieldErrors.tooLong(path.child('localhostProfile'), 4095));
  } else if (t === 'RuntimeDefault' || t === 'Unconfined') {
    if (set(lp)) errs.push(fieldErrors.invalid(path.child('localhostProfile'), lp, 'can only be set when AppArmor type is Localhost'));
  } else if (!t) {
    errs.push(fieldErrors.required(path.child('type'), 'type is required when appArmorProfile is set'));
  } else {
    errs.push(fieldErrors.notSupported(path.child('type'), t, SECCOMP_TYPES));
  }
}

/** A container's securityContext. */
export function validateSecurityContext(errs: FieldError[], raw: unknown, path: FieldPath, hostUsers: boolean): void {
  if (!set(raw)) return;
  const sc = obj(raw);
  for (const f of ['runAsUser', 'runAsGroup'] as const) {
    if (set(sc[f])) for (const m of isValidUserOrGroupId(sc[f])) errs.push(fieldErrors.invalid(path.child(f), sc[f], m));
  }
  if (set(sc['procMount'])) {
    const pm = str(sc['procMount']);
    if (pm !== 'Default' && pm !== 'Unmasked') errs.push(fieldErrors.notSupported(path.child('procMount'), pm, ['Default', 'Unmasked']));
    if (hostUsers && pm === 'Unmasked') errs.push(fieldErrors.invalid(path.child('procMount'), pm, '`hostUsers` must be false to use `Unmasked`'));
  }
  validateSeccompProfile(errs, sc['seccompProfile'], path.child('seccompProfile'));
  if (sc['allowPrivilegeEscalation'] === false) {
    const scv = go.raw('core.SecurityContext{...}');
    if (sc['privileged'] === true) errs.push(fieldErrors.invalid(path, scv, 'cannot set `allowPrivilegeEscalation` to false and `privileged` to true'));
    if (list(obj(sc['capabilities'])['add']).includes('CAP_SYS_ADMIN')) errs.push(fieldErrors.invalid(path, scv, 'cannot set `allowPrivilegeEscalation` to false and `capabilities.Add` CAP_SYS_ADMIN'));
  }
  validateAppArmorProfile(errs, sc['appArmorProfile'], path.child('appArmorProfile'));
}

/** What every container kind shares: name, image, policies, ports, env, mounts, resources, security. */
export function validateContainerCommon(errs: FieldError[], c: Obj, path: FieldPath, ctx: ContainerContext): void {
  const name = str(c['name']);
  if (!name) errs.push(fieldErrors.required(path.child('name')));
  else for (const m of isDNS1123Label(name)) errs.push(fieldErrors.invalid(path.child('name'), name, m));
  if (!str(c['image'])) errs.push(fieldErrors.required(path.child('image')));
  checkEnum(errs, path.child('terminationMessagePolicy'), c['terminationMessagePolicy'], ['File', 'FallbackToLogsOnError'], true);
  validatePorts(errs, c['ports'], path.child('ports'));
  validateEnv(errs, c['env'], path.child('env'));
  validateEnvFrom(errs, c['envFrom'], path.child('envFrom'));
  validateMounts(errs, c, path.child('volumeMounts'), ctx);
  validateDevices(errs, c, path.child('volumeDevices'), ctx);
  checkEnum(errs, path.child('imagePullPolicy'), c['imagePullPolicy'], PULL_POLICIES, true);
  validateResourceRequirements(errs, c['resources'], path.child('resources'), ctx.claims);
  validateResizePolicy(errs, c['resizePolicy'], path.child('resizePolicy'), ctx.restartPolicy);
  validateSecurityContext(errs, c['securityContext'], path.child('securityContext'), ctx.hostUsers);
}
