/**
 * @module A small catalog for the codec tests: a few real definitions cut down to the fields the
 * tests need (the full ones live in groups/), plus a test kind using every field form.
 */
import { buildCatalog, type Catalog } from '../catalog.js';
import { defineGroup, embedded } from '../dsl.js';

const meta = defineGroup({ prefix: 'io.k8s.apimachinery.pkg.apis.meta.v1', group: '', version: 'v1' }, (g) => {
  g.custom('Time', 'A point in time, whole seconds.', 'Time');
  g.custom('MicroTime', 'A point in time with microseconds.', 'MicroTime');
  g.custom('FieldsV1', 'A set of field paths as a JSON trie.', 'FieldsV1');
  g.custom('Duration', 'A length of time.', 'Duration');
  g.struct('ObjectMeta', 'Metadata every persisted object has.', {
    name: ['string', 1, 'Unique name in its namespace.'],
    generateName: ['string', 2, 'Prefix for a generated name.'],
    namespace: ['string', 3, 'The namespace.'],
    uid: ['string', 5, 'Unique identity.'],
    resourceVersion: ['string', 6, 'Version for optimistic concurrency.'],
    generation: ['int64', 7, 'Spec generation.'],
    creationTimestamp: ['Time', 8, 'When it was created.'],
    deletionTimestamp: ['Time', 9, 'When it will be deleted.', { ptr: true }],
    deletionGracePeriodSeconds: ['int64', 10, 'Grace period.', { ptr: true }],
    labels: ['map[string]string', 11, 'Labels.'],
    annotations: ['map[string]string', 12, 'Annotations.'],
    finalizers: ['[]string', 14, 'Finalizers.', { list: 'set', patch: 'merge' }],
    managedFields: ['[]ManagedFieldsEntry', 17, 'Field ownership.', { list: 'atomic' }],
  });
  g.struct('ListMeta', 'Metadata of a list.', {
    resourceVersion: ['string', 2, 'Version of the list.'],
    continue: ['string', 3, 'Token for the next page.'],
    remainingItemCount: ['int64', 4, 'Items left after this page.', { ptr: true }],
  });
  g.struct('ManagedFieldsEntry', 'One manager\'s fields.', {
    manager: ['string', 1, 'Manager name.'],
    operation: ['string', 2, 'Apply or Update.'],
    apiVersion: ['string', 3, 'Version of the fields.'],
    time: ['Time', 4, 'When.', { ptr: true }],
    fieldsType: ['string', 6, 'Always FieldsV1.'],
    fieldsV1: ['FieldsV1', 7, 'The fields.', { ptr: true }],
  });
});

const resource = defineGroup({ prefix: 'io.k8s.apimachinery.pkg.api.resource', group: '', version: 'v1' }, (g) => {
  g.custom('Quantity', 'A fixed-point number with a unit suffix.', 'Quantity');
});
const intstr = defineGroup({ prefix: 'io.k8s.apimachinery.pkg.util.intstr', group: '', version: 'v1' }, (g) => {
  g.custom('IntOrString', 'An integer or a string.', 'IntOrString');
});
const runtime = defineGroup({ prefix: 'io.k8s.apimachinery.pkg.runtime', group: '', version: 'v1' }, (g) => {
  g.custom('RawExtension', 'Any embedded object.', 'RawExtension');
});

const core = defineGroup({ prefix: 'io.k8s.api.core.v1', group: '', version: 'v1' }, (g) => {
  g.kind('ConfigMap', 'Configuration data.', {
    metadata: ['ObjectMeta', 1, 'Standard metadata.'],
    immutable: ['boolean', 4, 'Whether data may change.', { ptr: true }],
    data: ['map[string]string', 2, 'UTF-8 data.'],
    binaryData: ['map[string]bytes', 3, 'Binary data.'],
  });
  g.struct('Probe', 'A health check.', {
    ...embedded([1], {
      exec: ['ExecAction', 1, 'Run a command.', { ptr: true }],
      httpGet: ['HTTPGetAction', 2, 'Send an HTTP GET.', { ptr: true }],
    }),
    initialDelaySeconds: ['int32', 2, 'Delay before the first probe.'],
    periodSeconds: ['int32', 4, 'How often.'],
  });
  g.struct('ExecAction', 'A command to run.', { command: ['[]string', 1, 'The command.', { list: 'atomic' }] });
  g.struct('HTTPGetAction', 'An HTTP GET.', {
    path: ['string', 1, 'The path.'],
    port: ['IntOrString', 2, 'Port number or name.', { required: true }],
  });
  g.resource('configmaps', { kind: 'ConfigMap', shortNames: ['cm'] });
});

const test = defineGroup({ prefix: 'io.k3ts.test.v1', group: 'test.k3ts.io', version: 'v1' }, (g) => {
  g.kind('Widget', 'A test kind with every field form.', {
    metadata: ['ObjectMeta', 1, 'Standard metadata.'],
    spec: ['WidgetSpec', 2, 'Desired state.'],
    status: ['WidgetStatus', 3, 'Observed state.'],
  });
  g.kind('WidgetList', 'A page of widgets.', {
    metadata: ['ListMeta', 1, 'List metadata.'],
    items: ['[]Widget', 2, 'The widgets.', { required: true }],
  });
  g.struct('WidgetSpec', 'What the widget should be.', {
    replicas: ['int32', 1, 'How many.', { ptr: true }],
    size: ['Quantity', 2, 'How big.', { ptr: true }],
    port: ['IntOrString', 3, 'A port.'],
    limits: ['map[string]Quantity', 4, 'Resource limits.'],
    parts: ['[]Part', 5, 'The parts.', { list: 'map', keys: ['name'], patch: 'merge', mergeKey: 'name' }],
    probe: ['core.Probe', 6, 'A probe.', { ptr: true }],
    extra: ['map[string][]string', 7, 'Extra attributes.'],
    payload: ['RawExtension', 8, 'Any object.'],
    ratio: ['double', 9, 'A ratio.', { ptr: true }],
    enabled: ['boolean', 10, 'On or off.'],
    weights: ['[]int64', 11, 'Weights.'],
    selector: ['map[string]string', 12, 'Labels to match.', { mapType: 'atomic' }],
    paused: ['boolean', 13, 'Paused.', { ptr: true }],
    when: ['MicroTime', 14, 'A precise time.', { ptr: true }],
    window: ['meta.Duration', 15, 'A length of time.'],
  });
  g.struct('Part', 'One part.', {
    name: ['string', 1, 'Unique name.', { required: true }],
    count: ['int32', 2, 'How many.', { required: true }],
    note: ['string', 3, 'A note.'],
  });
  g.struct('WidgetStatus', 'What the widget is.', {
    ready: ['boolean', 1, 'Ready.'],
    observedAt: ['Time', 2, 'When observed.'],
    digest: ['bytes', 3, 'A checksum.'],
  }, { preserveUnknownFields: true });
  g.resource('widgets', { kind: 'Widget', categories: ['all'], sub: { status: ['get', 'patch', 'update'] } });
});

let cached: Catalog | undefined;

/** The mini catalog (built once). */
export function miniCatalog(): Catalog {
  cached ??= buildCatalog([meta, resource, intstr, runtime, core, test]);
  return cached;
}
