/**
 * @module batch/v1 validation (pkg/apis/batch/validation): Jobs (counts ≥ 0, completion modes and
 * their limits, backoff per index, pod failure and success policies in outline, restartPolicy
 * OnFailure or Never, the generated selector and labels, the fields an update may not change) and
 * CronJobs (schedule, time zone, concurrency policy, history limits, the job template).
 */
import { CronParseError, isTimeZone, parseCron } from '../cron.js';
import { jsonEqual } from '../meta/object.js';
import { type FieldError, FieldPath, fieldErrors } from './field-errors.js';
import { go } from './go-values.js';
import { checkEnum, checkNonNegative, list, obj, str } from './helpers.js';
import { validateLabelSelector } from './label-selector.js';
import { isDNS1123Label, isDomainPrefixedPath } from './names.js';
import { validatePodTemplateSpec } from './pod-spec.js';
import { selectorMatches } from './workloads.js';

type Obj = Record<string, unknown>;
const SPEC = FieldPath.root('spec');
const set = (v: unknown): boolean => v !== undefined && v !== null;

export const JOB_LABELS = {
  legacyUid: 'controller-uid', legacyName: 'job-name', uid: 'batch.kubernetes.io/controller-uid', name: 'batch.kubernetes.io/job-name',
} as const;

function validatePodFailurePolicy(errs: FieldError[], s: Obj, path: FieldPath): void {
  const rules = list(obj(s['podFailurePolicy'])['rules']);
  const rp = path.child('rules');
  if (rules.length > 20) errs.push(fieldErrors.tooMany(rp, rules.length, 20));
  rules.forEach((raw, i) => {
    const r = obj(raw);
    const p = rp.index(i);
    checkEnum(errs, p.child('action'), r['action'], ['Count', 'FailIndex', 'FailJob', 'Ignore'], true);
    if (r['action'] === 'FailIndex' && !set(s['backoffLimitPerIndex'])) errs.push(fieldErrors.invalid(p.child('action'), r['action'], 'requires the backoffLimitPerIndex to be set'));
    const onExit = set(r['onExitCodes']);
    const onCond = list(r['onPodConditions']).length > 0;
    if (onExit && onCond) errs.push(fieldErrors.invalid(p, go.raw('batch.PodFailurePolicyRule{...}'), 'specifying both OnExitCodes and OnPodConditions is not supported'));
    else if (!onExit && !onCond) errs.push(fieldErrors.invalid(p, go.raw('batch.PodFailurePolicyRule{...}'), 'specifying one of OnExitCodes and OnPodConditions is required'));
    if (onExit) {
      const ec = obj(r['onExitCodes']);
      checkEnum(errs, p.child('onExitCodes', 'operator'), ec['operator'], ['In', 'NotIn'], true);
      const values = list(ec['values']);
      if (values.length === 0) errs.push(fieldErrors.invalid(p.child('onExitCodes', 'values'), go.raw('[]int32{}'), 'at least one value is required'));
      else if (values.length > 255) errs.push(fieldErrors.tooMany(p.child('onExitCodes', 'values'), values.length, 255));
    }
  });
}

