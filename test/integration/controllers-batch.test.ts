/**
 * Job pod failure policies and CronJob scheduling, with the real kubectl against one simulated
 * cluster shared by every case (they run concurrently, so the CronJob cases' waits for the next
 * minute overlap). CronJobs are created suspended, given a past `status.lastScheduleTime`
 * through the status subresource, then resumed: the controller then sees missed start times
 * at once instead of a minute later.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { waitFor } from '../../src/base/async.js';
import { newestKubectl, startSimCluster, type SimCluster } from './sim-cluster.js';

const skip = newestKubectl() ? false : 'kubectl is not installed';
const MINUTE = 60_000;
const iso = (ms: number): string => new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');

let c: SimCluster;
const cleanups: (() => unknown)[] = [];

async function apply(manifest: string): Promise<void> {
  const r = await c.kubectl(['apply', '-f', '-'], { input: manifest });
  assert.equal(r.code, 0, r.stderr);
}

async function jp(args: readonly string[], path: string): Promise<string> {
  return (await c.kubectl(['get', ...args, '-o', `jsonpath=${path}`])).stdout;
}

/** Waits until `fn` returns a value; on timeout the error carries `dump()`'s output. */
async function until<T>(what: string, fn: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  return waitFor(fn, { timeoutMs, intervalMs: 500, what }).catch(async (err: unknown) => {
    const pods = await c.kubectl(['get', 'jobs,pods,cronjobs', '-o', 'wide']);
    const ev = await c.kubectl(['get', 'events', '--sort-by=.lastTimestamp']);
    throw new Error(`${String(err)}\n${pods.stdout}\n${ev.stdout.split('\n').slice(-30).join('\n')}`);
  });
}

/** A Job whose single container runs `command`, with the given podFailurePolicy rules (YAML flow). */
function jobManifest(name: string, command: string, rules: string, backoffLimit: number): string {
  return `
apiVersion: batch/v1
kind: Job
metadata: {name: ${name}}
spec:
  backoffLimit: ${backoffLimit}
  podFailurePolicy: {rules: ${rules}}
  template:
    spec:
      restartPolicy: Never
      containers: [{name: main, image: busybox, command: [sh, -c, "${command}"]}]
`;
}

async function evictJobPod(job: string): Promise<string> {
  const pod = await until(`a running pod of ${job}`, async () => {
    const r = (await jp(['pods', '-l', `job-name=${job}`, '--field-selector=status.phase=Running'], '{.items[*].metadata.name}')).split(' ').filter(Boolean);
    assert.ok(r.length <= 1, `parallelism 1, yet running: ${r.join(' ')}`);
    return r[0];
  });
  const eviction = JSON.stringify({ apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name: pod, namespace: 'default' } });
  const r = await c.kubectl(['create', '--raw', `/api/v1/namespaces/default/pods/${pod}/eviction`, '-f', '-'], { input: eviction });
  assert.equal(r.code, 0, r.stderr);
  return pod;
}

/**
 * Creates a CronJob suspended, sets its lastScheduleTime to `lastScheduleMs`, then resumes it.
 * `spec` is the YAML of the spec's fields besides jobTemplate, indented by four spaces.
 */
async function pastCronJob(name: string, spec: string, command: string, lastScheduleMs: number): Promise<void> {
  await apply(`
apiVersion: batch/v1
kind: CronJob
metadata: {name: ${name}}
spec:
  suspend: true
${spec}
  jobTemplate:
    spec:
      backoffLimit: 0
      template:
        spec:
          restartPolicy: Never
          containers: [{name: main, image: busybox, command: [sh, -c, "${command}"]}]
`);
  const st = await c.kubectl(['patch', 'cronjob', name, '--subresource=status', '--type=merge', '-p', JSON.stringify({ status: { lastScheduleTime: iso(lastScheduleMs) } })]);
  assert.equal(st.code, 0, st.stderr);
  assert.equal(await jp(['cronjob', name], '{.status.lastScheduleTime}'), iso(lastScheduleMs));
  const resume = await c.kubectl(['patch', 'cronjob', name, '--type=merge', '-p', '{"spec":{"suspend":false}}']);
  assert.equal(resume.code, 0, resume.stderr);
  cleanups.push(() => c.kubectl(['delete', 'cronjob', name, '--wait=false']));
}

