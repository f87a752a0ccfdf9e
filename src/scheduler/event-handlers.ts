/**
 * @module Informer events into the cache and the queue (kube-scheduler's eventhandlers.go):
 * assigned pods update the cache, unassigned pods this scheduler is responsible for enter the
 * queue, and every change that could make a waiting pod fit moves the unschedulable pods whose
 * rejecting plugins care about it (a node added or relabelled, a pod deleted, ...).
 */
import type { Node, Pod } from '../client/kinds/core.js';
import type { HandlerRegistration, SharedInformer } from '../client/informer.js';
import type { KubeObject } from '../client/types.js';
import type { SchedulerCache } from './cache.js';
import type { PodInfo } from './pod-info.js';
import type { ClusterEvent, SchedulingQueue } from './queue.js';
import { INTER_POD_AFFINITY } from './plugins/inter-pod-affinity.js';
import { NODE_AFFINITY } from './plugins/node-affinity.js';
import { POD_TOPOLOGY_SPREAD } from './plugins/pod-topology-spread.js';
import { VOLUME_BINDING } from './plugins/volume-binding.js';

const set = (...names: string[]): ReadonlySet<string> => new Set(names);

/** The cluster events the queue reacts to, with the plugins each can help. */
export const EVENTS = {
  nodeAdd: { label: 'NodeAdd', plugins: '*' },
  nodeAllocatable: { label: 'NodeAllocatableChange', plugins: set('NodeResourcesFit') },
  nodeLabels: { label: 'NodeLabelChange', plugins: set(NODE_AFFINITY, POD_TOPOLOGY_SPREAD, INTER_POD_AFFINITY, VOLUME_BINDING) },
  nodeTaints: { label: 'NodeTaintChange', plugins: set('TaintToleration', POD_TOPOLOGY_SPREAD) },
  nodeSchedulable: { label: 'NodeSpecUnschedulableChange', plugins: set('NodeUnschedulable') },
  assignedPodAdd: { label: 'AssignedPodAdd', plugins: set(INTER_POD_AFFINITY, POD_TOPOLOGY_SPREAD) },
  assignedPodUpdate: { label: 'AssignedPodUpdate', plugins: set(INTER_POD_AFFINITY, POD_TOPOLOGY_SPREAD, 'NodeResourcesFit') },
  assignedPodDelete: { label: 'AssignedPodDelete', plugins: set('NodeResourcesFit', 'NodePorts', INTER_POD_AFFINITY, POD_TOPOLOGY_SPREAD, VOLUME_BINDING, 'DefaultPreemption') },
  storageChange: { label: 'StorageChange', plugins: set(VOLUME_BINDING) },
  namespaceChange: { label: 'NamespaceLabelChange', plugins: set(INTER_POD_AFFINITY) },
} as const satisfies Record<string, ClusterEvent>;

export interface HandlerDeps {
  readonly cache: SchedulerCache;
  readonly queue: SchedulingQueue;
  readonly podInfo: (pod: Pod) => PodInfo;
  /** True for pods whose spec.schedulerName this scheduler answers to. */
  readonly responsible: (pod: Pod) => boolean;
}

const assigned = (p: Pod): boolean => !!p.spec?.nodeName;
/** Finished pods hold nothing: the scheduler treats them as gone (kube-scheduler's informer filters them out). */
const terminal = (p: Pod): boolean => p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed';
const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** isPodUpdated: anything but status, resourceVersion and managed fields changed. */
function specChanged(a: Pod, b: Pod): boolean {
  return !sameJson(a.spec, b.spec) || !sameJson(a.metadata.labels, b.metadata.labels) || !sameJson(a.metadata.annotations, b.metadata.annotations);
}

export function registerPodHandlers(inf: SharedInformer<Pod>, d: HandlerDeps): HandlerRegistration {
  const { cache, queue } = d;
  const addUnassigned = (pod: Pod): void => {
    if (!d.responsible(pod) || pod.metadata.deletionTimestamp) return;
    const pi = d.podInfo(pod);
    cache.setNominated(pi, pod.status?.nominatedNodeName ?? '');
    queue.add(pi);
  };
  const gone = (pod: Pod): void => {
    const key = `${pod.metadata.namespace ?? ''}/${pod.metadata.name ?? ''}`;
    queue.remove(key);
    cache.setNominated(d.podInfo(pod), '');
    if (assigned(pod) || cache.nodeOf(key) !== undefined) {
      cache.removePod(key);
      queue.moveOnEvent(EVENTS.assignedPodDelete);
    }
  };
  return inf.addEventHandler({
    onAdd(pod) {
      if (terminal(pod)) return;
      if (assigned(pod)) {
        cache.addOrUpdatePod(d.podInfo(pod));
        queue.moveOnEvent(EVENTS.assignedPodAdd);
      } else addUnassigned(pod);
    },
    onUpdate(old, pod) {
      if (old === pod) return;
      if (terminal(pod)) {
        if (!terminal(old)) gone(pod);
        return;
      }
      const key = `${pod.metadata.namespace ?? ''}/${pod.metadata.name ?? ''}`;
      if (assigned(pod)) {
        if (!assigned(old)) {
          queue.remove(key);
          cache.setNominated(d.podInfo(pod), '');
        }
        cache.addOrUpdatePod(d.podInfo(pod));
        if (!sameJson(old.metadata.labels, pod.metadata.labels)) queue.moveOnEvent(EVENTS.assignedPodUpdate);
        return;
      }
      if (!d.responsible(pod)) return;
      if (pod.metadata.deletionTimestamp) {
        queue.remove(key);
        cache.setNominated(d.podInfo(pod), '');
        return;
      }
      const pi = d.podInfo(pod);
      cache.setNominated(pi, pod.status?.nominatedNodeName ?? cache.nominatedNodeOf(key) ?? '');
      if (queue.has(key)) queue.update(pi, specChanged(old, pod));
      else if (!cache.isAssumed(key)) queue.add(pi);
    },
    onDelete: gone,
  });
}

export function registerNodeHandlers(inf: SharedInformer<Node>, d: HandlerDeps): HandlerRegistration {
  const { cache, queue } = d;
  return inf.addEventHandler({
    onAdd(node) {
      cache.setNode(node);
      queue.moveOnEvent(EVENTS.nodeAdd);
    },
    onUpdate(old, node) {
      if (old === node) return;
      cache.setNode(node);
      // Heartbeats change conditions only: no pod can start to fit because of them.
      if (!sameJson(old.status?.allocatable, node.status?.allocatable)) queue.moveOnEvent(EVENTS.nodeAllocatable);
      if (!sameJson(old.metadata.labels, node.metadata.labels)) queue.moveOnEvent(EVENTS.nodeLabels);
      if (!sameJson(old.spec?.taints, node.spec?.taints)) queue.moveOnEvent(EVENTS.nodeTaints);
      if (!!old.spec?.unschedulable !== !!node.spec?.unschedulable) queue.moveOnEvent(EVENTS.nodeSchedulable);
    },
    onDelete(node) {
      cache.removeNode(node.metadata.name ?? '');
    },
  });
}

/** Any change of these objects may help pods waiting on the given event. */
export function registerMoveHandlers(inf: SharedInformer<KubeObject>, queue: SchedulingQueue, ev: ClusterEvent, onlyLabels = false): HandlerRegistration {
  return inf.addEventHandler({
    onAdd: (_o, initial) => { if (!initial) queue.moveOnEvent(ev); },
    onUpdate: (old, o) => { if (old !== o && (!onlyLabels || !sameJson(old.metadata.labels, o.metadata.labels))) queue.moveOnEvent(ev); },
  });
}