/** The JobSpec checks a job and a CronJob's job template share. */
function validateJobSpecCommon(errs: FieldError[], s: Obj, path: FieldPath): void {
  for (const f of ['parallelism', 'completions', 'activeDeadlineSeconds', 'backoffLimit', 'ttlSecondsAfterFinished', 'backoffLimitPerIndex', 'maxFailedIndexes'] as const) {
    checkNonNegative(errs, path.child(f), s[f]);
  }
  if (set(s['maxFailedIndexes']) && !set(s['backoffLimitPerIndex'])) errs.push(fieldErrors.required(path.child('backoffLimitPerIndex'), 'when maxFailedIndexes is specified'));
  if (set(s['managedBy'])) {
    const mb = str(s['managedBy']);
    const r = isDomainPrefixedPath(mb);
    if (r === 'required') errs.push(fieldErrors.required(path.child('managedBy')));
    else for (const e of r) errs.push(fieldErrors.invalid(path.child('managedBy'), e.value, e.msg));
    if (mb.length > 63) errs.push(fieldErrors.tooLong(path.child('managedBy'), 63));
  }
  const mode = s['completionMode'];
  if (set(mode) && mode !== 'NonIndexed' && mode !== 'Indexed') errs.push(fieldErrors.notSupported(path.child('completionMode'), mode, ['NonIndexed', 'Indexed']));
  if (mode === 'Indexed') {
    if (!set(s['completions'])) errs.push(fieldErrors.required(path.child('completions'), 'when completion mode is Indexed'));
    const par = s['parallelism'];
    if (typeof par === 'number' && par > 100000) errs.push(fieldErrors.invalid(path.child('parallelism'), par, 'must be less than or equal to 100000 when completion mode is Indexed'));
    const mfi = s['maxFailedIndexes'];
    if (typeof mfi === 'number' && typeof s['completions'] === 'number' && mfi > s['completions']) errs.push(fieldErrors.invalid(path.child('maxFailedIndexes'), mfi, 'must be less than or equal to completions'));
    if (typeof mfi === 'number' && mfi > 100000) errs.push(fieldErrors.invalid(path.child('maxFailedIndexes'), mfi, 'must be less than or equal to 100000'));
  } else {
    if (set(s['backoffLimitPerIndex'])) errs.push(fieldErrors.invalid(path.child('backoffLimitPerIndex'), s['backoffLimitPerIndex'], 'requires indexed completion mode'));
    if (set(s['maxFailedIndexes'])) errs.push(fieldErrors.invalid(path.child('maxFailedIndexes'), s['maxFailedIndexes'], 'requires indexed completion mode'));
  }
  if (set(s['podFailurePolicy'])) validatePodFailurePolicy(errs, s, path.child('podFailurePolicy'));
  if (set(s['successPolicy']) && mode !== 'Indexed') errs.push(fieldErrors.invalid(path.child('successPolicy'), go.raw('batch.SuccessPolicy{...}'), 'requires indexed completion mode'));
  const prp = s['podReplacementPolicy'];
  if (set(prp)) {
    checkEnum(errs, path.child('podReplacementPolicy'), prp, ['Failed', 'TerminatingOrFailed'], true);
    if (set(s['podFailurePolicy']) && prp !== 'Failed') errs.push(fieldErrors.notSupported(path.child('podReplacementPolicy'), prp, ['Failed']));
  }
  const tpl = obj(s['template']);
  validatePodTemplateSpec(errs, tpl, path.child('template'));
  const rp = obj(tpl['spec'])['restartPolicy'];
  const rpath = path.child('template', 'spec', 'restartPolicy');
  if (rp === 'Always' || !str(rp)) errs.push(fieldErrors.required(rpath, 'valid values: "OnFailure", "Never"'));
  else if (rp !== 'OnFailure' && rp !== 'Never') errs.push(fieldErrors.notSupported(rpath, rp, ['OnFailure', 'Never']));
  else if (set(s['podFailurePolicy']) && rp !== 'Never') errs.push(fieldErrors.invalid(rpath, rp, 'only "Never" is supported when podFailurePolicy is specified'));
}

/** Labels the job controller puts on the template must be there when the selector is generated. */
function validateGeneratedSelector(errs: FieldError[], job: Obj): void {
  const s = obj(job['spec']);
  if (s['manualSelector'] === true || !set(s['selector'])) return;
  const meta = obj(job['metadata']);
  const uid = str(meta['uid']);
  const name = str(meta['name']);
  if (!uid) errs.push(fieldErrors.required(FieldPath.root('metadata').child('uid')));
  const labels = obj(obj(obj(s['template'])['metadata'])['labels']);
  const tp = SPEC.child('template', 'metadata', 'labels');
  for (const [key, want] of [[JOB_LABELS.legacyUid, uid], [JOB_LABELS.legacyName, name], [JOB_LABELS.uid, uid], [JOB_LABELS.name, name]] as const) {
    if (labels[key] === undefined) errs.push(fieldErrors.required(tp.key(key), `must be '${want}'`));
    else if (labels[key] !== want) errs.push(fieldErrors.invalid(tp.key(key), go.stringMap(labels), `must be '${want}'`));
  }
  if (selectorMatches(s['selector'], { [JOB_LABELS.legacyUid]: uid, [JOB_LABELS.legacyName]: name, [JOB_LABELS.uid]: uid, [JOB_LABELS.name]: name }) === false) {
    errs.push(fieldErrors.invalid(SPEC.child('selector'), go.labelSelector(s['selector']), '`selector` not auto-generated'));
  }
}

