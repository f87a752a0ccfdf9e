/**
 * @module Types of io.k8s.api.batch.v1, generated from the schema catalog by scripts/gen-api-types.mjs.
 * Do not edit: change the catalog and run `npm run gen:types`.
 */
import type * as coreV1 from './core-v1.js';
import type * as metaV1 from './meta-v1.js';

/** Starts a Job from a template on a cron schedule. */
export interface CronJob {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'batch/v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'CronJob';
  /** Standard object metadata. */
  metadata?: metaV1.ObjectMeta;
  /** The schedule and the job to start. */
  spec?: CronJobSpec;
  /** What the controller last observed; read-only. */
  status?: CronJobStatus;
}

/** A page of CronJob objects. */
export interface CronJobList {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'batch/v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'CronJobList';
  /** Standard list metadata. */
  metadata?: metaV1.ListMeta;
  /** The cron jobs returned. */
  items: CronJob[];
}

/** The schedule and job template of a CronJob. */
export interface CronJobSpec {
  /** When to run, in cron syntax (five fields or a macro like @hourly). */
  schedule: string;
  /** IANA time zone the schedule is read in; the controller's zone when unset. */
  timeZone?: string;
  /** How late a missed run may still be started, in seconds. */
  startingDeadlineSeconds?: number;
  /** What to do when a run is due while the previous one is still going: Allow, Forbid or Replace. */
  concurrencyPolicy?: 'Allow' | 'Forbid' | 'Replace';
  /** Skips future runs while true; running jobs are left alone. */
  suspend?: boolean;
  /** The Job created for each run. */
  jobTemplate: JobTemplateSpec;
  /** Finished successful jobs to keep; 3 when unset. */
  successfulJobsHistoryLimit?: number;
  /** Failed jobs to keep; 1 when unset. */
  failedJobsHistoryLimit?: number;
}

/** The observed state of a CronJob. */
export interface CronJobStatus {
  /** Jobs started by this cron job that are still running. */
  active?: coreV1.ObjectReference[];
  /** When a job was last scheduled. */
  lastScheduleTime?: metaV1.Time;
  /** When a job last finished successfully. */
  lastSuccessfulTime?: metaV1.Time;
}

/** Runs pods until a given number of them finish successfully. */
export interface Job {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'batch/v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'Job';
  /** Standard object metadata. */
  metadata?: metaV1.ObjectMeta;
  /** The pods to run and the completion rules. */
  spec?: JobSpec;
  /** What the controller last observed; read-only. */
  status?: JobStatus;
}

/** One aspect of a Job's state at a point in time. */
export interface JobCondition {
  /** Which aspect this condition describes (Complete, Failed, Suspended, ...). */
  type: string;
  /** Whether the condition holds: True, False or Unknown. */
  status: string;
  /** Moment the controller last re-evaluated the condition. */
  lastProbeTime?: metaV1.Time;
  /** When the status last flipped. */
  lastTransitionTime?: metaV1.Time;
  /** One-word CamelCase cause of the last transition. */
  reason?: string;
  /** Free-form explanation of the most recent status change. */
  message?: string;
}

/** A page of Job objects. */
export interface JobList {
  /** Schema version of the object: group/version, or just the version for the core group. */
  apiVersion?: 'batch/v1';
  /** Kind of the object, such as Pod, which tells a client how to decode it. */
  kind?: 'JobList';
  /** Standard list metadata. */
  metadata?: metaV1.ListMeta;
  /** The jobs returned. */
  items: Job[];
}

