/**
 * @module The HorizontalPodAutoscaler controller (autoscaling/v2, resource metrics): at once and then every 15 s
 * reads the target's `/scale`, the selected pods' usage from the resource metrics API
 * (metrics.k8s.io, served by the metrics add-on), and sets replicas towards the target
 * utilization within min/max, with scale-down stabilization. Without metrics it reports
 * ScalingActive=False (FailedGetResourceMetric) as Kubernetes does, and `kubectl get hpa`
 * shows `<unknown>`.
 */
import { messageOf } from '../../base/errors.js';
import { discoverResources, KindIndex } from '../../client/discovery.js';
import type { EventSink } from '../../client/event-recorder.js';
import { isConflict, isNotFound } from '../../client/errors.js';
import type { SharedInformer } from '../../client/informer.js';
import type { Condition, Pod } from '../../client/kinds/core.js';
import type { ResourceClient } from '../../client/resource-client.js';
import type { ResourceType } from '../../client/resource-type.js';
import { withQuery } from '../../client/resource-type.js';
import { objectKey, type KubeObject } from '../../client/types.js';
import { WorkQueue } from '../../client/work-queue.js';
import { runWorkers } from '../../client/workers.js';
import { setCondition } from '../common/conditions.js';
import { workerCount, type Controller, type ControllerContext } from '../common/context.js';
import { amountOf, podRequest } from './usage.js';
import { desiredReplicas, stabilize, utilization, type PodUsage } from './replicas.js';