const jobsOf = async (cronJob: string): Promise<string[]> =>
  (await jp(['jobs'], '{.items[*].metadata.name}')).split(' ').filter((n) => n.startsWith(`${cronJob}-`)).sort();

/** The minute of the hour (UTC) of `ms`. */
const minuteOf = (ms: number): number => new Date(ms).getUTCMinutes();

describe('Job pod failure policies and CronJob schedules on a simulated cluster', { skip, concurrency: true }, () => {
  before(async () => {
    c = await startSimCluster({ after: (fn) => { cleanups.unshift(fn); } }, { nodes: 2 });
  });
  after(async () => {
    for (const fn of cleanups.splice(0)) await fn();
  });

  test('podFailurePolicy FailJob on an exit code fails the Job at once with reason PodFailurePolicy', async () => {
    await apply(jobManifest('pfp-exit', 'exit 42', '[{action: FailJob, onExitCodes: {containerName: main, operator: In, values: [42]}}]', 6));
    assert.equal((await c.kubectl(['wait', '--for=condition=failed', 'job/pfp-exit', '--timeout=60s'])).code, 0);
    const st = await jp(['job', 'pfp-exit'], '{.status.failed}|{.status.conditions[?(@.type=="Failed")].reason}|{.status.conditions[?(@.type=="FailureTarget")].reason}|{.status.conditions[?(@.type=="Failed")].message}');
    assert.match(st, /^1\|PodFailurePolicy\|PodFailurePolicy\|Container main for pod default\/pfp-exit-\w+ failed with exit code 42 matching FailJob rule at index 0$/);
  });

  test('podFailurePolicy rules apply in order: a Count rule ahead of FailJob counts against backoffLimit', async () => {
    await apply(jobManifest('pfp-count', 'exit 3', '[{action: Count, onExitCodes: {operator: In, values: [3]}}, {action: FailJob, onExitCodes: {operator: NotIn, values: [0]}}]', 0));
    assert.equal((await c.kubectl(['wait', '--for=condition=failed', 'job/pfp-count', '--timeout=60s'])).code, 0);
    assert.equal(await jp(['job', 'pfp-count'], '{.status.failed} {.status.conditions[?(@.type=="Failed")].reason}'), '1 BackoffLimitExceeded');
  });

  test('podFailurePolicy Ignore on an exit code replaces the pod without counting the failure', async () => {
    await apply(jobManifest('pfp-ignore', 'exit 7', '[{action: Ignore, onExitCodes: {operator: In, values: [7]}}]', 0));
    await until('two ignored failed pods', async () => {
      const r = await jp(['pods', '-l', 'job-name=pfp-ignore', '--field-selector=status.phase=Failed'], '{.items[*].metadata.name}');
      return r.split(' ').filter(Boolean).length >= 2 ? true : undefined;
    });
    // backoffLimit 0 would have failed the Job at the first counted failure.
    assert.equal(await jp(['job', 'pfp-ignore'], '{.status.failed}|{.status.conditions[?(@.type=="Failed")].status}'), '|');
    assert.equal((await c.kubectl(['delete', 'job', 'pfp-ignore', '--wait=false'])).code, 0);
  });

  test('an evicted pod gets DisruptionTarget; an Ignore rule on it replaces the pod, uncounted', async () => {
    await apply(jobManifest('pfp-evict-ignore', 'sleep 3600', '[{action: Ignore, onPodConditions: [{type: DisruptionTarget}]}]', 0));
    const evicted = await evictJobPod('pfp-evict-ignore');
    await until('a replacement pod running', async () => {
      const r = await jp(['pods', '-l', 'job-name=pfp-evict-ignore', '--field-selector=status.phase=Running'], '{.items[*].metadata.name}');
      return r && !r.includes(evicted) ? true : undefined;
    });
    assert.equal(await jp(['job', 'pfp-evict-ignore'], '{.status.failed}|{.status.active}|{.status.conditions[?(@.type=="Failed")].status}'), '|1|');
  });

  test('a FailJob rule on DisruptionTarget fails the Job when its pod is evicted', async () => {
    await apply(jobManifest('pfp-evict-fail', 'sleep 3600', '[{action: FailJob, onPodConditions: [{type: DisruptionTarget, status: "True"}]}]', 6));
    const evicted = await evictJobPod('pfp-evict-fail');
    assert.equal((await c.kubectl(['wait', '--for=condition=failed', 'job/pfp-evict-fail', '--timeout=60s'])).code, 0);
    const st = await jp(['job', 'pfp-evict-fail'], '{.status.failed}|{.status.conditions[?(@.type=="Failed")].reason}|{.status.conditions[?(@.type=="Failed")].message}');
    assert.equal(st, `1|PodFailurePolicy|Pod default/${evicted} has condition DisruptionTarget matching FailJob rule at index 0`);
  });

  test('a CronJob schedule is read in its timeZone', async () => {
    // A daily schedule at a wall-clock time of Kathmandu (UTC+05:45) two minutes ago: read in UTC it would not be due.
    const target = Math.floor(Date.now() / MINUTE) * MINUTE - 2 * MINUTE;
    const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Kathmandu', hour: 'numeric', minute: 'numeric', hourCycle: 'h23' }).formatToParts(new Date(target));
    const hour = Number(parts.find((p) => p.type === 'hour')?.value), minute = Number(parts.find((p) => p.type === 'minute')?.value);
    await pastCronJob('tz', `  schedule: "${minute} ${hour} * * *"\n  timeZone: Asia/Kathmandu`, 'true', target - MINUTE);
    const job = `tz-${target / MINUTE}`;
    await until('the job of the zoned schedule', async () => ((await jobsOf('tz')).includes(job) ? true : undefined));
    assert.equal(await jp(['job', job], '{.metadata.annotations.batch\\.kubernetes\\.io/cronjob-scheduled-timestamp}'), iso(target));
    assert.equal(await jp(['cronjob', 'tz'], '{.status.lastScheduleTime}'), iso(target));
  });

  test('a CronJob with an unknown timeZone is refused', async () => {
    const r = await c.kubectl(['create', '-f', '-'], { input: `
apiVersion: batch/v1
kind: CronJob
metadata: {name: mars}
spec:
  schedule: "* * * * *"
  timeZone: Mars/Olympus_Mons
  jobTemplate: {spec: {template: {spec: {restartPolicy: Never, containers: [{name: c, image: busybox}]}}}}
` });
    assert.notEqual(r.code, 0);
    assert.match(r.stderr, /spec\.timeZone: Invalid value: "Mars\/Olympus_Mons": unknown time zone Mars\/Olympus_Mons/);
  });

  test('missed start times: only the latest runs, and none older than startingDeadlineSeconds', async () => {
    const now = Date.now();
    const old = Math.floor(now / MINUTE) * MINUTE - 3 * MINUTE;
    const recent = Math.floor(now / MINUTE) * MINUTE;
    // Hourly at minute `old`: five starts missed since five hours ago, only the latest is run.
    await pastCronJob('missed', `  schedule: "${minuteOf(old)} * * * *"`, 'true', now - 5 * 60 * MINUTE);
    // At minutes `old` and `recent`, with a 90 s deadline: `old` is too late, `recent` is not.
    await pastCronJob('late', `  schedule: "${minuteOf(old)},${minuteOf(recent)} * * * *"\n  startingDeadlineSeconds: 90`, 'true', now - 5 * 60 * MINUTE);
    await until('the missed job', async () => ((await jobsOf('missed')).length ? true : undefined));
    assert.deepEqual(await jobsOf('missed'), [`missed-${old / MINUTE}`]);
    await until('the late job', async () => ((await jobsOf('late')).length ? true : undefined));
    assert.deepEqual(await jobsOf('late'), [`late-${recent / MINUTE}`]);
    // More than 100 missed starts: a warning, and still the latest one runs.
    await pastCronJob('many', '  schedule: "* * * * *"', 'true', now - 3 * 60 * MINUTE);
    await until('the TooManyMissedTimes warning', async () => {
      const r = await c.kubectl(['get', 'events', '--field-selector=involvedObject.name=many,reason=TooManyMissedTimes', '-o', 'jsonpath={.items[*].message}']);
      return /^too many missed start times: \d{3}\. Set or decrease \.spec\.startingDeadlineSeconds or check clock skew/.test(r.stdout) ? true : undefined;
    });
    await until('the latest of many missed jobs', async () => ((await jobsOf('many')).length ? true : undefined));
  });

  test('concurrencyPolicy Forbid skips a start while the previous Job runs; Replace deletes it', async () => {
    const past = Date.now() - 5 * MINUTE;
    await pastCronJob('forbid', '  schedule: "* * * * *"\n  concurrencyPolicy: Forbid', 'sleep 3600', past);
    await pastCronJob('replace', '  schedule: "* * * * *"\n  concurrencyPolicy: Replace', 'sleep 3600', past);
    const [first] = await until('the first replace job', async () => { const j = await jobsOf('replace'); return j.length ? j : undefined; });
    await until('the JobAlreadyActive event', async () => {
      const r = await c.kubectl(['get', 'events', '--field-selector=involvedObject.name=forbid,reason=JobAlreadyActive', '-o', 'jsonpath={.items[*].message}']);
      return r.stdout.includes('Not starting job because prior execution is running and concurrency policy is Forbid') ? true : undefined;
    }, 150_000);
    const forbidden = await jobsOf('forbid');
    assert.equal(forbidden.length, 1, `${forbidden.join(' ')}\n${(await c.kubectl(['get', 'events', '--field-selector=involvedObject.name=forbid'])).stdout}\n${(await c.kubectl(['get', 'cronjob', 'forbid', '-o', 'yaml'])).stdout}`);
    await until('the replacing job', async () => {
      const j = await jobsOf('replace');
      return j.length === 1 && j[0] !== first ? true : undefined;
    }, 150_000);
    const ev = await c.kubectl(['get', 'events', '--field-selector=involvedObject.name=replace,reason=SuccessfulDelete', '-o', 'jsonpath={.items[*].message}']);
    assert.equal(ev.stdout, `Deleted job ${first ?? ''}`);
  });

  test('a Job made with kubectl create job --from=cronjob is UnexpectedJob to the CronJob and does not block Forbid', async () => {
    await apply(`
apiVersion: batch/v1
kind: CronJob
metadata: {name: adhoc}
spec:
  suspend: true
  schedule: "* * * * *"
  concurrencyPolicy: Forbid
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: Never
          containers: [{name: main, image: busybox, command: [sh, -c, "sleep 3600"]}]
`);
    cleanups.push(() => c.kubectl(['delete', 'cronjob', 'adhoc', '--wait=false']));
    const made = await c.kubectl(['create', 'job', 'manual-of-adhoc', '--from=cronjob/adhoc']);
    assert.equal(made.code, 0, made.stderr);
    assert.equal(await jp(['job', 'manual-of-adhoc'], '{.metadata.ownerReferences[0].name}'), 'adhoc');
    const st = await c.kubectl(['patch', 'cronjob', 'adhoc', '--subresource=status', '--type=merge', '-p', JSON.stringify({ status: { lastScheduleTime: iso(Date.now() - 5 * MINUTE) } })]);
    assert.equal(st.code, 0, st.stderr);
    assert.equal((await c.kubectl(['patch', 'cronjob', 'adhoc', '--type=merge', '-p', '{"spec":{"suspend":false}}'])).code, 0);
    const [scheduled] = await until('the scheduled job beside the manual one', async () => { const j = await jobsOf('adhoc'); return j.length ? j : undefined; }, 150_000);
    await until('the UnexpectedJob warning', async () => {
      const r = await c.kubectl(['get', 'events', '--field-selector=involvedObject.name=adhoc,reason=UnexpectedJob', '-o', 'jsonpath={.items[*].message}']);
      return r.stdout.includes('Saw a job that the controller did not create or forgot: manual-of-adhoc') ? true : undefined;
    });
    assert.equal(await jp(['cronjob', 'adhoc'], '{.status.active[*].name}'), scheduled);
  });

  test('successfulJobsHistoryLimit and failedJobsHistoryLimit prune the oldest finished Jobs', async () => {
    const past = Date.now() - 5 * MINUTE;
    await pastCronJob('keep-ok', '  schedule: "* * * * *"\n  successfulJobsHistoryLimit: 1', 'true', past);
    await pastCronJob('keep-bad', '  schedule: "* * * * *"\n  failedJobsHistoryLimit: 1', 'exit 1', past);
    for (const [cj, cond] of [['keep-ok', 'Complete'], ['keep-bad', 'Failed']] as const) {
      const [first] = await until(`the first ${cj} job`, async () => { const j = await jobsOf(cj); return j.length ? j : undefined; });
      await until(`the next ${cj} job finished and the first one pruned`, async () => {
        const j = await jobsOf(cj);
        if (j.length !== 1 || j[0] === first) return undefined;
        return (await jp(['job', j[0] ?? ''], `{.status.conditions[?(@.type=="${cond}")].status}`)) === 'True' ? true : undefined;
      }, 150_000);
    }
  });
});