/** The desired behaviour of a Job. */
export interface JobSpec {
  /** Most pods that may run at the same time; 1 when unset. */
  parallelism?: number;
  /** Successful pods needed for the job to finish; unset means any one success. */
  completions?: number;
  /** Seconds the job may run, counted from its start, before it is failed. */
  activeDeadlineSeconds?: number;
  /** Rules deciding how particular pod failures count. */
  podFailurePolicy?: PodFailurePolicy;
  /** Rules that declare an indexed job successful early. */
  successPolicy?: SuccessPolicy;
  /** Retries allowed before the job is failed; 6 when unset. */
  backoffLimit?: number;
  /** Retries allowed per index of an indexed job. */
  backoffLimitPerIndex?: number;
  /** Failed indexes tolerated before the whole job is failed. */
  maxFailedIndexes?: number;
  /** Labels identifying the job's pods; normally generated. */
  selector?: metaV1.LabelSelector;
  /** Lets the user supply the selector instead of the generated one. */
  manualSelector?: boolean;
  /** The pod each attempt runs. */
  template: coreV1.PodTemplateSpec;
  /** Seconds after completion when the job is deleted automatically. */
  ttlSecondsAfterFinished?: number;
  /** NonIndexed (any successes count) or Indexed (each index must succeed once). */
  completionMode?: 'Indexed' | 'NonIndexed';
  /** Stops creating pods, and deletes running ones, while true. */
  suspend?: boolean;
  /** When a replacement pod may start: TerminatingOrFailed or Failed. */
  podReplacementPolicy?: 'Failed' | 'TerminatingOrFailed';
  /** The controller responsible for this job when it is not the built-in one. */
  managedBy?: string;
}

/** The observed state of a Job. */
export interface JobStatus {
  /** The latest observations of the job's state. */
  conditions?: JobCondition[];
  /** When the controller started working on the job. */
  startTime?: metaV1.Time;
  /** When the job finished successfully. */
  completionTime?: metaV1.Time;
  /** Pods pending or running. */
  active?: number;
  /** Pods that finished successfully. */
  succeeded?: number;
  /** Pods that failed. */
  failed?: number;
  /** Pods that are being shut down. */
  terminating?: number;
  /** Indexes finished successfully, as a compressed range list like "1,3-5". */
  completedIndexes?: string;
  /** Indexes that failed, as a compressed range list. */
  failedIndexes?: string;
  /** Finished pods whose result is not yet in the counters. */
  uncountedTerminatedPods?: UncountedTerminatedPods;
  /** Pods with a Ready condition. */
  ready?: number;
}

/** The Job a CronJob creates: its metadata and spec. */
export interface JobTemplateSpec {
  /** Metadata copied onto each created job. */
  metadata?: metaV1.ObjectMeta;
  /** The spec of each created job. */
  spec?: JobSpec;
}

/** Ordered rules that classify failed pods of a Job. */
export interface PodFailurePolicy {
  /** Rules checked in order; the first match decides. */
  rules: PodFailurePolicyRule[];
}

/** Matches failed pods by container exit codes. */
export interface PodFailurePolicyOnExitCodesRequirement {
  /** Only this container's exit code counts; any container when unset. */
  containerName?: string;
  /** In or NotIn: how the exit code relates to the values. */
  operator: 'In' | 'NotIn';
  /** Exit codes to compare against. */
  values: number[];
}

/** Matches failed pods by one of their conditions. */
export interface PodFailurePolicyOnPodConditionsPattern {
  /** The pod condition type to look for. */
  type: string;
  /** The condition status that must be present for a match. */
  status: string;
}

/** One rule of a pod failure policy: a match and what to do. */
export interface PodFailurePolicyRule {
  /** What a match does: FailJob, FailIndex, Ignore or Count. */
  action: 'Count' | 'FailIndex' | 'FailJob' | 'Ignore';
  /** Exit codes that match. */
  onExitCodes?: PodFailurePolicyOnExitCodesRequirement;
  /** Pod conditions that match. */
  onPodConditions?: PodFailurePolicyOnPodConditionsPattern[];
}

/** Rules under which an indexed Job counts as succeeded early. */
export interface SuccessPolicy {
  /** Rules of which any one being met suffices. */
  rules: SuccessPolicyRule[];
}

/** One success rule: which indexes, or how many of them, must succeed. */
export interface SuccessPolicyRule {
  /** Indexes that must all succeed, as a range list like "0,2-4". */
  succeededIndexes?: string;
  /** How many of the chosen indexes must succeed. */
  succeededCount?: number;
}

/** UIDs of finished pods the job counters do not include yet. */
export interface UncountedTerminatedPods {
  /** UIDs of pods that succeeded. */
  succeeded?: string[];
  /** UIDs of pods that failed. */
  failed?: string[];
}
