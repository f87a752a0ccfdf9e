/** @module batch/v1: run-to-completion Jobs and the CronJobs that start them on a schedule. */
import { defineGroup } from '../../dsl.js';

export const batchV1 = defineGroup({ prefix: 'io.k8s.api.batch.v1', group: 'batch', version: 'v1' }, (g) => {
  // CronJob
  g.kind('CronJob', 'Starts a Job from a template on a cron schedule.', {
    metadata: ['ObjectMeta', 1, 'Standard object metadata.'],
    spec: ['CronJobSpec', 2, 'The schedule and the job to start.'],
    status: ['CronJobStatus', 3, 'What the controller last observed; read-only.'],
  });
  g.kind('CronJobList', 'A page of CronJob objects.', {
    metadata: ['ListMeta', 1, 'Standard list metadata.'],
    items: ['[]CronJob', 2, 'The cron jobs returned.', { required: true }],
  });
  g.struct('CronJobSpec', 'The schedule and job template of a CronJob.', {
    schedule: ['string', 1, 'When to run, in cron syntax (five fields or a macro like @hourly).', { required: true }],
    timeZone: ['string', 8, 'IANA time zone the schedule is read in; the controller\'s zone when unset.', { ptr: true }],
    startingDeadlineSeconds: ['int64', 2, 'How late a missed run may still be started, in seconds.', { ptr: true }],
    concurrencyPolicy: ['string', 3, 'What to do when a run is due while the previous one is still going: Allow, Forbid or Replace.', { enum: ['Allow', 'Forbid', 'Replace'] }],
    suspend: ['boolean', 4, 'Skips future runs while true; running jobs are left alone.', { ptr: true }],
    jobTemplate: ['JobTemplateSpec', 5, 'The Job created for each run.', { required: true }],
    successfulJobsHistoryLimit: ['int32', 6, 'Finished successful jobs to keep; 3 when unset.', { ptr: true }],
    failedJobsHistoryLimit: ['int32', 7, 'Failed jobs to keep; 1 when unset.', { ptr: true }],
  });
  g.struct('CronJobStatus', 'The observed state of a CronJob.', {
    active: ['[]core.ObjectReference', 1, 'Jobs started by this cron job that are still running.', { list: 'atomic' }],
    lastScheduleTime: ['Time', 4, 'When a job was last scheduled.', { ptr: true }],
    lastSuccessfulTime: ['Time', 5, 'When a job last finished successfully.', { ptr: true }],
  });

  // Job
  g.kind('Job', 'Runs pods until a given number of them finish successfully.', {
    metadata: ['ObjectMeta', 1, 'Standard object metadata.'],
    spec: ['JobSpec', 2, 'The pods to run and the completion rules.'],
    status: ['JobStatus', 3, 'What the controller last observed; read-only.'],
  });
  g.struct('JobCondition', 'One aspect of a Job\'s state at a point in time.', {
    type: ['string', 1, 'Which aspect this condition describes (Complete, Failed, Suspended, ...).', { required: true }],
    status: ['string', 2, 'Whether the condition holds: True, False or Unknown.', { required: true }],
    lastProbeTime: ['Time', 3, 'Moment the controller last re-evaluated the condition.'],
    lastTransitionTime: ['Time', 4, 'When the status last flipped.'],
    reason: ['string', 5, 'One-word CamelCase cause of the last transition.'],
    message: ['string', 6, 'Free-form explanation of the most recent status change.'],
  });
  g.kind('JobList', 'A page of Job objects.', {
    metadata: ['ListMeta', 1, 'Standard list metadata.'],
    items: ['[]Job', 2, 'The jobs returned.', { required: true }],
  });
  g.struct('JobSpec', 'The desired behaviour of a Job.', {
    parallelism: ['int32', 1, 'Most pods that may run at the same time; 1 when unset.', { ptr: true }],
    completions: ['int32', 2, 'Successful pods needed for the job to finish; unset means any one success.', { ptr: true }],
    activeDeadlineSeconds: ['int64', 3, 'Seconds the job may run, counted from its start, before it is failed.', { ptr: true }],
    podFailurePolicy: ['PodFailurePolicy', 11, 'Rules deciding how particular pod failures count.', { ptr: true }],
    successPolicy: ['SuccessPolicy', 16, 'Rules that declare an indexed job successful early.', { ptr: true }],
    backoffLimit: ['int32', 7, 'Retries allowed before the job is failed; 6 when unset.', { ptr: true }],
    backoffLimitPerIndex: ['int32', 12, 'Retries allowed per index of an indexed job.', { ptr: true }],
    maxFailedIndexes: ['int32', 13, 'Failed indexes tolerated before the whole job is failed.', { ptr: true }],
    selector: ['LabelSelector', 4, 'Labels identifying the job\'s pods; normally generated.', { ptr: true }],
    manualSelector: ['boolean', 5, 'Lets the user supply the selector instead of the generated one.', { ptr: true }],
    template: ['core.PodTemplateSpec', 6, 'The pod each attempt runs.', { required: true }],
    ttlSecondsAfterFinished: ['int32', 8, 'Seconds after completion when the job is deleted automatically.', { ptr: true }],
    completionMode: ['string', 9, 'NonIndexed (any successes count) or Indexed (each index must succeed once).', { ptr: true, enum: ['Indexed', 'NonIndexed'] }],
    suspend: ['boolean', 10, 'Stops creating pods, and deletes running ones, while true.', { ptr: true }],
    podReplacementPolicy: ['string', 14, 'When a replacement pod may start: TerminatingOrFailed or Failed.', { ptr: true, enum: ['Failed', 'TerminatingOrFailed'] }],
    managedBy: ['string', 15, 'The controller responsible for this job when it is not the built-in one.', { ptr: true }],
  });
  g.struct('JobStatus', 'The observed state of a Job.', {
    conditions: ['[]JobCondition', 1, 'The latest observations of the job\'s state.', { list: 'atomic', patch: 'merge', mergeKey: 'type' }],
    startTime: ['Time', 2, 'When the controller started working on the job.', { ptr: true }],
    completionTime: ['Time', 3, 'When the job finished successfully.', { ptr: true }],
    active: ['int32', 4, 'Pods pending or running.'],
    succeeded: ['int32', 5, 'Pods that finished successfully.'],
    failed: ['int32', 6, 'Pods that failed.'],
    terminating: ['int32', 11, 'Pods that are being shut down.', { ptr: true }],
    completedIndexes: ['string', 7, 'Indexes finished successfully, as a compressed range list like "1,3-5".'],
    failedIndexes: ['string', 10, 'Indexes that failed, as a compressed range list.', { ptr: true }],
    uncountedTerminatedPods: ['UncountedTerminatedPods', 8, 'Finished pods whose result is not yet in the counters.', { ptr: true }],
    ready: ['int32', 9, 'Pods with a Ready condition.', { ptr: true }],
  });
  g.struct('JobTemplateSpec', 'The Job a CronJob creates: its metadata and spec.', {
    metadata: ['ObjectMeta', 1, 'Metadata copied onto each created job.'],
    spec: ['JobSpec', 2, 'The spec of each created job.'],
  });

  // Pod failure and success policies
  g.struct('PodFailurePolicy', 'Ordered rules that classify failed pods of a Job.', {
    rules: ['[]PodFailurePolicyRule', 1, 'Rules checked in order; the first match decides.', { required: true, list: 'atomic' }],
  });
  g.struct('PodFailurePolicyOnExitCodesRequirement', 'Matches failed pods by container exit codes.', {
    containerName: ['string', 1, 'Only this container\'s exit code counts; any container when unset.', { ptr: true }],
    operator: ['string', 2, 'In or NotIn: how the exit code relates to the values.', { required: true, enum: ['In', 'NotIn'] }],
    values: ['[]int32', 3, 'Exit codes to compare against.', { required: true, list: 'set' }],
  });
  g.struct('PodFailurePolicyOnPodConditionsPattern', 'Matches failed pods by one of their conditions.', {
    type: ['string', 1, 'The pod condition type to look for.', { required: true }],
    status: ['string', 2, 'The condition status that must be present for a match.', { required: true }],
  });
  g.struct('PodFailurePolicyRule', 'One rule of a pod failure policy: a match and what to do.', {
    action: ['string', 1, 'What a match does: FailJob, FailIndex, Ignore or Count.', { required: true, enum: ['Count', 'FailIndex', 'FailJob', 'Ignore'] }],
    onExitCodes: ['PodFailurePolicyOnExitCodesRequirement', 2, 'Exit codes that match.', { ptr: true }],
    onPodConditions: ['[]PodFailurePolicyOnPodConditionsPattern', 3, 'Pod conditions that match.', { list: 'atomic' }],
  });
  g.struct('SuccessPolicy', 'Rules under which an indexed Job counts as succeeded early.', {
    rules: ['[]SuccessPolicyRule', 1, 'Rules of which any one being met suffices.', { required: true, list: 'atomic' }],
  });
  g.struct('SuccessPolicyRule', 'One success rule: which indexes, or how many of them, must succeed.', {
    succeededIndexes: ['string', 1, 'Indexes that must all succeed, as a range list like "0,2-4".', { ptr: true }],
    succeededCount: ['int32', 2, 'How many of the chosen indexes must succeed.', { ptr: true }],
  });
  g.struct('UncountedTerminatedPods', 'UIDs of finished pods the job counters do not include yet.', {
    succeeded: ['[]string', 1, 'UIDs of pods that succeeded.', { list: 'set' }],
    failed: ['[]string', 2, 'UIDs of pods that failed.', { list: 'set' }],
  });

  g.resource('cronjobs', { kind: 'CronJob', shortNames: ['cj'], categories: ['all'], sub: { status: ['get', 'patch', 'update'] } });
  g.resource('jobs', { kind: 'Job', categories: ['all'], sub: { status: ['get', 'patch', 'update'] } });
});
