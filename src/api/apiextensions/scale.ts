/**
 * @module The scale subresource of custom resources: an autoscaling/v1 Scale read from the paths
 * the CRD names (specReplicasPath, statusReplicasPath, labelSelectorPath), and a Scale's desired
 * replicas written back into the object.
 */
import { deepCopy, isObject, type JsonObject } from '../merge/json.js';

export interface ScaleSpec {
  readonly specReplicasPath: string;
  readonly statusReplicasPath: string;
  readonly labelSelectorPath?: string;
}

function steps(path: string): string[] {
  return path.replace(/^\./, '').split('.').filter(Boolean);
}

function read(obj: unknown, path: string): unknown {
  let cur = obj;
  for (const s of steps(path)) cur = isObject(cur) ? cur[s] : undefined;
  return cur;
}

/** The Scale of a custom object. */
export function scaleOf(obj: JsonObject, spec: ScaleSpec): JsonObject {
  const meta = isObject(obj['metadata']) ? obj['metadata'] : {};
  const m: JsonObject = {};
  for (const k of ['name', 'namespace', 'uid', 'resourceVersion', 'creationTimestamp']) if (meta[k] !== undefined) m[k] = meta[k];
  const specReplicas = read(obj, spec.specReplicasPath);
  const statusReplicas = read(obj, spec.statusReplicasPath);
  const status: JsonObject = { replicas: typeof statusReplicas === 'number' ? statusReplicas : 0 };
  const selector = spec.labelSelectorPath ? read(obj, spec.labelSelectorPath) : undefined;
  if (typeof selector === 'string' && selector) status['selector'] = selector;
  return { kind: 'Scale', apiVersion: 'autoscaling/v1', metadata: m, spec: { replicas: typeof specReplicas === 'number' ? specReplicas : 0 }, status };
}

/** The custom object with the Scale's spec.replicas written to specReplicasPath (a copy). */
export function withScale(obj: JsonObject, scale: unknown, spec: ScaleSpec): JsonObject {
  const out = deepCopy(obj);
  const replicas = isObject(scale) && isObject(scale['spec']) ? scale['spec']['replicas'] : undefined;
  const path = steps(spec.specReplicasPath);
  let cur: JsonObject = out;
  for (const s of path.slice(0, -1)) {
    if (!isObject(cur[s])) cur[s] = {};
    cur = cur[s] as JsonObject;
  }
  const last = path[path.length - 1];
  if (last) cur[last] = typeof replicas === 'number' ? replicas : 0;
  return out;
}
