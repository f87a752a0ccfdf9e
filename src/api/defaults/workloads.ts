/**
 * @module Workload defaulting (pkg/apis/apps/v1, batch/v1 and core/v1 defaults.go): Deployments,
 * ReplicaSets, StatefulSets, DaemonSets, Jobs, CronJobs and ReplicationControllers get their
 * replicas, strategies, history limits and policies, and their pod templates the PodSpec
 * defaults. Every function mutates the object it is given.
 */
import { isPlainObject } from '../meta/object.js';
import { defaultPodTemplate, defaultTemplateMeta, setDefault } from './pod.js';

type Obj = Record<string, unknown>;
const specOf = (o: Obj): Obj => (isPlainObject(o['spec']) ? o['spec'] : (o['spec'] = {}));
const objAt = (o: Obj, key: string): Obj => (isPlainObject(o[key]) ? o[key] : (o[key] = {}));

/** The template every workload spec embeds by value (absent means an empty one). */
function template(s: Obj): void {
  defaultPodTemplate(objAt(s, 'template'));
}

export function defaultDeployment(o: Obj): void {
  const s = specOf(o);
  setDefault(s, 'replicas', 1);
  const st = objAt(s, 'strategy');
  setDefault(st, 'type', 'RollingUpdate');
  if (st['type'] === 'RollingUpdate') {
    const ru = objAt(st, 'rollingUpdate');
    setDefault(ru, 'maxUnavailable', '25%');
    setDefault(ru, 'maxSurge', '25%');
  }
  setDefault(s, 'revisionHistoryLimit', 10);
  setDefault(s, 'progressDeadlineSeconds', 600);
  template(s);
}

export function defaultReplicaSet(o: Obj): void {
  const s = specOf(o);
  setDefault(s, 'replicas', 1);
  template(s);
}

export function defaultDaemonSet(o: Obj): void {
  const s = specOf(o);
  const us = objAt(s, 'updateStrategy');
  setDefault(us, 'type', 'RollingUpdate');
  if (us['type'] === 'RollingUpdate') {
    const ru = objAt(us, 'rollingUpdate');
    setDefault(ru, 'maxUnavailable', 1);
    setDefault(ru, 'maxSurge', 0);
  }
  setDefault(s, 'revisionHistoryLimit', 10);
  template(s);
}

export function defaultStatefulSet(o: Obj): void {
  const s = specOf(o);
  setDefault(s, 'podManagementPolicy', 'OrderedReady');
  const us = objAt(s, 'updateStrategy');
  setDefault(us, 'type', 'RollingUpdate');
  if (us['type'] === 'RollingUpdate') setDefault(objAt(us, 'rollingUpdate'), 'partition', 0);
  setDefault(s, 'replicas', 1);
  setDefault(s, 'revisionHistoryLimit', 10);
  const ret = objAt(s, 'persistentVolumeClaimRetentionPolicy');
  setDefault(ret, 'whenDeleted', 'Retain');
  setDefault(ret, 'whenScaled', 'Retain');
  const claims = s['volumeClaimTemplates'];
  if (Array.isArray(claims)) {
    for (const c of claims) {
      if (!isPlainObject(c)) continue;
      // Claim templates are whole PersistentVolumeClaims, defaulted as such (and served with their type).
      setDefault(c, 'apiVersion', 'v1');
      setDefault(c, 'kind', 'PersistentVolumeClaim');
      defaultTemplateMeta(c);
      setDefault(objAt(c, 'spec'), 'volumeMode', 'Filesystem');
      setDefault(objAt(c, 'status'), 'phase', 'Pending');
    }
  }
  template(s);
}

export function defaultJob(o: Obj): void {
  const s = specOf(o);
  if (s['completions'] === undefined && s['parallelism'] === undefined) {
    s['completions'] = 1;
    s['parallelism'] = 1;
  }
  setDefault(s, 'parallelism', 1);
  setDefault(s, 'backoffLimit', s['backoffLimitPerIndex'] !== undefined && s['backoffLimitPerIndex'] !== null ? 2147483647 : 6);
  setDefault(s, 'completionMode', 'NonIndexed');
  setDefault(s, 'suspend', false);
  setDefault(s, 'podReplacementPolicy', s['podFailurePolicy'] !== undefined && s['podFailurePolicy'] !== null ? 'Failed' : 'TerminatingOrFailed');
  template(s);
  // SetDefaults_Job: a job without labels takes its template's.
  const labels = (s['template'] as Obj)['metadata'] as Obj;
  const meta = objAt(o, 'metadata');
  if (isPlainObject(labels['labels']) && !(isPlainObject(meta['labels']) && Object.keys(meta['labels']).length)) meta['labels'] = { ...labels['labels'] };
}

export function defaultCronJob(o: Obj): void {
  const s = specOf(o);
  setDefault(s, 'concurrencyPolicy', 'Allow');
  setDefault(s, 'suspend', false);
  setDefault(s, 'successfulJobsHistoryLimit', 3);
  setDefault(s, 'failedJobsHistoryLimit', 1);
  // The job template gets its pod template's defaults, not a Job's (SetDefaults_Job is per Job).
  const jt = objAt(s, 'jobTemplate');
  defaultTemplateMeta(jt);
  template(objAt(jt, 'spec'));
}

export function defaultReplicationController(o: Obj): void {
  const s = specOf(o);
  const tpl = s['template'];
  const labels = isPlainObject(tpl) && isPlainObject(tpl['metadata']) ? tpl['metadata']['labels'] : undefined;
  if (isPlainObject(labels)) {
    if (!isPlainObject(s['selector']) || Object.keys(s['selector']).length === 0) s['selector'] = { ...labels };
    const meta = objAt(o, 'metadata');
    if (!isPlainObject(meta['labels']) || Object.keys(meta['labels']).length === 0) meta['labels'] = { ...labels };
  }
  setDefault(s, 'replicas', 1);
  // The RC template is a pointer: only a given template is defaulted.
  if (isPlainObject(tpl)) defaultPodTemplate(tpl);
}
