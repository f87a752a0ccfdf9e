/**
 * @module Conversion between events.k8s.io/v1 Events and core/v1 Events, which Kubernetes stores
 * once (core form): regarding ↔ involvedObject, note ↔ message, reportingController ↔
 * reportingComponent, deprecatedSource/FirstTimestamp/LastTimestamp/Count ↔ source/
 * firstTimestamp/lastTimestamp/count; the rest keeps its name.
 */
import type { KubeObject } from '../meta/object.js';

const RENAMES: ReadonlyArray<readonly [string, string]> = [
  ['regarding', 'involvedObject'], ['note', 'message'], ['reportingController', 'reportingComponent'],
  ['deprecatedSource', 'source'], ['deprecatedFirstTimestamp', 'firstTimestamp'], ['deprecatedLastTimestamp', 'lastTimestamp'],
  ['deprecatedCount', 'count'],
];

function rename(o: KubeObject, pairs: ReadonlyArray<readonly [string, string]>, apiVersion: string): KubeObject {
  const out: KubeObject = { ...o, apiVersion, kind: 'Event', metadata: o.metadata };
  for (const [from, to] of pairs) {
    delete out[from];
    if (o[from] !== undefined) out[to] = o[from];
  }
  return out;
}

/** events.k8s.io/v1 → core/v1. */
export function eventsV1ToCore(o: KubeObject): KubeObject {
  return rename(o, RENAMES, 'v1');
}

/** core/v1 → events.k8s.io/v1. */
export function coreToEventsV1(o: KubeObject): KubeObject {
  return rename(o, RENAMES.map(([a, b]) => [b, a] as const), 'events.k8s.io/v1');
}
