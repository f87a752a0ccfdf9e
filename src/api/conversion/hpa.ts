/**
 * @module autoscaling/v1 HorizontalPodAutoscalers over the autoscaling/v2 storage form: the v1
 * CPU target is a v2 Resource metric (cpu, Utilization); other v2 metrics ride along in the
 * `autoscaling.alpha.kubernetes.io/metrics` annotation so nothing is lost on a v1 round trip,
 * as Kubernetes's conversion does.
 */
import { isPlainObject, type KubeObject } from '../meta/object.js';

const METRICS_ANNOTATION = 'autoscaling.alpha.kubernetes.io/metrics';
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
  const carried = annotations[METRICS_ANNOTATION];
  if (carried) {
    try {
      const extra: unknown = JSON.parse(carried);
      if (Array.isArray(extra)) metrics.push(...extra);
    } catch {
      // An unreadable annotation is dropped, as upstream ignores it.
    }
    delete annotations[METRICS_ANNOTATION];
  }
  const metadata = { ...o.metadata };
  if (Object.keys(annotations).length) metadata.annotations = annotations;
  else delete metadata.annotations;
  const status = obj(o['status']);
  const { currentCPUUtilizationPercentage: curCpu, ...statusRest } = status;
  const out: KubeObject = { ...o, apiVersion: 'autoscaling/v2', metadata, spec: { ...rest, ...(metrics.length ? { metrics } : {}) } };
  if (o['status'] !== undefined) {
    out['status'] = { ...statusRest, ...(typeof curCpu === 'number' ? { currentMetrics: [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: curCpu } } }] } : {}) };
  }
  return out;
}

/** autoscaling/v2 → autoscaling/v1. */
export function hpaV2ToV1(o: KubeObject): KubeObject {
  const spec = obj(o['spec']);
  const { metrics, behavior: _behavior, ...rest } = spec;
  const list = Array.isArray(metrics) ? metrics : [];
  const cpu = list.find(isCpuUtilization);
  const others = list.filter((m) => m !== cpu);
  const metadata = { ...o.metadata };
  if (others.length) metadata.annotations = { ...(metadata.annotations ?? {}), [METRICS_ANNOTATION]: JSON.stringify(others) };
  const v1spec: Obj = { ...rest };
  if (cpu) v1spec['targetCPUUtilizationPercentage'] = obj(obj(obj(cpu)['resource'])['target'])['averageUtilization'];
  const status = obj(o['status']);
  const { currentMetrics, conditions: _conditions, ...statusRest } = status;
  const curCpu = (Array.isArray(currentMetrics) ? currentMetrics : []).find((m) => obj(obj(m)['resource'])['name'] === 'cpu');
  const out: KubeObject = { ...o, apiVersion: 'autoscaling/v1', metadata, spec: v1spec };
  if (o['status'] !== undefined) {
    const u = obj(obj(obj(curCpu)['resource'])['current'])['averageUtilization'];
    out['status'] = { ...statusRest, ...(typeof u === 'number' ? { currentCPUUtilizationPercentage: u } : {}) };
  }
  return out;
}
