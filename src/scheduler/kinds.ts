/**
 * @module The few API shapes only the scheduler reads (PriorityClass, StorageClass and the
 * selectors of the workloads that own pods), declared by their consumer, plus pod priority as
 * admission would have set it.
 */
import type { Pod } from '../client/kinds/core.js';
import type { LabelSelectorSpec } from '../client/kinds/meta.js';
import type { KubeObject } from '../client/types.js';

export interface PriorityClass extends KubeObject {
  value: number;
  globalDefault?: boolean;
  preemptionPolicy?: 'PreemptLowerPriority' | 'Never';
}

export interface StorageClass extends KubeObject {
  provisioner: string;
  volumeBindingMode?: 'Immediate' | 'WaitForFirstConsumer';
  allowedTopologies?: { matchLabelExpressions?: { key: string; values: string[] }[] }[];
}

/** ReplicaSets and StatefulSets (label selector) or ReplicationControllers and Services (map). */
export interface SelectingObject extends KubeObject {
  spec?: { selector?: LabelSelectorSpec | Record<string, string> | null; [f: string]: unknown };
}

/** The built-in classes every cluster has (kube-apiserver creates them). */
export const SYSTEM_PRIORITY_CLASSES: Readonly<Record<string, number>> = {
  'system-node-critical': 2000001000,
  'system-cluster-critical': 2000000000,
};

/**
 * spec.priority when set (the Priority admission plugin resolves it at creation); otherwise the
 * pod's PriorityClass, the global default class, or 0.
 */
export function resolvePriority(pod: Pod, classes: { get(name: string): PriorityClass | undefined; globalDefault(): PriorityClass | undefined }): number {
  if (typeof pod.spec?.priority === 'number') return pod.spec.priority;
  const name = pod.spec?.priorityClassName;
  if (name) return classes.get(name)?.value ?? SYSTEM_PRIORITY_CLASSES[name] ?? 0;
  return classes.globalDefault()?.value ?? 0;
}

/** The pod's preemption policy: spec.preemptionPolicy, else its class's, else PreemptLowerPriority. */
export function preemptionPolicyOf(pod: Pod, classes: { get(name: string): PriorityClass | undefined }): string {
  if (pod.spec?.preemptionPolicy) return pod.spec.preemptionPolicy;
  const name = pod.spec?.priorityClassName;
  return (name ? classes.get(name)?.preemptionPolicy : undefined) ?? 'PreemptLowerPriority';
}