/** A Job (metadata is checked by the strategy): the generated selector, the spec, pod host names. */
export function validateJob(job: Obj): FieldError[] {
  const errs: FieldError[] = [];
  validateGeneratedSelector(errs, job);
  errs.push(...validateJobSpec(job));
  const s = obj(job['spec']);
  const name = str(obj(job['metadata'])['name']);
  if (s['completionMode'] === 'Indexed' && typeof s['completions'] === 'number' && s['completions'] > 0) {
    const host = `${name}-${s['completions'] - 1}`;
    if (isDNS1123Label(host).length) errs.push(fieldErrors.invalid(FieldPath.root('metadata').child('name'), name, `will not able to create pod with invalid DNS label: ${host}`));
  }
  return errs;
}

/** ValidateJobSpec: the spec, a selector, and the template it selects. */
export function validateJobSpec(job: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const s = obj(job['spec']);
  validateJobSpecCommon(errs, s, SPEC);
  if (!set(s['selector'])) errs.push(fieldErrors.required(SPEC.child('selector')));
  else validateLabelSelector(errs, s['selector'], SPEC.child('selector'));
  const labels = obj(obj(s['template'])['metadata'])['labels'];
  if (set(s['selector']) && selectorMatches(s['selector'], labels) === false) {
    errs.push(fieldErrors.invalid(SPEC.child('template', 'metadata', 'labels'), go.stringMap(labels), '`selector` does not match template `labels`'));
  }
  return errs;
}

/** The Job update rule: selector, completion mode, policies and (unless suspended and never started) the template are frozen. */
export function validateJobUpdate(next: Obj, prev: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const n = obj(next['spec']);
  const p = obj(prev['spec']);
  const immutable = (f: string, v = n[f] ?? null) => {
    if (!jsonEqual(n[f] ?? null, p[f] ?? null)) errs.push(fieldErrors.invalid(SPEC.child(f), v, 'field is immutable'));
  };
  // Elastic indexed jobs (GA): completions may change together with parallelism.
  if (n['completionMode'] === 'Indexed') {
    if (!jsonEqual(n['completions'] ?? null, p['completions'] ?? null) && typeof n['completions'] === 'number' && n['completions'] !== n['parallelism']) {
      errs.push(fieldErrors.invalid(SPEC.child('completions'), n['completions'], 'can only be modified in tandem with spec.parallelism'));
    }
  } else immutable('completions');
  immutable('selector', go.labelSelector(n['selector']));
  const nt = structuredClone(obj(n['template']));
  const pt = structuredClone(obj(p['template']));
  // A suspended job that never started may change its scheduling directives (MutableSchedulingDirectives).
  if (n['suspend'] === true && p['suspend'] === true && !obj(prev['status'])['startTime']) {
    const ns = obj(nt['spec']);
    const ps = (pt['spec'] = obj(pt['spec']));
    for (const f of ['nodeSelector', 'tolerations', 'schedulingGates']) ps[f] = ns[f];
    const na = ns['affinity'];
    const pa = ps['affinity'];
    if (!set(na) && set(pa)) {
      const rest = { ...obj(pa), nodeAffinity: undefined };
      ps['affinity'] = JSON.stringify(rest) === '{}' ? undefined : rest;
    } else if (set(na)) {
      ps['affinity'] = { ...obj(pa), nodeAffinity: obj(na)['nodeAffinity'] };
    }
    const pm = (pt['metadata'] = obj(pt['metadata']));
    pm['labels'] = obj(nt['metadata'])['labels'];
    pm['annotations'] = obj(nt['metadata'])['annotations'];
  }
  if (!jsonEqual(nt, pt)) errs.push(fieldErrors.invalid(SPEC.child('template'), go.raw('core.PodTemplateSpec{...}'), 'field is immutable'));
  for (const f of ['completionMode', 'podFailurePolicy', 'backoffLimitPerIndex', 'managedBy', 'successPolicy']) immutable(f);
  return errs;
}

