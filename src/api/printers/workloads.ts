/**
 * @module Printers for apps/v1 and batch/v1: deployments, replica sets, stateful sets, daemon
 * sets, controller revisions, jobs (with the STATUS column of Kubernetes 1.30+) and cron jobs
 * (with TIMEZONE).
 */
import type { KubeObject } from '../meta/object.js';
import { formatLabelSelectorObject } from '../labels/from-object.js';
import { humanDuration, since } from './duration.js';
import { arr, containersAndImages, formatLabels, getPath, hasCondition, num, objectAt, str } from './cells.js';
import { AGE_COLUMN, CONTAINERS_COLUMN, IMAGES_COLUMN, NAME_COLUMN, type Printer, SELECTOR_COLUMN, col } from './table.js';

const age = (o: KubeObject, now: number) => since(o.metadata.creationTimestamp, now);
const name = (o: KubeObject) => o.metadata.name ?? '';
const template = (o: KubeObject) => containersAndImages(getPath(o, ['spec', 'template', 'spec']));
const selector = (o: KubeObject) => formatLabelSelectorObject(getPath(o, ['spec', 'selector']));
const int = (n: string) => col(n, { type: 'integer' });

export const deploymentPrinter: Printer = {
  columns: [NAME_COLUMN, col('Ready'), int('Up-to-date'), int('Available'), AGE_COLUMN, CONTAINERS_COLUMN, IMAGES_COLUMN, SELECTOR_COLUMN],
  row: (o, now) => {
    const [c, i] = template(o);
    const desired = typeof getPath(o, ['spec', 'replicas']) === 'number' ? num(o, 'spec', 'replicas') : 1;
    return { cells: [name(o), `${num(o, 'status', 'readyReplicas')}/${desired}`, num(o, 'status', 'updatedReplicas'),
      num(o, 'status', 'availableReplicas'), age(o, now), c, i, selector(o)] };
  },
};

export const replicaSetPrinter: Printer = {
  columns: [NAME_COLUMN, int('Desired'), int('Current'), int('Ready'), AGE_COLUMN, CONTAINERS_COLUMN, IMAGES_COLUMN, SELECTOR_COLUMN],
  row: (o, now) => {
    const [c, i] = template(o);
    return { cells: [name(o), num(o, 'spec', 'replicas'), num(o, 'status', 'replicas'), num(o, 'status', 'readyReplicas'),
      age(o, now), c, i, selector(o)] };
  },
};

export const statefulSetPrinter: Printer = {
  columns: [NAME_COLUMN, col('Ready'), AGE_COLUMN, CONTAINERS_COLUMN, IMAGES_COLUMN],
  row: (o, now) => {
    const [c, i] = template(o);
    const desired = typeof getPath(o, ['spec', 'replicas']) === 'number' ? num(o, 'spec', 'replicas') : 1;
    return { cells: [name(o), `${num(o, 'status', 'readyReplicas')}/${desired}`, age(o, now), c, i] };
  },
};

export const daemonSetPrinter: Printer = {
  columns: [NAME_COLUMN, int('Desired'), int('Current'), int('Ready'), int('Up-to-date'), int('Available'), col('Node Selector'),
    AGE_COLUMN, CONTAINERS_COLUMN, IMAGES_COLUMN, SELECTOR_COLUMN],
  row: (o, now) => {
    const [c, i] = template(o);
    const s = o['status'];
    return { cells: [name(o), num(s, 'desiredNumberScheduled'), num(s, 'currentNumberScheduled'), num(s, 'numberReady'),
      num(s, 'updatedNumberScheduled'), num(s, 'numberAvailable'), formatLabels(getPath(o, ['spec', 'template', 'spec', 'nodeSelector'])),
      age(o, now), c, i, selector(o)] };
  },
};

export const controllerRevisionPrinter: Printer = {
  columns: [NAME_COLUMN, col('Controller'), int('Revision'), AGE_COLUMN],
  row: (o, now) => {
    const owner = (o.metadata.ownerReferences ?? []).find((r) => r.controller === true);
    const controller = owner ? `${owner.kind.toLowerCase()}.${owner.apiVersion.includes('/') ? owner.apiVersion.split('/')[0] : ''}/${owner.name}`.replace('./', '/') : '<none>';
    return { cells: [name(o), controller, num(o, 'revision'), age(o, now)] };
  },
};

function jobStatus(o: KubeObject): string {
  const conds = arr(o['status'], 'conditions');
  if (hasCondition(conds, 'Complete')) return 'Complete';
  if (hasCondition(conds, 'Failed')) return 'Failed';
  if (o.metadata.deletionTimestamp) return 'Terminating';
  if (hasCondition(conds, 'Suspended')) return 'Suspended';
  if (hasCondition(conds, 'FailureTarget')) return 'FailureTarget';
  if (hasCondition(conds, 'SuccessCriteriaMet')) return 'SuccessCriteriaMet';
  return 'Running';
}

export const jobPrinter: Printer = {
  columns: [NAME_COLUMN, col('Status'), col('Completions'), col('Duration'), AGE_COLUMN, CONTAINERS_COLUMN, IMAGES_COLUMN, SELECTOR_COLUMN],
  row: (o, now) => {
    const [c, i] = template(o);
    const spec = o['spec'];
    const succeeded = num(o, 'status', 'succeeded');
    let completions: string;
    if (typeof getPath(spec, ['completions']) === 'number') completions = `${succeeded}/${num(spec, 'completions')}`;
    else if (num(spec, 'parallelism') > 1) completions = `${succeeded}/1 of ${num(spec, 'parallelism')}`;
    else completions = `${succeeded}/1`;
    const start = str(o, 'status', 'startTime');
    const end = str(o, 'status', 'completionTime');
    const duration = !start ? '' : !end ? since(start, now) : humanDuration(Date.parse(end) - Date.parse(start));
    return { cells: [name(o), jobStatus(o), completions, duration, age(o, now), c, i, selector(o)] };
  },
};

export const cronJobPrinter: Printer = {
  columns: [NAME_COLUMN, col('Schedule'), col('Timezone'), col('Suspend', { type: 'boolean' }), int('Active'), col('Last Schedule'),
    AGE_COLUMN, CONTAINERS_COLUMN, IMAGES_COLUMN, SELECTOR_COLUMN],
  row: (o, now) => {
    const spec = o['spec'];
    const jobSpec = getPath(spec, ['jobTemplate', 'spec']);
    const [c, i] = containersAndImages(getPath(jobSpec, ['template', 'spec']));
    const suspend = getPath(spec, ['suspend']);
    const last = str(o, 'status', 'lastScheduleTime');
    return { cells: [name(o), str(spec, 'schedule'), str(spec, 'timeZone') || '<none>',
      typeof suspend === 'boolean' ? (suspend ? 'True' : 'False') : '<unset>', arr(o['status'], 'active').length,
      last ? since(last, now) : '<none>', age(o, now), c, i, formatLabelSelectorObject(objectAt(jobSpec, 'selector'))] };
  },
};
