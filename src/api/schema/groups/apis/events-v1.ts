/** @module events.k8s.io/v1: the structured Event, a newer view of the same objects as core/v1 Event. */
import { defineGroup } from '../../dsl.js';

export const eventsV1 = defineGroup({ prefix: 'io.k8s.api.events.v1', group: 'events.k8s.io', version: 'v1' }, (g) => {
  g.kind('Event', 'A report that something happened to an object, possibly repeated as a series.', {
    metadata: ['ObjectMeta', 1, 'Standard object metadata.'],
    eventTime: ['MicroTime', 2, 'When the event first happened.', { required: true }],
    series: ['EventSeries', 3, 'Repetition data when the event recurs.', { ptr: true }],
    reportingController: ['string', 4, 'The controller that emitted the event, e.g. kubernetes.io/kubelet.'],
    reportingInstance: ['string', 5, 'Which instance of the controller emitted it, e.g. the kubelet\'s node.'],
    action: ['string', 6, 'What was done, or failed, to the regarding object.'],
    reason: ['string', 7, 'Short CamelCase reason for the action.'],
    regarding: ['core.ObjectReference', 8, 'The object the event is about.'],
    related: ['core.ObjectReference', 9, 'A second object involved, if any.', { ptr: true }],
    note: ['string', 10, 'Human-readable description, at most 1 kB.'],
    type: ['string', 11, 'Normal or Warning.'],
    deprecatedSource: ['core.EventSource', 12, 'The core/v1 source field, kept for round trips.'],
    deprecatedFirstTimestamp: ['Time', 13, 'The core/v1 firstTimestamp field, kept for round trips.'],
    deprecatedLastTimestamp: ['Time', 14, 'The core/v1 lastTimestamp field, kept for round trips.'],
    deprecatedCount: ['int32', 15, 'The core/v1 count field, kept for round trips.'],
  });
  g.kind('EventList', 'A page of Event objects.', {
    metadata: ['ListMeta', 1, 'Standard list metadata.'],
    items: ['[]Event', 2, 'The events returned.', { required: true }],
  });
  g.struct('EventSeries', 'How often an event has recurred.', {
    count: ['int32', 1, 'Occurrences observed so far.', { required: true }],
    lastObservedTime: ['MicroTime', 2, 'When the last occurrence was seen.', { required: true }],
  });

  g.resource('events', { kind: 'Event', shortNames: ['ev'] });
});
