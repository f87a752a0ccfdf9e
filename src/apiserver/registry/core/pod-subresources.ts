/**
 * @module pods/binding (the scheduler assigns a node: spec.nodeName set once, PodScheduled
 * condition, 409 when already bound) and pods/eviction (a delete that respects
 * PodDisruptionBudgets: 429 when a budget allows no disruption; a running pod gets the
 * DisruptionTarget condition before it is deleted), as kube-apiserver serves them.
 */
import { cloneJson, getPath, isPlainObject, type KubeObject } from '../../../api/meta/object.js';
import { selectorFromObject } from '../../../api/labels/from-object.js';
import { type Status, StatusError, failure, statusErrors } from '../../../api/status.js';
import { fieldErrors, invalidError } from '../../../api/validation/field-errors.js';
import { obj, str } from '../../../api/validation/helpers.js';
import { listObjects } from '../generic/list.js';
import type { Store } from '../generic/store.js';
import type { ResourceRegistry, Subresource } from '../resources.js';
import { nowTimestamp } from '../rest/meta.js';
import { type DeleteRequest, ServerWriteStrategy } from '../rest/strategy.js';
import { LabelSelector } from '../../../api/labels/selector.js';
import { FieldSelector } from '../../../api/fields/selector.js';

const SUCCESS = (code: number): Status => ({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code });

/** Binds `podName` to the node in `binding.target`. */
export async function bindPod(pods: Store, ctx: Parameters<Store['update']>[0], podName: string, binding: KubeObject): Promise<void> {
  const target = obj(binding['target']);
  const node = str(target['name']);
  if (!node) throw invalidError('Binding', '', podName, [fieldErrors.required('target.name')]);
  if (target['kind'] && target['kind'] !== 'Node') throw invalidError('Binding', '', podName, [fieldErrors.notSupported('target.kind', target['kind'], ['Node'])]);
  const conflict = (why: string) => statusErrors.conflict({ resource: 'pods/binding', group: '' }, podName, why);
  await pods.update(ctx, podName, (prev) => {
    if (!prev) throw statusErrors.notFound({ resource: 'pods', group: '' }, podName);
    if (prev.metadata.deletionTimestamp) throw conflict(`pod ${podName} is being deleted, cannot be assigned to a host`);
    const bound = str(getPath(prev, ['spec', 'nodeName']));
    if (bound) throw conflict(`pod ${podName} is already assigned to node ${JSON.stringify(bound)}`);
    const next = cloneJson(prev);
    next['spec'] = { ...obj(next['spec']), nodeName: node };
    const annotations = binding.metadata.annotations;
    if (annotations && Object.keys(annotations).length) next.metadata.annotations = { ...(next.metadata.annotations ?? {}), ...annotations };
    const status = obj(next['status']);
    const conditions = (Array.isArray(status['conditions']) ? status['conditions'] : []).filter((c) => !(isPlainObject(c) && c['type'] === 'PodScheduled'));
    conditions.push({ type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: nowTimestamp() });
    next['status'] = { ...status, conditions };
    return next;
  }, { strategy: new ServerWriteStrategy(pods.strategy) });
}


export function bindingSubresource(pods: Store): Subresource {
  return {
    kind: { group: '', version: 'v1', kind: 'Binding' },
    create: async (ctx, name, body) => {
      await bindPod(pods, ctx, name, body);
      return { body: SUCCESS(201), code: 201 };
    },
  };
}

/**
 * Adds DisruptionTarget=True (EvictionByEvictionAPI) to a pod about to be evicted, as
 * kube-apiserver does since PodDisruptionConditions (GA in v1.31): Job pod failure policies
 * and users read it to tell an eviction from a crash.
 */
async function markDisrupted(pods: Store, ctx: Parameters<Store['update']>[0], name: string): Promise<void> {
  await pods.update(ctx, name, (prev) => {
    if (!prev) throw statusErrors.notFound({ resource: 'pods', group: '' }, name);
    const next = cloneJson(prev);
    const status = obj(next['status']);
    const conditions = (Array.isArray(status['conditions']) ? status['conditions'] : []).filter((c) => !(isPlainObject(c) && c['type'] === 'DisruptionTarget'));
    conditions.push({ type: 'DisruptionTarget', status: 'True', reason: 'EvictionByEvictionAPI', message: 'Eviction API: evicting', lastProbeTime: null, lastTransitionTime: nowTimestamp() });
    next['status'] = { ...status, conditions };
    return next;
  }, { strategy: new ServerWriteStrategy(pods.strategy) });
}

const DISRUPTION_MESSAGE = "Cannot evict pod as it would violate the pod's disruption budget.";

export function evictionSubresource(pods: Store, registry: ResourceRegistry): Subresource {
  return {
    kind: { group: 'policy', version: 'v1', kind: 'Eviction' },
    create: async (ctx, name, body) => {
      const pod = await pods.get(ctx, name);
      const phase = str(getPath(pod, ['status', 'phase']));
      const opts = obj(body['deleteOptions']);
      const req: DeleteRequest = typeof opts['gracePeriodSeconds'] === 'number' ? { gracePeriodSeconds: opts['gracePeriodSeconds'] } : {};
      // Pods that are not running cannot disrupt anything: evicted without a budget check.
      if (phase === 'Running' || phase === '') {
        const pdbs = registry.get('policy', 'v1', 'poddisruptionbudgets');
        if (pdbs) {
          const list = await listObjects(pdbs.store, ctx, { labels: LabelSelector.everything, fields: FieldSelector.everything });
          const matching = list.items.filter((b) => {
            try {
              return selectorFromObject(getPath(b, ['spec', 'selector'])).matches(pod.metadata.labels);
            } catch {
              return false;
            }
          });
          if (matching.length > 1) throw statusErrors.internal('This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.');
          const pdb = matching[0];
          if (pdb) {
            const allowed = Number(getPath(pdb, ['status', 'disruptionsAllowed']) ?? 0);
            if (allowed <= 0) {
              const healthy = Number(getPath(pdb, ['status', 'currentHealthy']) ?? 0);
              const desired = Number(getPath(pdb, ['status', 'desiredHealthy']) ?? 0);
              throw new StatusError(failure(429, 'TooManyRequests', DISRUPTION_MESSAGE, { causes: [{ reason: 'DisruptionBudget',
                message: `The disruption budget ${pdb.metadata.name ?? ''} needs ${desired} healthy pods and has ${healthy} currently` }], retryAfterSeconds: 10 }));
            }
            await pdbs.store.update(ctx, pdb.metadata.name ?? '', (prev) => {
              const next = cloneJson(prev ?? pdb);
              const st = obj(next['status']);
              next['status'] = { ...st, disruptionsAllowed: Math.max(0, Number(st['disruptionsAllowed'] ?? 0) - 1),
                disruptedPods: { ...obj(st['disruptedPods']), [name]: nowTimestamp() } };
              return next;
            }, { strategy: new ServerWriteStrategy(pdbs.store.strategy) });
          }
        }
        await markDisrupted(pods, ctx, name);
      }
      await pods.delete(ctx, name, req);
      return { body: SUCCESS(201), code: 201 };
    },
  };
}
