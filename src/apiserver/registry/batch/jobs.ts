/**
 * @module batch/v1 strategies (pkg/registry/batch/*): Jobs get their defaults (parallelism,
 * completions, backoffLimit, completionMode, suspend, podReplacementPolicy), a generated
 * selector with the batch.kubernetes.io/controller-uid and job-name labels unless
 * manualSelector, restartPolicy OnFailure|Never, and an immutable template and selector;
 * CronJobs get their defaults and a validated schedule and time zone.
 */
import { defaultPodTemplate } from '../../../api/defaults/pod.js';
import { CronParseError, isTimeZone, parseCron } from '../../../api/cron.js';
import type { KubeObject } from '../../../api/meta/object.js';
import { type FieldError, FieldPath, fieldErrors } from '../../../api/validation/field-errors.js';
import { checkEnum, checkNonNegative, obj, str } from '../../../api/validation/helpers.js';
import { validateImmutable } from '../../../api/validation/object-meta.js';
import { validateSelectorAndTemplate } from '../../../api/validation/workloads.js';
import type { RequestContext } from '../rest/context.js';
import { BaseStrategy } from '../rest/strategy.js';

type Obj = Record<string, unknown>;
const SPEC = FieldPath.root('spec');
const JOB_RESTART = ['OnFailure', 'Never'];

function defaultJobSpec(s: Obj): void {
  if (s['completions'] === undefined && s['parallelism'] === undefined) {
    s['completions'] = 1;
    s['parallelism'] = 1;
  }
  s['parallelism'] ??= 1;
  if (s['backoffLimitPerIndex'] === undefined) s['backoffLimit'] ??= 6;
  s['completionMode'] ??= 'NonIndexed';
  s['suspend'] ??= false;
  s['podReplacementPolicy'] ??= s['podFailurePolicy'] !== undefined ? 'Failed' : 'TerminatingOrFailed';
  s['manualSelector'] ??= undefined;
  if (s['manualSelector'] === undefined) delete s['manualSelector'];
  defaultPodTemplate(s['template']);
}

function validateJobSpec(s: Obj, path: FieldPath, warnings: string[], errs: FieldError[]): void {
  errs.push(...validateSelectorAndTemplate(s, path, warnings, JOB_RESTART, 'job'));
  for (const f of ['parallelism', 'completions', 'backoffLimit', 'activeDeadlineSeconds', 'ttlSecondsAfterFinished'] as const) checkNonNegative(errs, path.child(f), s[f]);
  checkEnum(errs, path.child('completionMode'), s['completionMode'], ['NonIndexed', 'Indexed']);
  if (s['completionMode'] === 'Indexed' && s['completions'] === undefined) errs.push(fieldErrors.required(path.child('completions'), 'when completion mode is Indexed'));
}

export class JobStrategy extends BaseStrategy {
  constructor() {
    super({ namespaced: true, hasStatus: true, tracksGeneration: true,
      fieldLabels: { fields: ['metadata.name', 'metadata.namespace', 'status.successful'], message: (l) => `field label ${JSON.stringify(l)} not supported for "Job"` } });
  }

  override defaults(o: KubeObject): void {
    defaultJobSpec((o['spec'] = obj(o['spec'])));
  }

  override prepareForCreate(o: KubeObject, ctx: RequestContext): void {
    super.prepareForCreate(o, ctx);
    const s = obj(o['spec']);
    if (s['manualSelector'] === true) return;
    // The job controller's labels and a selector on the job's uid (generateSelector).
    const uid = o.metadata.uid ?? '';
    const name = o.metadata.name ?? '';
    const tpl = (s['template'] = obj(s['template']));
    const meta = (tpl['metadata'] = obj(tpl['metadata']));
    meta['labels'] = { ...obj(meta['labels']), 'batch.kubernetes.io/controller-uid': uid, 'batch.kubernetes.io/job-name': name, 'controller-uid': uid, 'job-name': name };
    if (s['selector'] === undefined) s['selector'] = { matchLabels: { 'batch.kubernetes.io/controller-uid': uid } };
  }

