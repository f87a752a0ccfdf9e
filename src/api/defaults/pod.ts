/**
 * @module Pod spec defaulting as Kubernetes's scheme defaults it (pkg/apis/core/v1/defaults.go):
 * restartPolicy, dnsPolicy, terminationGracePeriodSeconds, schedulerName, securityContext,
 * enableServiceLinks, and per container imagePullPolicy, termination message settings, port
 * protocols and empty resources. Mutates the given spec.
 */
import { isPlainObject } from '../meta/object.js';

type Obj = Record<string, unknown>;

function setDefault(o: Obj, key: string, value: unknown): void {
  if (o[key] === undefined || o[key] === null) o[key] = value;
}

/** IfNotPresent, or Always for `:latest` and untagged images (digests pin the image). */
export function defaultPullPolicy(image: unknown): string {
  if (typeof image !== 'string') return 'IfNotPresent';
  if (image.includes('@')) return 'IfNotPresent';
  const lastSlash = image.lastIndexOf('/');
  const tagAt = image.indexOf(':', lastSlash + 1);
  if (tagAt < 0) return 'Always';
  return image.slice(tagAt + 1) === 'latest' ? 'Always' : 'IfNotPresent';
}

function defaultContainer(c: unknown): void {
  if (!isPlainObject(c)) return;
  setDefault(c, 'terminationMessagePath', '/dev/termination-log');
  setDefault(c, 'terminationMessagePolicy', 'File');
  setDefault(c, 'imagePullPolicy', defaultPullPolicy(c['image']));
  setDefault(c, 'resources', {});
  const ports = c['ports'];
  if (Array.isArray(ports)) for (const p of ports) if (isPlainObject(p)) setDefault(p, 'protocol', 'TCP');
  const env = c['env'];
  if (Array.isArray(env)) {
    for (const e of env) {
      const fieldRef = isPlainObject(e) && isPlainObject(e['valueFrom']) ? e['valueFrom']['fieldRef'] : undefined;
      if (isPlainObject(fieldRef)) setDefault(fieldRef, 'apiVersion', 'v1');
    }
  }
  for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe']) {
    const p = c[probe];
    if (!isPlainObject(p)) continue;
    setDefault(p, 'timeoutSeconds', 1);
    setDefault(p, 'periodSeconds', 10);
    setDefault(p, 'successThreshold', 1);
    setDefault(p, 'failureThreshold', 3);
    const http = p['httpGet'];
    if (isPlainObject(http)) {
      setDefault(http, 'path', '/');
      setDefault(http, 'scheme', 'HTTP');
    }
  }
}

/** Defaults a PodSpec in place. */
export function defaultPodSpec(spec: unknown): void {
  if (!isPlainObject(spec)) return;
  setDefault(spec, 'restartPolicy', 'Always');
  setDefault(spec, 'dnsPolicy', 'ClusterFirst');
  setDefault(spec, 'terminationGracePeriodSeconds', 30);
  setDefault(spec, 'schedulerName', 'default-scheduler');
  setDefault(spec, 'securityContext', {});
  setDefault(spec, 'enableServiceLinks', true);
  for (const list of ['containers', 'initContainers', 'ephemeralContainers']) {
    const cs = spec[list];
    if (Array.isArray(cs)) for (const c of cs) defaultContainer(c);
  }
  const volumes = spec['volumes'];
  if (Array.isArray(volumes)) {
    for (const v of volumes) {
      if (!isPlainObject(v)) continue;
      for (const src of ['secret', 'configMap', 'downwardAPI', 'projected']) {
        if (isPlainObject(v[src])) setDefault(v[src] as Obj, 'defaultMode', 420);
      }
      const ed = v['emptyDir'];
      if (ed === null) v['emptyDir'] = {};
      const hp = v['hostPath'];
      if (isPlainObject(hp)) setDefault(hp, 'type', '');
    }
  }
}

/** Defaults a pod template spec's spec (deployments, jobs, ...). */
export function defaultPodTemplate(template: unknown): void {
  if (isPlainObject(template)) defaultPodSpec(template['spec']);
}
