/**
 * @module Resource names and quantities (pkg/apis/core/helper and validation): standard,
 * container, quota and extended resource names, integer-only resources, requests ≤ limits (equal
 * for resources that cannot be overcommitted), huge pages, and resource claims of containers.
 */
import type { Quantity } from '../quantity.js';
import { type FieldError, type FieldPath, fieldErrors } from './field-errors.js';
import { GoValue } from './go-values.js';
import { list, NEGATIVE_MSG, obj, qty, str } from './helpers.js';
import { isDNS1123Label, isQualifiedName } from './names.js';

const STANDARD = new Set(['cpu', 'memory', 'ephemeral-storage', 'requests.cpu', 'requests.memory', 'requests.ephemeral-storage',
  'limits.cpu', 'limits.memory', 'limits.ephemeral-storage', 'pods', 'resourcequotas', 'services', 'replicationcontrollers', 'secrets',
  'configmaps', 'persistentvolumeclaims', 'storage', 'requests.storage', 'services.nodeports', 'services.loadbalancers']);
const STANDARD_QUOTA = new Set(['cpu', 'memory', 'ephemeral-storage', 'requests.cpu', 'requests.memory', 'requests.storage',
  'requests.ephemeral-storage', 'limits.cpu', 'limits.memory', 'limits.ephemeral-storage', 'pods', 'resourcequotas', 'services',
  'replicationcontrollers', 'secrets', 'persistentvolumeclaims', 'configmaps', 'services.nodeports', 'services.loadbalancers']);
const INTEGER = new Set(['pods', 'resourcequotas', 'services', 'replicationcontrollers', 'secrets', 'configmaps', 'persistentvolumeclaims',
  'services.nodeports', 'services.loadbalancers']);

export const isHugePages = (n: string): boolean => n.startsWith('hugepages-');
const isQuotaHugePages = (n: string): boolean => n.startsWith('hugepages-') || n.startsWith('requests.hugepages-');
/** No domain, or a kubernetes.io domain. */
export const isNativeResource = (n: string): boolean => !n.includes('/') || n.includes('kubernetes.io/');
export function isExtendedResource(n: string): boolean {
  if (isNativeResource(n) || n.startsWith('requests.')) return false;
  return isQualifiedName(`requests.${n}`).length === 0;
}
export const isOvercommitAllowed = (n: string): boolean => isNativeResource(n) && !isHugePages(n);
export const isIntegerResource = (n: string): boolean => INTEGER.has(n) || isExtendedResource(n);
export const isStandardQuotaResource = (n: string): boolean => STANDARD_QUOTA.has(n) || isQuotaHugePages(n);
const isStandardContainerResource = (n: string): boolean => n === 'cpu' || n === 'memory' || n === 'ephemeral-storage' || isHugePages(n);

/** A compute resource name: qualified, and standard when it has no domain. */
export function validateResourceName(errs: FieldError[], name: string, path: FieldPath): boolean {
  const before = errs.length;
  for (const m of isQualifiedName(name)) errs.push(fieldErrors.invalid(path, name, m));
  if (errs.length > before) return false;
  if (!name.includes('/') && !(STANDARD.has(name) || isQuotaHugePages(name))) {
    errs.push(fieldErrors.invalid(path, name, 'must be a standard resource type or fully qualified'));
    return false;
  }
  return true;
}

/** A container resource name (cpu, memory, ephemeral-storage, hugepages-*, or an extended resource). */
export function validateContainerResourceName(errs: FieldError[], name: string, path: FieldPath): void {
  validateResourceName(errs, name, path);
  if (!name.includes('/')) {
    if (!isStandardContainerResource(name)) errs.push(fieldErrors.invalid(path, name, 'must be a standard resource for containers'));
  } else if (!isNativeResource(name) && !isExtendedResource(name)) {
    errs.push(fieldErrors.invalid(path, name, "doesn't follow extended resource name standard"));
  }
}

/** A quota resource name. */
export function validateQuotaResourceName(errs: FieldError[], name: string, path: FieldPath): void {
  validateResourceName(errs, name, path);
  if (!name.includes('/') && !isStandardQuotaResource(name)) errs.push(fieldErrors.invalid(path, name, 'must be a standard resource for quota'));
}

/** Go's %#v of a resource.Quantity value (used where upstream passes the struct, not its string). */
export function goQuantity(q: Quantity): GoValue {
  const s = q.toString();
  return new GoValue(`resource.Quantity{i:resource.int64Amount{value:${q.mantissa}, scale:${q.exp}}, d:resource.infDecAmount{Dec:(*inf.Dec)(nil)}, s:${JSON.stringify(s)}, Format:${JSON.stringify(q.format)}}`);
}