  override validate(o: KubeObject, ctx: RequestContext): FieldError[] {
    const errs = super.validate(o, ctx);
    validateJobSpec(obj(o['spec']), SPEC, ctx.warnings, errs);
    return errs;
  }

  override validateUpdate(next: KubeObject, prev: KubeObject, ctx: RequestContext): FieldError[] {
    const errs = [...super.validateUpdate(next, prev, ctx), ...this.validate(next, ctx)];
    const n = obj(next['spec']);
    const p = obj(prev['spec']);
    errs.push(...validateImmutable(n['selector'], p['selector'], 'spec.selector'));
    errs.push(...validateImmutable(n['completions'], p['completions'], 'spec.completions'));
    errs.push(...validateImmutable(n['completionMode'], p['completionMode'], 'spec.completionMode'));
    // The template may change only while the job is suspended (for its scheduling directives).
    if (!(n['suspend'] === true && p['suspend'] === true)) errs.push(...validateImmutable(n['template'], p['template'], 'spec.template'));
    return errs;
  }

  override fields(o: KubeObject): Record<string, string> {
    return { ...super.fields(o), 'status.successful': String(obj(o['status'])['succeeded'] ?? 0) };
  }
}

export class CronJobStrategy extends BaseStrategy {
  constructor() {
    super({ namespaced: true, hasStatus: true, tracksGeneration: true });
  }

  override defaults(o: KubeObject): void {
    const s = (o['spec'] = obj(o['spec']));
    s['concurrencyPolicy'] ??= 'Allow';
    s['suspend'] ??= false;
    s['successfulJobsHistoryLimit'] ??= 3;
    s['failedJobsHistoryLimit'] ??= 1;
    const jt = obj(s['jobTemplate']);
    const js = obj(jt['spec']);
    if (s['jobTemplate'] !== undefined) defaultPodTemplate(js['template']);
  }

  override validate(o: KubeObject, ctx: RequestContext): FieldError[] {
    const errs = super.validate(o, ctx);
    const s = obj(o['spec']);
    const schedule = str(s['schedule']);
    if (!schedule) errs.push(fieldErrors.required(SPEC.child('schedule')));
    else {
      try {
        parseCron(schedule);
      } catch (e) {
        if (!(e instanceof CronParseError)) throw e;
        errs.push(fieldErrors.invalid(SPEC.child('schedule'), schedule, e.message));
      }
    }
    const tz = s['timeZone'];
    if (typeof tz === 'string' && !isTimeZone(tz)) errs.push(fieldErrors.invalid(SPEC.child('timeZone'), tz, `unknown time zone ${tz}`));
    checkEnum(errs, SPEC.child('concurrencyPolicy'), s['concurrencyPolicy'], ['Allow', 'Forbid', 'Replace'], true);
    for (const f of ['startingDeadlineSeconds', 'successfulJobsHistoryLimit', 'failedJobsHistoryLimit'] as const) checkNonNegative(errs, SPEC.child(f), s[f]);
    const js = obj(obj(s['jobTemplate'])['spec']);
    // A CronJob's job template has no selector yet: only its pod template is checked here.
    const tplErrs = validateSelectorAndTemplate({ ...js, selector: { matchLabels: { x: 'x' } }, template: { ...obj(js['template']), metadata: { labels: { x: 'x' } } } },
      SPEC.child('jobTemplate', 'spec'), ctx.warnings, JOB_RESTART, 'job');
    errs.push(...tplErrs.filter((e) => !e.field.endsWith('.selector') && !e.field.includes('template.metadata.labels')));
    return errs;
  }

  override validateUpdate(next: KubeObject, prev: KubeObject, ctx: RequestContext): FieldError[] {
    return [...super.validateUpdate(next, prev, ctx), ...this.validate(next, ctx)];
  }
}
