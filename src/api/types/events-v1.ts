/**
 * @module Types of io.k8s.api.events.v1, generated from the schema catalog by scripts/gen-api-types.mjs.
 * Do not edit: change the catalog and run `npm run gen:types`.
 */
import type * as coreV1 from './core-v1.js';
import type * as metaV1 from './meta-v1.js';

/** A report that something happened to an object, possibly repeated as a series. */
export interface Event {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'events.k8s.io/v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'Event';
  /** Standard object metadata. */
  metadata?: metaV1.ObjectMeta;
  /** When the event first happened. */
  eventTime: metaV1.MicroTime;
  /** Repetition data when the event recurs. */
  series?: EventSeries;
  /** The controller that emitted the event, e.g. kubernetes.io/kubelet. */
  reportingController?: string;
  /** Which instance of the controller emitted it, e.g. the kubelet's node. */
  reportingInstance?: string;
  /** What was done, or failed, to the regarding object. */
  action?: string;
  /** Short CamelCase reason for the action. */
  reason?: string;
  /** The object the event is about. */
  regarding?: coreV1.ObjectReference;
  /** A second object involved, if any. */
  related?: coreV1.ObjectReference;
  /** Human-readable description, at most 1 kB. */
  note?: string;
  /** Normal or Warning. */
  type?: string;
  /** The core/v1 source field, kept for round trips. */
  deprecatedSource?: coreV1.EventSource;
  /** The core/v1 firstTimestamp field, kept for round trips. */
  deprecatedFirstTimestamp?: metaV1.Time;
  /** The core/v1 lastTimestamp field, kept for round trips. */
  deprecatedLastTimestamp?: metaV1.Time;
  /** The core/v1 count field, kept for round trips. */
  deprecatedCount?: number;
}

/** A page of Event objects. */
export interface EventList {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'events.k8s.io/v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'EventList';
  /** Standard list metadata. */
  metadata?: metaV1.ListMeta;
  /** The events returned. */
  items: Event[];
}

/** How often an event has recurred. */
export interface EventSeries {
  /** Occurrences observed so far. */
  count: number;
  /** When the last occurrence was seen. */
  lastObservedTime: metaV1.MicroTime;
}