/** Non-negative, and a whole number for integer resources. */
export function validateResourceQuantity(errs: FieldError[], name: string, v: unknown, path: FieldPath): void {
  const q = qty(v);
  if (!q) return;
  if (q.sign() < 0) errs.push(fieldErrors.invalid(path, q.toString(), NEGATIVE_MSG));
  if (isIntegerResource(name) && q.scaled(-3) % 1000n !== 0n) errs.push(fieldErrors.invalid(path, goQuantity(q), 'must be an integer'));
}

/** Huge page values must be multiples of the page size in the name (hugepages-2Mi). */
function hugePageError(name: string, q: Quantity): string | undefined {
  const page = qty(name.slice('hugepages-'.length));
  if (!page || page.sign() <= 0) return `${q.toString()} is not positive integer multiple of ${name}`;
  const v = q.scaled(0);
  const size = page.scaled(0);
  return v % size === 0n ? undefined : `${q.toString()} is not positive integer multiple of ${name}`;
}

/** Container (or overhead) resource requirements. `claims` are the pod's resource claim names. */
export function validateResourceRequirements(errs: FieldError[], raw: unknown, path: FieldPath, claims: ReadonlySet<string> | undefined): void {
  const r = obj(raw);
  const limits = obj(r['limits']);
  const requests = obj(r['requests']);
  const limPath = path.child('limits');
  const reqPath = path.child('requests');
  let cpuMem = false;
  let huge = false;
  for (const [name, v] of Object.entries(limits)) {
    const fp = limPath.key(name);
    validateContainerResourceName(errs, name, fp);
    validateResourceQuantity(errs, name, v, fp);
    const q = qty(v);
    if (isHugePages(name)) {
      huge = true;
      const e = q && hugePageError(name, q);
      if (q && e) errs.push(fieldErrors.invalid(fp, q.toString(), e));
    }
    if (name === 'cpu' || name === 'memory') cpuMem = true;
  }
  for (const [name, v] of Object.entries(requests)) {
    const fp = reqPath.key(name);
    validateContainerResourceName(errs, name, fp);
    validateResourceQuantity(errs, name, v, fp);
    const q = qty(v);
    const lim = qty(limits[name]);
    if (q && lim) {
      if (q.cmp(lim) !== 0 && !isOvercommitAllowed(name)) errs.push(fieldErrors.invalid(reqPath, q.toString(), `must be equal to ${name} limit of ${lim.toString()}`));
      else if (q.cmp(lim) > 0) errs.push(fieldErrors.invalid(reqPath, q.toString(), `must be less than or equal to ${name} limit of ${lim.toString()}`));
    } else if (limits[name] === undefined && !isOvercommitAllowed(name)) {
      errs.push(fieldErrors.required(limPath, 'Limit must be set for non overcommitable resources'));
    }
    if (isHugePages(name)) {
      huge = true;
      const e = q && hugePageError(name, q);
      if (q && e) errs.push(fieldErrors.invalid(fp, q.toString(), e));
    }
    if (name === 'cpu' || name === 'memory') cpuMem = true;
  }
  if (huge && !cpuMem) errs.push(fieldErrors.forbidden(path, 'HugePages require cpu or memory'));
  validateClaims(errs, r['claims'], path.child('claims'), claims ?? new Set());
}

function validateClaims(errs: FieldError[], raw: unknown, path: FieldPath, podClaims: ReadonlySet<string>): void {
  const names = new Set<string>();
  list(raw).forEach((c, i) => {
    const name = str(obj(c)['name']);
    const request = str(obj(c)['request']);
    const p = path.index(i);
    if (!name) return void errs.push(fieldErrors.required(p));
    if (names.has(name)) errs.push(fieldErrors.duplicate(p, name));
    else {
      if (request) for (const m of isDNS1123Label(request)) errs.push(fieldErrors.invalid(p.child('request'), request, m));
      const key = request ? `${name}/${request}` : name;
      if (names.has(key)) errs.push(fieldErrors.duplicate(p, key));
      else if (!request) for (const k of names) if (k.startsWith(`${name}/`)) errs.push(fieldErrors.duplicate(p, name));
      names.add(key);
    }
    if (!podClaims.has(name)) {
      const detail = `must be one of the names in pod.spec.resourceClaims${podClaims.size ? `: ${[...podClaims].sort().join(', ')}` : ' which is empty'}`;
      errs.push(fieldErrors.notFound(p, name, detail));
    }
  });
}
