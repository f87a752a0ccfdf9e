/**
 * @module Test helper: the scheduling algorithm over an in-memory cache (no API server), for
 * tests of plugin logic on many hand-built nodes and pods.
 */
import type { Node, Pod } from '../../client/kinds/core.js';
import { IndexedStore } from '../../client/store.js';
import type { KubeObject } from '../../client/types.js';
import { Algorithm } from '../algorithm.js';
import { SchedulerCache } from '../cache.js';
import { fitErrorMessage } from '../diagnosis.js';
import type { PriorityClass, SelectingObject } from '../kinds.js';
import { PodInfo } from '../pod-info.js';
import { VolumeBindingPlugin } from '../plugins/volume-binding.js';
import { defaultProfile } from '../profile.js';
import { ClusterState } from '../view.js';

const store = <T extends KubeObject>(): IndexedStore<T> => new IndexedStore<T>({ namespace: (o) => [o.metadata.namespace ?? ''] });

export class OfflineCluster {
  readonly cache = new SchedulerCache();
  readonly namespaces = store<KubeObject>();
  readonly replicaSets = store<SelectingObject>();
  readonly services = store<SelectingObject>();
  readonly view = new ClusterState(this.cache, {
    namespaces: this.namespaces, priorityClasses: store<PriorityClass>(), services: this.services, replicaSets: this.replicaSets,
    replicationControllers: store<SelectingObject>(), statefulSets: store<SelectingObject>(),
  });
  readonly algorithm = new Algorithm(defaultProfile(new VolumeBindingPlugin({ claims: store(), volumes: store(), classes: store() })), this.view);
  private uid = 0;

  node(name: string, o: { labels?: Record<string, string>; cpu?: string; pods?: string; taints?: NonNullable<Node['spec']>['taints'] } = {}): void {
    const alloc = { cpu: o.cpu ?? '4', memory: '8Gi', pods: o.pods ?? '110' };
    this.cache.setNode({ metadata: { name, labels: { 'kubernetes.io/hostname': name, ...(o.labels ?? {}) } }, spec: { ...(o.taints ? { taints: o.taints } : {}) }, status: { allocatable: alloc } });
  }

  info(pod: Pod, priority = 0): PodInfo {
    pod.metadata.uid ??= `uid-${++this.uid}`;
    pod.metadata.namespace ??= 'default';
    return new PodInfo(pod, priority);
  }

  /** Places a pod on a node as if bound. */
  place(pod: Pod, node: string, priority = 0): PodInfo {
    const pi = this.info({ ...pod, spec: { containers: [], ...pod.spec, nodeName: node } }, priority);
    this.cache.addOrUpdatePod(pi);
    return pi;
  }

  /** Schedules and assumes; returns the node, or the FitError message. */
  schedule(pod: Pod, priority = 0): { node?: string; message?: string } {
    const pi = this.info(pod, priority);
    const out = this.algorithm.schedule(pi);
    if (!out.ok) return { message: fitErrorMessage(out.diagnosis, out.numAllNodes) };
    this.cache.assume(pi, out.node);
    return { node: out.node };
  }
}

export function pod(name: string, o: { labels?: Record<string, string>; cpu?: string; spec?: Pod['spec'] } = {}): Pod {
  return {
    metadata: { name, ...(o.labels ? { labels: o.labels } : {}) },
    spec: { containers: [{ name: 'c', ...(o.cpu ? { resources: { requests: { cpu: o.cpu } } } : {}) }], ...(o.spec ?? {}) } as NonNullable<Pod['spec']>,
  };
}