const KIND = { apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler' };
const HPAS: ResourceType = { group: 'autoscaling', version: 'v2', resource: 'horizontalpodautoscalers', kind: 'HorizontalPodAutoscaler', namespaced: true };
const PODS: ResourceType = { group: '', version: 'v1', resource: 'pods', kind: 'Pod', namespaced: true };

interface MetricSpec {
  type: string;
  resource?: { name: string; target: { type: string; averageUtilization?: number; averageValue?: string } };
}

export interface HorizontalPodAutoscaler extends KubeObject {
  spec: {
    scaleTargetRef: { apiVersion?: string; kind: string; name: string };
    minReplicas?: number;
    maxReplicas: number;
    metrics?: MetricSpec[];
    behavior?: { scaleDown?: { stabilizationWindowSeconds?: number } };
  };
  status?: {
    observedGeneration?: number; lastScaleTime?: string; currentReplicas?: number; desiredReplicas?: number;
    currentMetrics?: unknown[] | null; conditions?: Condition[];
  };
}

interface Scale extends KubeObject {
  spec?: { replicas?: number };
  status?: { replicas?: number; selector?: string };
}

interface PodMetricsList {
  items?: { metadata: { name?: string }; containers?: { name: string; usage?: Record<string, string> }[] }[];
}

export class HorizontalPodAutoscalerController implements Controller {
  readonly name = 'horizontal-pod-autoscaler';
  private readonly hpas: SharedInformer<HorizontalPodAutoscaler>;
  private readonly pods: SharedInformer<Pod>;
  private readonly client: ResourceClient<HorizontalPodAutoscaler>;
  private readonly events: EventSink;
  private readonly history = new Map<string, { at: number; replicas: number }[]>();
  private kinds: KindIndex | undefined;
  private readonly queue = new WorkQueue<string>();

  constructor(private readonly ctx: ControllerContext, private readonly opts: { syncPeriodMs?: number } = {}) {
    this.client = ctx.clientFor('horizontal-pod-autoscaler').resource<HorizontalPodAutoscaler>(HPAS);
    this.events = ctx.events('horizontal-pod-autoscaler');
    this.hpas = ctx.informers.informer<HorizontalPodAutoscaler>(HPAS);
    this.pods = ctx.informers.informer<Pod>(PODS);
    const add = (h: HorizontalPodAutoscaler): void => this.queue.add(objectKey(h));
    this.hpas.addEventHandler({ onAdd: add, onUpdate: (o, h) => { if (o.metadata.generation !== h.metadata.generation) add(h); }, onDelete: (h) => this.history.delete(objectKey(h)) });
  }

  async run(signal: AbortSignal): Promise<void> {
    await runWorkers(this.queue, async (key) => {
      const hpa = this.hpas.store.get(key);
      if (!hpa) return;
      try {
        await this.sync(hpa, signal);
      } finally {
        // Autoscalers are re-evaluated every sync period, changed or not.
        if (!signal.aborted) this.queue.addAfter(key, this.opts.syncPeriodMs ?? 15_000);
      }
    }, { workers: workerCount(this.ctx, 'horizontalpodautoscaling', 5), name: this.name, signal });
  }

  private async scaleClient(ref: HorizontalPodAutoscaler['spec']['scaleTargetRef'], signal: AbortSignal): Promise<ResourceClient<KubeObject> | undefined> {
    this.kinds ??= new KindIndex(await discoverResources(this.ctx.client, signal));
    const r = this.kinds.lookup(ref.apiVersion ?? 'apps/v1', ref.kind);
    return r ? this.ctx.clientFor('horizontal-pod-autoscaler').resource<KubeObject>(r) : undefined;
  }

  private async sync(hpa: HorizontalPodAutoscaler, signal: AbortSignal): Promise<void> {
    const ns = hpa.metadata.namespace ?? '';
    const ref = hpa.spec.scaleTargetRef;
    let conditions = hpa.status?.conditions;
    const target = await this.scaleClient(ref, signal);
    let scale: Scale | undefined;
    try {
      scale = target ? (await target.getSubresource(ref.name, 'scale', { namespace: ns, signal })) as Scale : undefined;
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
    if (!target || !scale) {
      const msg = `the HPA controller was unable to get the target's current scale: ${ref.kind.toLowerCase()}s "${ref.name}" not found`;
      conditions = setCondition(conditions, { type: 'AbleToScale', status: 'False', reason: 'FailedGetScale', message: msg });
      this.events.event(hpa, 'Warning', 'FailedGetScale', msg, KIND);
      await this.writeStatus(hpa, { ...hpa.status, conditions }, signal);
      return;
    }
    conditions = setCondition(conditions, { type: 'AbleToScale', status: 'True', reason: 'SucceededGetScale', message: 'the HPA controller was able to get the target\'s current scale' });
    const current = scale.spec?.replicas ?? 0;
    const min = hpa.spec.minReplicas ?? 1;
    const max = hpa.spec.maxReplicas;
    let proposal: number | undefined;
    const currentMetrics: unknown[] = [];
    let metricError: string | undefined;
    for (const m of hpa.spec.metrics ?? [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }]) {
      if (m.type !== 'Resource' || !m.resource) continue;
      const res = m.resource;
      const r = await this.resourceReplicas(ns, scale.status?.selector ?? '', res.name, res.target.averageUtilization ?? 80, current, signal);
      if (typeof r === 'string') { metricError = r; continue; }
      currentMetrics.push({ type: 'Resource', resource: { name: res.name, current: { averageUtilization: r.utilization, averageValue: r.averageValue } } });
      // Several metrics: the largest proposal wins.
      proposal = Math.max(proposal ?? 0, r.replicas);
    }
    if (metricError && currentMetrics.length === 0) {
      conditions = setCondition(conditions, { type: 'ScalingActive', status: 'False', reason: 'FailedGetResourceMetric', message: metricError });
      this.events.event(hpa, 'Warning', 'FailedGetResourceMetric', metricError, KIND);
      await this.writeStatus(hpa, { ...hpa.status, currentReplicas: current, desiredReplicas: current, currentMetrics: null, conditions, observedGeneration: hpa.metadata.generation ?? 0 }, signal);
      return;
    }
    conditions = setCondition(conditions, { type: 'ScalingActive', status: 'True', reason: 'ValidMetricFound', message: 'the HPA was able to successfully calculate a replica count from cpu resource utilization (percentage of request)' });
    const windowMs = (hpa.spec.behavior?.scaleDown?.stabilizationWindowSeconds ?? 300) * 1000;
    const key = objectKey(hpa);
    const hist = this.history.get(key) ?? [];
    this.history.set(key, hist);
    const want = stabilize(hist, proposal ?? current, Date.now(), windowMs);
    const clamped = Math.min(max, Math.max(min, want));
    conditions = setCondition(conditions, clamped !== want
      ? { type: 'ScalingLimited', status: 'True', reason: clamped === max ? 'TooManyReplicas' : 'TooFewReplicas', message: `the desired replica count is ${clamped === max ? 'more' : 'less'} than the ${clamped === max ? 'maximum' : 'minimum'} replica count` }
      : { type: 'ScalingLimited', status: 'False', reason: 'DesiredWithinRange', message: 'the desired count is within the acceptable range' });
    const status: NonNullable<HorizontalPodAutoscaler['status']> = { ...hpa.status, currentReplicas: current, desiredReplicas: clamped, currentMetrics, conditions, observedGeneration: hpa.metadata.generation ?? 0 };
    if (clamped !== current && current > 0) {
      await target.writeSubresource(ref.name, 'scale', { method: 'PUT', namespace: ns, signal, body: { ...scale, spec: { ...scale.spec, replicas: clamped } } });
      const why = clamped > current ? 'above' : 'below';
      this.events.event(hpa, 'Normal', 'SuccessfulRescale', `New size: ${clamped}; reason: ${clamped === max || clamped === min ? 'All metrics' : 'cpu resource utilization (percentage of request)'} ${why} target`, KIND);
      status.lastScaleTime = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
    }
    await this.writeStatus(hpa, status, signal);
  }

  /** Replicas asked for by one resource metric, or an error message when metrics are missing. */
  private async resourceReplicas(ns: string, selector: string, resource: string, target: number, current: number, signal: AbortSignal): Promise<{ replicas: number; utilization: number; averageValue: string } | string> {
    let metrics: PodMetricsList;
    try {
      metrics = await this.ctx.client.rest.json({ method: 'GET', path: withQuery(`/apis/metrics.k8s.io/v1beta1/namespaces/${ns}/pods`, { labelSelector: selector }), signal }) as PodMetricsList;
    } catch (err) {
      return `failed to get ${resource} utilization: unable to get metrics for resource ${resource}: unable to fetch metrics from resource metrics API: ${messageOf(err)}`;
    }
    const usages: PodUsage[] = [];
    for (const pm of metrics.items ?? []) {
      const pod = this.pods.store.get(`${ns}/${pm.metadata.name ?? ''}`);
      if (!pod || pod.status?.phase !== 'Running' || pod.metadata.deletionTimestamp) continue;
      const usage = (pm.containers ?? []).reduce((s, c) => s + amountOf(resource, c.usage?.[resource]), 0);
      usages.push({ usage, request: podRequest(pod, resource) });
    }
    const u = utilization(usages);
    if (u === undefined) return `failed to get ${resource} utilization: missing request for ${resource} in the selected pods`;
    const avg = Math.round(usages.reduce((s, p) => s + p.usage, 0) / usages.length);
    return { replicas: desiredReplicas(current, u, target), utilization: u, averageValue: resource === 'cpu' ? `${avg}m` : String(avg) };
  }

  private async writeStatus(hpa: HorizontalPodAutoscaler, status: HorizontalPodAutoscaler['status'], signal: AbortSignal): Promise<void> {
    try {
      await this.client.updateStatus({ ...hpa, ...(status ? { status } : {}) }, { signal });
    } catch (err) {
      if (!isNotFound(err) && !isConflict(err)) throw err;
    }
  }
}