/** Job status counters. */
export function validateJobStatus(next: Obj, prev: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const st = obj(next['status']);
  const pst = obj(prev['status']);
  const path = FieldPath.root('status');
  for (const f of ['active', 'succeeded', 'failed', 'ready', 'terminating'] as const) checkNonNegative(errs, path.child(f), st[f]);
  const num = (o: Obj, f: string) => (typeof o[f] === 'number' ? o[f] : 0);
  if (num(st, 'failed') < num(pst, 'failed')) errs.push(fieldErrors.invalid(path.child('failed'), num(st, 'failed'), 'cannot decrease the failed counter'));
  if (num(st, 'succeeded') < num(pst, 'succeeded')) errs.push(fieldErrors.invalid(path.child('succeeded'), num(st, 'succeeded'), 'cannot decrease the succeeded counter'));
  if (typeof st['ready'] === 'number' && st['ready'] > num(st, 'active')) errs.push(fieldErrors.invalid(path.child('ready'), st['ready'], 'cannot set more ready pods than active'));
  return errs;
}

const TZ_PREFIX = /^(CRON_)?TZ=\S+\s+/;

/** A CronJob spec; `prev` is the stored spec on update. */
export function validateCronJobSpec(s: Obj, prev?: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const schedule = str(s['schedule']);
  const sp = SPEC.child('schedule');
  if (!schedule) errs.push(fieldErrors.required(sp));
  else {
    try {
      parseCron(schedule.replace(TZ_PREFIX, ''));
    } catch (e) {
      if (!(e instanceof CronParseError)) throw e;
      errs.push(fieldErrors.invalid(sp, schedule, e.message));
    }
    const allowTZ = prev !== undefined && str(prev['schedule']).includes('TZ');
    if (allowTZ && schedule.includes('TZ') && set(s['timeZone'])) errs.push(fieldErrors.invalid(sp, schedule, 'cannot use both timeZone field and TZ or CRON_TZ in schedule'));
    else if (!allowTZ && schedule.includes('TZ')) errs.push(fieldErrors.invalid(sp, schedule, 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead'));
  }
  checkNonNegative(errs, SPEC.child('startingDeadlineSeconds'), s['startingDeadlineSeconds']);
  if (prev === undefined || prev['timeZone'] !== s['timeZone']) validateTimeZone(errs, s['timeZone']);
  checkEnum(errs, SPEC.child('concurrencyPolicy'), s['concurrencyPolicy'], ['Allow', 'Forbid', 'Replace'], true);
  const jt = obj(obj(s['jobTemplate'])['spec']);
  const jp = SPEC.child('jobTemplate', 'spec');
  validateJobSpecCommon(errs, jt, jp);
  if (set(jt['selector'])) errs.push(fieldErrors.invalid(jp.child('selector'), go.labelSelector(jt['selector']), '`selector` will be auto-generated'));
  if (jt['manualSelector'] === true) errs.push(fieldErrors.notSupported(jp.child('manualSelector'), true, ['nil', 'false']));
  checkNonNegative(errs, SPEC.child('successfulJobsHistoryLimit'), s['successfulJobsHistoryLimit']);
  checkNonNegative(errs, SPEC.child('failedJobsHistoryLimit'), s['failedJobsHistoryLimit']);
  return errs;
}

const TZ_PART = /^[A-Za-z.\-_0-9+]{1,14}$/;

function validateTimeZone(errs: FieldError[], tz: unknown): void {
  if (!set(tz)) return;
  const path = SPEC.child('timeZone');
  const z = str(tz);
  if (!z) return void errs.push(fieldErrors.invalid(path, z, 'timeZone must be nil or non-empty string'));
  if (z.split('/').some((p) => p === '.' || p === '..' || p.startsWith('-') || !TZ_PART.test(p))) return void errs.push(fieldErrors.invalid(path, z, `unknown time zone ${z}`));
  if (z.toLowerCase() === 'local') errs.push(fieldErrors.invalid(path, z, 'timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones'));
  else if (!isTimeZone(z)) errs.push(fieldErrors.invalid(path, z, `unknown time zone ${z}`));
}

/** A new CronJob's name leaves room for the 11-character suffix of its jobs. */
export function validateCronJobName(name: string): FieldError[] {
  return name.length > 52 ? [fieldErrors.invalid(FieldPath.root('metadata').child('name'), name, 'must be no more than 52 characters')] : [];
}
