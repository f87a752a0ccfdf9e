/**
 * @module batch/v1 strategies (pkg/registry/batch/*): Jobs get their defaults, a generated selector
 * with the batch.kubernetes.io/controller-uid and job-name labels unless manualSelector (and, as
 * defaulting on read does upstream, those labels on the job itself when it has none), validation
 * and the update rule (api/validation/batch.ts), and /status checks; CronJobs get their defaults,
 * a validated schedule and time zone, and a job template without a selector.
 */
import { defaultCronJob, defaultJob } from '../../../api/defaults/workloads.js';
import type { KubeObject } from '../../../api/meta/object.js';
import { JOB_LABELS, validateCronJobName, validateCronJobSpec, validateJob, validateJobSpec, validateJobStatus, validateJobUpdate } from '../../../api/validation/batch.js';
import { type FieldError, FieldPath } from '../../../api/validation/field-errors.js';
import { obj } from '../../../api/validation/helpers.js';
import { podSpecWarnings } from '../../../api/validation/pod-warnings.js';
import type { RequestContext } from '../rest/context.js';
import { BaseStrategy } from '../rest/strategy.js';

export class JobStrategy extends BaseStrategy {
  constructor() {
    super({ namespaced: true, hasStatus: true, tracksGeneration: true, initialStatus: {},
      fieldLabels: { fields: ['metadata.name', 'metadata.namespace', 'status.successful'], message: (l) => `field label ${JSON.stringify(l)} not supported for "Job"` } });
  }

  protected override setDefaults(o: KubeObject): void {
    defaultJob(o);
  }

  override prepareForCreate(o: KubeObject, ctx: RequestContext): void {
    super.prepareForCreate(o, ctx);
    const s = (o['spec'] = obj(o['spec']));
    if (s['manualSelector'] === true) return;
    // The job controller's labels and a selector on the job's uid (generateSelector).
    const uid = o.metadata.uid ?? '';
    const name = o.metadata.name ?? '';
    const tpl = (s['template'] = obj(s['template']));
    const meta = (tpl['metadata'] = obj(tpl['metadata']));
    meta['labels'] = { ...obj(meta['labels']), [JOB_LABELS.uid]: uid, [JOB_LABELS.name]: name, [JOB_LABELS.legacyUid]: uid, [JOB_LABELS.legacyName]: name };
    if (s['selector'] === undefined) s['selector'] = { matchLabels: { [JOB_LABELS.uid]: uid } };
    // Upstream defaults a label-less job's labels from its template each time it is decoded.
    if (!o.metadata.labels || Object.keys(o.metadata.labels).length === 0) o.metadata.labels = { ...(meta['labels'] as Record<string, string>) };
  }

  override validate(o: KubeObject, ctx: RequestContext): FieldError[] {
    return [...super.validate(o, ctx), ...validateJob(o)];
  }

  override warningsOnCreate(o: KubeObject): string[] {
    const out: string[] = [];
    podSpecWarnings(out, obj(obj(o['spec'])['template'])['spec'], FieldPath.root('spec').child('template', 'spec'));
    return out;
  }

  override validateUpdate(next: KubeObject, prev: KubeObject, ctx: RequestContext): FieldError[] {
    return [...super.validateUpdate(next, prev, ctx), ...validateJobSpec(next), ...validateJobUpdate(next, prev)];
  }

  validateStatusUpdate(next: KubeObject, prev: KubeObject): FieldError[] {
    return validateJobStatus(next, prev);
  }

  override fields(o: KubeObject): Record<string, string> {
    return { ...super.fields(o), 'status.successful': String(obj(o['status'])['succeeded'] ?? 0) };
  }
}

export class CronJobStrategy extends BaseStrategy {
  constructor() {
    super({ namespaced: true, hasStatus: true, tracksGeneration: true, initialStatus: {} });
  }

  protected override setDefaults(o: KubeObject): void {
    defaultCronJob(o);
  }

  override validate(o: KubeObject, ctx: RequestContext): FieldError[] {
    return [...super.validate(o, ctx), ...validateCronJobSpec(obj(o['spec'])), ...validateCronJobName(o.metadata.name ?? '')];
  }

  override warningsOnCreate(o: KubeObject): string[] {
    const out: string[] = [];
    podSpecWarnings(out, obj(obj(obj(obj(o['spec'])['jobTemplate'])['spec'])['template'])['spec'], FieldPath.root('spec').child('jobTemplate', 'spec', 'template', 'spec'));
    return out;
  }

  /** The 52-character name limit is not enforced on update (old cron jobs stay editable). */
  override validateUpdate(next: KubeObject, prev: KubeObject, ctx: RequestContext): FieldError[] {
    return [...super.validateUpdate(next, prev, ctx), ...validateCronJobSpec(obj(next['spec']), obj(prev['spec']))];
  }
}
