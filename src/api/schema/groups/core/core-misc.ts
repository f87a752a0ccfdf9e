/**
 * @module core/v1 namespaces, configuration and bookkeeping: Namespace, ConfigMap, Secret, Event,
 * ComponentStatus and the object references the other core types use.
 */
import { defineGroup } from '../../dsl.js';
import { CORE_V1, listKind } from './core-v1.js';

const BY_TYPE = { list: 'map', keys: ['type'], patch: 'merge', mergeKey: 'type' } as const;

export const coreMisc = defineGroup(CORE_V1, (g) => {
  g.kind('Namespace', 'A scope for names, policies and quotas shared by the objects inside it.', {
    metadata: ['ObjectMeta', 1, 'Standard object metadata.'],
    spec: ['NamespaceSpec', 2, 'The finalizers the namespace waits for.'],
    status: ['NamespaceStatus', 3, 'Whether the namespace is active or being torn down.'],
  });
  listKind(g, 'Namespace', 'namespaces');

  g.struct('NamespaceSpec', 'The desired state of a namespace.', {
    finalizers: ['[]string', 1, 'Clean-up steps that must finish before the namespace is removed.', { list: 'atomic' }],
  });

  g.struct('NamespaceStatus', 'The observed state of a namespace.', {
    phase: ['string', 1, 'Active, or Terminating once deletion has begun.', { enum: ['Active', 'Terminating'] }],
    conditions: ['[]NamespaceCondition', 2, 'Progress of namespace deletion.', BY_TYPE],
  });

  g.struct('NamespaceCondition', 'One aspect of a namespace\'s state.', {
    type: ['string', 1, 'Which aspect, e.g. NamespaceDeletionContentFailure.', { required: true }],
    status: ['string', 2, 'True, False or Unknown.', { required: true }],
    lastTransitionTime: ['Time', 4, 'When the status last changed.'],
    reason: ['string', 5, 'CamelCase reason for the last change.'],
    message: ['string', 6, 'Human-readable details.'],
  });

  g.kind('ConfigMap', 'Plain key-value settings, kept apart from images, that pods read as files or environment.', {
    metadata: ['ObjectMeta', 1, 'Standard object metadata.'],
    immutable: ['boolean', 4, 'Once true, the data can no longer change; only deletion is possible.', { ptr: true }],
    data: ['map[string]string', 2, 'UTF-8 values by key; keys may not repeat those of binaryData.'],
    binaryData: ['map[string]bytes', 3, 'Binary values by key, base64 in JSON.'],
  });
  listKind(g, 'ConfigMap', 'config maps');

  g.kind('Secret', 'Sensitive data, such as passwords, tokens or keys, for pods to consume.', {
    metadata: ['ObjectMeta', 1, 'Standard object metadata.'],
    immutable: ['boolean', 5, 'Once true, the data can no longer change; only deletion is possible.', { ptr: true }],
    data: ['map[string]bytes', 2, 'Secret values by key, base64 in JSON.'],
    stringData: ['map[string]string', 4, 'Write-only plain-text values merged into data on write; never returned.'],
    type: ['string', 3, 'Kind of secret, which decides the keys it must hold, e.g. kubernetes.io/tls.'],
  });
  listKind(g, 'Secret', 'secrets');

  g.kind('Event', 'A report of something that happened to an object (the core/v1 form).', {
    metadata: ['ObjectMeta', 1, 'Standard object metadata.', { required: true }],
    involvedObject: ['ObjectReference', 2, 'The object the event is about.', { required: true }],
    reason: ['string', 3, 'Short CamelCase reason, e.g. Scheduled or BackOff.'],
    message: ['string', 4, 'Human-readable description.'],
    source: ['EventSource', 5, 'Component that reported the event.'],
    firstTimestamp: ['Time', 6, 'When the event was first seen.'],
    lastTimestamp: ['Time', 7, 'When the event was most recently seen.'],
    count: ['int32', 8, 'How many times it has happened.'],
    type: ['string', 9, 'Normal or Warning.'],
    eventTime: ['MicroTime', 10, 'When the event was first observed, with microsecond precision.'],
    series: ['EventSeries', 11, 'Data about a series of repeated events.', { ptr: true }],
    action: ['string', 12, 'What was done, or failed to be done.'],
    related: ['ObjectReference', 13, 'A second object involved, when there is one.', { ptr: true }],
    reportingComponent: ['string', 14, 'Identity of the reporting controller, such as kubernetes.io/kubelet.'],
    reportingInstance: ['string', 15, 'Instance of that controller, e.g. the kubelet\'s node.'],
  });
  listKind(g, 'Event', 'events');

  g.struct('EventSeries', 'Bookkeeping for an event that keeps recurring.', {
    count: ['int32', 1, 'Occurrences so far in the series.'],
    lastObservedTime: ['MicroTime', 2, 'When the last occurrence was seen.'],
  });

  g.struct('EventSource', 'The component that reported an event.', {
    component: ['string', 1, 'Name of the component.'],
    host: ['string', 2, 'Node the component runs on.'],
  });

  g.struct('ObjectReference', 'A reference to any object, precise enough to find it (or a field of it).', {
    kind: ['string', 1, 'Kind of the object.'],
    namespace: ['string', 2, 'Namespace of the object.'],
    name: ['string', 3, 'Name of the object.'],
    uid: ['string', 4, 'UID of the object.'],
    apiVersion: ['string', 5, 'API version of the object.'],
    resourceVersion: ['string', 6, 'Resource version of the object, when a specific one is meant.'],
    fieldPath: ['string', 7, 'A part of the object, such as spec.containers{web}.'],
  }, { mapType: 'atomic' });

  g.struct('LocalObjectReference', 'A reference by name to an object in the same namespace.', {
    name: ['string', 1, 'Name of the object.', { default: '' }],
  }, { mapType: 'atomic' });

  g.struct('SecretReference', 'A reference to a Secret, possibly in another namespace.', {
    name: ['string', 1, 'Name of the Secret.'],
    namespace: ['string', 2, 'Namespace of the Secret.'],
  }, { mapType: 'atomic' });

  g.kind('ComponentStatus', 'Deprecated health report of a control-plane component.', {
    metadata: ['ObjectMeta', 1, 'Standard object metadata.'],
    conditions: ['[]ComponentCondition', 2, 'Health conditions of the component.', BY_TYPE],
  });
  listKind(g, 'ComponentStatus', 'component statuses');

  g.struct('ComponentCondition', 'One health condition of a component.', {
    type: ['string', 1, 'Which condition; only Healthy exists.', { required: true }],
    status: ['string', 2, 'True, False or Unknown.', { required: true }],
    message: ['string', 3, 'Details of the condition.'],
    error: ['string', 4, 'Error from the health check, if any.'],
  });
});
