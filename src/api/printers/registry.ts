/**
 * @module Which printer serves which resource (`group/plural`), and the Table a list of objects
 * becomes. Unknown resources print with the default Name + Created At columns.
 */
import type { KubeObject } from '../meta/object.js';
import * as core from './core.js';
import * as others from './others.js';
import * as workloads from './workloads.js';
import { podPrinter } from './core-pods.js';
import { DEFAULT_PRINTER, type Printer, type TableColumn, type TableRowData } from './table.js';

const PRINTERS: ReadonlyMap<string, Printer> = new Map<string, Printer>([
  ['/pods', podPrinter],
  ['/services', core.servicePrinter],
  ['/nodes', core.nodePrinter],
  ['/namespaces', core.namespacePrinter],
  ['/configmaps', core.configMapPrinter],
  ['/secrets', core.secretPrinter],
  ['/serviceaccounts', core.serviceAccountPrinter],
  ['/events', core.eventPrinter],
  ['/endpoints', core.endpointsPrinter],
  ['/persistentvolumes', core.persistentVolumePrinter],
  ['/persistentvolumeclaims', core.persistentVolumeClaimPrinter],
  ['/replicationcontrollers', core.replicationControllerPrinter],
  ['/podtemplates', core.podTemplatePrinter],
  ['/limitranges', core.limitRangePrinter],
  ['/resourcequotas', core.resourceQuotaPrinter],
  ['/componentstatuses', core.componentStatusPrinter],
  ['apps/deployments', workloads.deploymentPrinter],
  ['apps/replicasets', workloads.replicaSetPrinter],
  ['apps/statefulsets', workloads.statefulSetPrinter],
  ['apps/daemonsets', workloads.daemonSetPrinter],
  ['apps/controllerrevisions', workloads.controllerRevisionPrinter],
  ['batch/jobs', workloads.jobPrinter],
  ['batch/cronjobs', workloads.cronJobPrinter],
  ['coordination.k8s.io/leases', others.leasePrinter],
  ['networking.k8s.io/ingresses', others.ingressPrinter],
  ['networking.k8s.io/ingressclasses', others.ingressClassPrinter],
  ['networking.k8s.io/networkpolicies', others.networkPolicyPrinter],
  ['discovery.k8s.io/endpointslices', others.endpointSlicePrinter],
  ['autoscaling/horizontalpodautoscalers', others.hpaPrinter],
  ['policy/poddisruptionbudgets', others.pdbPrinter],
  ['storage.k8s.io/storageclasses', others.storageClassPrinter],
  ['scheduling.k8s.io/priorityclasses', others.priorityClassPrinter],
  ['node.k8s.io/runtimeclasses', others.runtimeClassPrinter],
  ['rbac.authorization.k8s.io/rolebindings', others.roleBindingPrinter],
  ['rbac.authorization.k8s.io/clusterrolebindings', others.roleBindingPrinter],
  ['certificates.k8s.io/certificatesigningrequests', others.csrPrinter],
  ['admissionregistration.k8s.io/mutatingwebhookconfigurations', others.webhookConfigurationPrinter],
  ['admissionregistration.k8s.io/validatingwebhookconfigurations', others.webhookConfigurationPrinter],
  ['events.k8s.io/events', core.eventPrinter],
]);

/** The printer for a resource, or the default one. */
export function printerFor(group: string, plural: string): Printer {
  return PRINTERS.get(`${group}/${plural}`) ?? DEFAULT_PRINTER;
}

export interface TableRow {
  cells: TableRowData['cells'];
  conditions?: TableRowData['conditions'];
  object?: unknown;
}

export interface Table {
  kind: 'Table';
  apiVersion: string;
  metadata: { resourceVersion?: string; continue?: string; remainingItemCount?: number };
  columnDefinitions: TableColumn[];
  rows: TableRow[];
}

/** How much of each object the rows carry (the `includeObject` parameter). */
export type IncludeObject = 'None' | 'Metadata' | 'Object';

/** Builds a Table of `objects`; `objectOf` renders the row object for `include`. */
export function buildTable(printer: Printer, objects: readonly KubeObject[], opts: {
  apiVersion: string;
  include: IncludeObject;
  objectOf: (o: KubeObject) => unknown;
  now?: number;
  noHeaders?: boolean;
}): Table {
  const now = opts.now ?? Date.now();
  const rows = objects.map((o) => {
    const data = printer.row(o, now);
    const row: TableRow = { cells: data.cells };
    if (data.conditions) row.conditions = data.conditions;
    if (opts.include !== 'None') row.object = opts.objectOf(o);
    return row;
  });
  return { kind: 'Table', apiVersion: opts.apiVersion, metadata: {}, columnDefinitions: opts.noHeaders ? [] : [...printer.columns], rows };
}
