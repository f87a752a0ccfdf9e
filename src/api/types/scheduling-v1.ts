/**
 * @module Types of io.k8s.api.scheduling.v1, generated from the schema catalog by scripts/gen-api-types.mjs.
 * Do not edit: change the catalog and run `npm run gen:types`.
 */
import type * as metaV1 from './meta-v1.js';

/** Maps a priority class name to the integer priority of pods that use it. */
export interface PriorityClass {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'scheduling.k8s.io/v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'PriorityClass';
  /** Standard object metadata. */
  metadata?: metaV1.ObjectMeta;
  /** The priority; higher values are scheduled first and may preempt lower ones. */
  value: number;
  /** Whether pods without a priority class get this one; at most one class may say so. */
  globalDefault?: boolean;
  /** Free text on when to use this class. */
  description?: string;
  /** Whether pods of this class may evict lower-priority pods: PreemptLowerPriority (the default) or Never. */
  preemptionPolicy?: 'Never' | 'PreemptLowerPriority';
}

/** A page of PriorityClass objects. */
export interface PriorityClassList {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'scheduling.k8s.io/v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'PriorityClassList';
  /** Standard list metadata. */
  metadata?: metaV1.ListMeta;
  /** The priority classes returned. */
  items: PriorityClass[];
}
