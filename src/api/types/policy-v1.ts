/**
 * @module Types of io.k8s.api.policy.v1, generated from the schema catalog by scripts/gen-api-types.mjs.
 * Do not edit: change the catalog and run `npm run gen:types`.
 */
import type * as intstr from './intstr.js';
import type * as metaV1 from './meta-v1.js';

/** A request, posted to a pod's eviction subresource, to delete the pod within its disruption budget. */
export interface Eviction {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'policy/v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'Eviction';
  /** Names the pod to evict. */
  metadata?: metaV1.ObjectMeta;
  /** Options for the resulting deletion. */
  deleteOptions?: metaV1.DeleteOptions;
}

/** Limits how many pods of a set may be voluntarily disrupted at once. */
export interface PodDisruptionBudget {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'policy/v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'PodDisruptionBudget';
  /** Standard object metadata. */
  metadata?: metaV1.ObjectMeta;
  /** The pods covered and the budget. */
  spec?: PodDisruptionBudgetSpec;
  /** What the disruption controller last computed; read-only. */
  status?: PodDisruptionBudgetStatus;
}

/** A page of PodDisruptionBudget objects. */
export interface PodDisruptionBudgetList {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'policy/v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'PodDisruptionBudgetList';
  /** Standard list metadata. */
  metadata?: metaV1.ListMeta;
  /** The budgets returned. */
  items: PodDisruptionBudget[];
}

/** The pods a budget covers and how many must stay up. */
export interface PodDisruptionBudgetSpec {
  /** Pods that must remain available after an eviction, as a count or percentage. */
  minAvailable?: intstr.IntOrString;
  /** Labels identifying the covered pods; an empty selector covers every pod in the namespace. */
  selector?: metaV1.LabelSelector;
  /** Pods that may be unavailable after an eviction, as a count or percentage. */
  maxUnavailable?: intstr.IntOrString;
  /** When running-but-unready pods may be evicted: IfHealthyBudget or AlwaysAllow. */
  unhealthyPodEvictionPolicy?: 'AlwaysAllow' | 'IfHealthyBudget';
}

/** The current state of a disruption budget. */
export interface PodDisruptionBudgetStatus {
  /** The spec generation this status reflects. */
  observedGeneration?: number;
  /** Pods whose eviction was granted but not yet seen by the controller, with the time it was granted. */
  disruptedPods?: { [key: string]: metaV1.Time };
  /** Pod disruptions currently permitted. */
  disruptionsAllowed: number;
  /** Covered pods that are healthy now. */
  currentHealthy: number;
  /** Healthy pods the budget requires. */
  desiredHealthy: number;
  /** Total pods the budget counts. */
  expectedPods: number;
  /** The latest observations, such as DisruptionAllowed. */
  conditions?: metaV1.Condition[];
}
