/**
 * @module The three container lists of a pod spec (validateContainers, validateInitContainers,
 * validateEphemeralContainers): required regular containers, names unique across all lists,
 * probes and lifecycle only where they may run (init containers need restartPolicy Always),
 * host port conflicts, and the fields an ephemeral container may not set.
 */
import { type FieldError, type FieldPath, fieldErrors } from './field-errors.js';
import { list, obj, str } from './helpers.js';
import { type ContainerContext, validateContainerCommon, validateLifecycle, validateProbe } from './container.js';

type Obj = Record<string, unknown>;
const set = (v: unknown): boolean => v !== undefined && v !== null;

function validateProbesAndLifecycle(errs: FieldError[], c: Obj, path: FieldPath, ctx: ContainerContext): void {
  if (set(c['lifecycle'])) validateLifecycle(errs, c['lifecycle'], path.child('lifecycle'), ctx.gracePeriod);
  validateProbe(errs, c['livenessProbe'], path.child('livenessProbe'), 'liveness', ctx.gracePeriod);
  validateProbe(errs, c['readinessProbe'], path.child('readinessProbe'), 'readiness', ctx.gracePeriod);
  validateProbe(errs, c['startupProbe'], path.child('startupProbe'), 'startup', ctx.gracePeriod);
}

/** Host ports must be unique per protocol and host IP across `containers`. */
function checkHostPorts(errs: FieldError[], containers: readonly Obj[], path: FieldPath): void {
  const seen = new Set<string>();
  containers.forEach((c, ci) => list(c['ports']).forEach((raw, pi) => {
    const p = obj(raw);
    const hp = typeof p['hostPort'] === 'number' ? p['hostPort'] : 0;
    if (hp === 0) return;
    const key = `${str(p['protocol'])}/${str(p['hostIP'])}/${hp}`;
    if (seen.has(key)) errs.push(fieldErrors.duplicate(path.index(ci).child('ports').index(pi).child('hostPort'), key));
    seen.add(key);
  }));
}

/** Image names of a pod (not a template) may not carry surrounding whitespace. */
export function validateImageWhitespace(errs: FieldError[], c: Obj, path: FieldPath): void {
  const image = str(c['image']);
  if (image.trim() !== image) errs.push(fieldErrors.invalid(path.child('image'), image, 'must not have leading or trailing whitespace'));
}

export function validateContainers(errs: FieldError[], raw: unknown, path: FieldPath, ctx: ContainerContext): void {
  const cs = list(raw).map(obj);
  if (cs.length === 0) return void errs.push(fieldErrors.required(path));
  const names = new Set<string>();
  cs.forEach((c, i) => {
    const p = path.index(i);
    validateContainerCommon(errs, c, p, ctx);
    const name = str(c['name']);
    if (names.has(name)) errs.push(fieldErrors.duplicate(p.child('name'), name));
    names.add(name);
    validateProbesAndLifecycle(errs, c, p, ctx);
    if (set(c['restartPolicy'])) errs.push(fieldErrors.forbidden(p.child('restartPolicy'), 'may not be set for non-init containers'));
  });
  checkHostPorts(errs, cs, path);
}

const INIT_FORBIDDEN = ['lifecycle', 'livenessProbe', 'readinessProbe', 'startupProbe'] as const;

export function validateInitContainers(errs: FieldError[], raw: unknown, regular: unknown, path: FieldPath, ctx: ContainerContext): void {
  const names = new Set(list(regular).map((c) => str(obj(c)['name'])));
  list(raw).map(obj).forEach((c, i) => {
    const p = path.index(i);
    validateContainerCommon(errs, c, p, ctx);
    let sidecar = false;
    if (set(c['restartPolicy'])) {
      if (c['restartPolicy'] !== 'Always') errs.push(fieldErrors.notSupported(p.child('restartPolicy'), c['restartPolicy'], ['Always']));
      sidecar = c['restartPolicy'] === 'Always';
    }
    const name = str(c['name']);
    if (names.has(name)) errs.push(fieldErrors.duplicate(p.child('name'), name));
    else if (name) names.add(name);
    // Init containers run one at a time: host ports only conflict within one (reported at index 0, as upstream).
    checkHostPorts(errs, [c], path);
    if (sidecar) validateProbesAndLifecycle(errs, c, p, ctx);
    else for (const f of INIT_FORBIDDEN) if (set(c[f])) errs.push(fieldErrors.forbidden(p.child(f), 'may not be set for init containers without restartPolicy=Always'));
  });
}

/** Fields an ephemeral container may not set (everything not on upstream's allow list). */
const EPHEMERAL_FORBIDDEN = ['ports', 'resources', 'resizePolicy', 'restartPolicy', 'livenessProbe', 'readinessProbe', 'startupProbe', 'lifecycle'];

function isZero(v: unknown): boolean {
  if (v === undefined || v === null || v === '' || v === false || v === 0) return true;
  if (Array.isArray(v)) return v.length === 0;
  if (typeof v === 'object') return Object.values(v as Obj).every(isZero);
  return false;
}

export function validateEphemeralContainers(errs: FieldError[], raw: unknown, spec: Obj, path: FieldPath, ctx: ContainerContext): void {
  const ecs = list(raw).map(obj);
  if (ecs.length === 0) return;
  const others = new Set([...list(spec['containers']), ...list(spec['initContainers'])].map((c) => str(obj(c)['name'])));
  const all = new Set(others);
  ecs.forEach((c, i) => {
    const p = path.index(i);
    validateContainerCommon(errs, c, p, ctx);
    validateImageWhitespace(errs, c, p);
    const name = str(c['name']);
    if (all.has(name)) errs.push(fieldErrors.duplicate(p.child('name'), name));
    else all.add(name);
    const target = str(c['targetContainerName']);
    if (target && !others.has(target)) errs.push(fieldErrors.notFound(p.child('targetContainerName'), target));
    for (const f of EPHEMERAL_FORBIDDEN) if (!isZero(c[f])) errs.push(fieldErrors.forbidden(p.child(f), 'cannot be set for an Ephemeral Container'));
    list(c['volumeMounts']).forEach((m, j) => {
      for (const f of ['subPath', 'subPathExpr'] as const) {
        if (str(obj(m)[f])) errs.push(fieldErrors.forbidden(p.child('volumeMounts').index(j).child(f), 'cannot be set for an Ephemeral Container'));
      }
    });
  });
}
