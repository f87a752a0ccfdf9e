/**
 * @module autoscaling/v1 HorizontalPodAutoscalers over the autoscaling/v2 storage form: the v1
 * CPU target is a v2 Resource metric (cpu, Utilization); what v1 has no field for rides along in
 * annotations so nothing is lost on a v1 round trip, as Kubernetes's conversion does: other
 * metrics (`autoscaling.alpha.kubernetes.io/metrics`), spec.behavior (`.../behavior`), other
 * current metrics (`.../current-metrics`) and status conditions (`.../conditions`).
 */
import { isPlainObject, type KubeObject } from '../meta/object.js';

const METRICS_ANNOTATION = 'autoscaling.alpha.kubernetes.io/metrics';
const BEHAVIOR_ANNOTATION = 'autoscaling.alpha.kubernetes.io/behavior';
const CURRENT_METRICS_ANNOTATION = 'autoscaling.alpha.kubernetes.io/current-metrics';
const CONDITIONS_ANNOTATION = 'autoscaling.alpha.kubernetes.io/conditions';

/** Takes the JSON value out of an annotation (undefined when absent or unreadable, as upstream ignores it). */
function takeJson(annotations: Record<string, string>, key: string): unknown {
  const text = annotations[key];
  if (text === undefined) return undefined;
  delete annotations[key];
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (isPlainObject(v) ? v : {});

const isCpuUtilization = (m: unknown) => {
  const r = obj(obj(m)['resource']);
  return obj(m)['type'] === 'Resource' && r['name'] === 'cpu' && obj(r['target'])['type'] === 'Utilization';
};

/** autoscaling/v1 → autoscaling/v2. */
export function hpaV1ToV2(o: KubeObject): KubeObject {
  const spec = obj(o['spec']);
  const { targetCPUUtilizationPercentage: cpu, ...rest } = spec;
  const metrics: unknown[] = [];
  if (typeof cpu === 'number') metrics.push({ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: cpu } } });
  const annotations = { ...(o.metadata.annotations ?? {}) };
  const extra = takeJson(annotations, METRICS_ANNOTATION);
  if (Array.isArray(extra)) metrics.push(...(extra as unknown[]));
  const behavior = takeJson(annotations, BEHAVIOR_ANNOTATION);
  const current = takeJson(annotations, CURRENT_METRICS_ANNOTATION);
  const conditions = takeJson(annotations, CONDITIONS_ANNOTATION);
  const metadata = { ...o.metadata };
  if (Object.keys(annotations).length) metadata.annotations = annotations;
  else delete metadata.annotations;
  const v2spec: Obj = { ...rest, ...(metrics.length ? { metrics } : {}), ...(isPlainObject(behavior) ? { behavior } : {}) };
  const out: KubeObject = { ...o, apiVersion: 'autoscaling/v2', metadata, spec: v2spec };
  if (o['status'] !== undefined || Array.isArray(current) || Array.isArray(conditions)) {
    const { currentCPUUtilizationPercentage: curCpu, ...statusRest } = obj(o['status']);
    const currentMetrics: unknown[] = [];
    if (typeof curCpu === 'number') currentMetrics.push({ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: curCpu } } });
    if (Array.isArray(current)) currentMetrics.push(...(current as unknown[]));
    out['status'] = { ...statusRest, ...(currentMetrics.length ? { currentMetrics } : {}), ...(Array.isArray(conditions) ? { conditions } : {}) };
  }
  return out;
}

/** autoscaling/v2 → autoscaling/v1. */
export function hpaV2ToV1(o: KubeObject): KubeObject {
  const spec = obj(o['spec']);
  const { metrics, behavior, ...rest } = spec;
  const list = Array.isArray(metrics) ? metrics : [];
  const cpu = list.find(isCpuUtilization);
  const others = list.filter((m) => m !== cpu);
  const status = obj(o['status']);
  const { currentMetrics, conditions, ...statusRest } = status;
  const currentList = Array.isArray(currentMetrics) ? currentMetrics : [];
  const curCpu = currentList.find((m) => obj(m)['type'] === 'Resource' && obj(obj(m)['resource'])['name'] === 'cpu');
  const otherCurrent = currentList.filter((m) => m !== curCpu);
  const annotations: Record<string, string> = { ...(o.metadata.annotations ?? {}) };
  if (others.length) annotations[METRICS_ANNOTATION] = JSON.stringify(others);
  if (isPlainObject(behavior)) annotations[BEHAVIOR_ANNOTATION] = JSON.stringify(behavior);
  if (otherCurrent.length) annotations[CURRENT_METRICS_ANNOTATION] = JSON.stringify(otherCurrent);
  if (Array.isArray(conditions) && conditions.length) annotations[CONDITIONS_ANNOTATION] = JSON.stringify(conditions);
  const metadata = { ...o.metadata };
  if (Object.keys(annotations).length) metadata.annotations = annotations;
  const v1spec: Obj = { ...rest };
  if (cpu) v1spec['targetCPUUtilizationPercentage'] = obj(obj(obj(cpu)['resource'])['target'])['averageUtilization'];
  const out: KubeObject = { ...o, apiVersion: 'autoscaling/v1', metadata, spec: v1spec };
  if (o['status'] !== undefined) {
    const u = obj(obj(obj(curCpu)['resource'])['current'])['averageUtilization'];
    out['status'] = { ...statusRest, ...(typeof u === 'number' ? { currentCPUUtilizationPercentage: u } : {}) };
  }
  return out;
}
