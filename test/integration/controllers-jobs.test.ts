import { test } from 'node:test';
import assert from 'node:assert/strict';
import { waitFor } from '../../src/base/async.js';
import { newestKubectl, startSimCluster } from './sim-cluster.js';

const skip = newestKubectl() ? false : 'kubectl is not installed';

test('a Job runs to completion and kubectl wait sees Complete; ttlSecondsAfterFinished removes it', { skip }, async (t) => {
  const c = await startSimCluster(t);
  const made = await c.kubectl(['create', 'job', 'pi', '--image=busybox', '--', 'sh', '-c', 'echo 3.14']);
  assert.equal(made.code, 0, made.stderr);
  const w = await c.kubectl(['wait', '--for=condition=complete', 'job/pi', '--timeout=60s']);
  assert.equal(w.code, 0, w.stderr);
  const st = await c.kubectl(['get', 'job', 'pi', '-o', 'jsonpath={.status.succeeded} {.status.failed} {.status.completionTime}']);
  assert.match(st.stdout, /^1  \d{4}-/);
  // Counted pods lose the tracking finalizer.
  const fin = await c.kubectl(['get', 'pods', '-l', 'job-name=pi', '-o', 'jsonpath={.items[*].metadata.finalizers}']);
  assert.equal(fin.stdout, '');
  const ttl = await c.kubectl(['apply', '-f', '-'], { input: `
apiVersion: batch/v1
kind: Job
metadata: {name: short}
spec:
  ttlSecondsAfterFinished: 0
  completions: 3
  parallelism: 2
  template:
    spec:
      restartPolicy: Never
      containers: [{name: c, image: busybox, command: [sh, -c, "exit 0"]}]
` });
  assert.equal(ttl.code, 0, ttl.stderr);
  await waitFor(async () => ((await c.kubectl(['get', 'job', 'short'])).stderr.includes('NotFound') ? true : undefined), { timeoutMs: 60_000, what: 'the finished job to be deleted by its TTL' });
});

test('a failing Job stops at its backoff limit with BackoffLimitExceeded', { skip }, async (t) => {
  const c = await startSimCluster(t);
  const made = await c.kubectl(['apply', '-f', '-'], { input: `
apiVersion: batch/v1
kind: Job
metadata: {name: fails}
spec:
  backoffLimit: 1
  template:
    spec:
      restartPolicy: Never
      containers: [{name: c, image: busybox, command: [sh, -c, "exit 3"]}]
` });
  assert.equal(made.code, 0, made.stderr);
  const w = await c.kubectl(['wait', '--for=condition=failed', 'job/fails', '--timeout=90s']);
  assert.equal(w.code, 0, w.stderr);
  const st = await c.kubectl(['get', 'job', 'fails', '-o', 'jsonpath={.status.failed} {.status.conditions[?(@.type=="Failed")].reason}']);
  assert.equal(st.stdout, '2 BackoffLimitExceeded');
  const desc = await c.kubectl(['describe', 'job', 'fails']);
  assert.match(desc.stdout, /Warning\s+BackoffLimitExceeded\s+\S+\s+job-controller\s+Job has reached the specified backoff limit/);
});

test('an indexed Job completes every index', { skip }, async (t) => {
  const c = await startSimCluster(t);
  const made = await c.kubectl(['apply', '-f', '-'], { input: `
apiVersion: batch/v1
kind: Job
metadata: {name: idx}
spec:
  completionMode: Indexed
  completions: 4
  parallelism: 2
  template:
    spec:
      restartPolicy: Never
      containers: [{name: c, image: busybox, command: [sh, -c, "true"]}]
` });
  assert.equal(made.code, 0, made.stderr);
  assert.equal((await c.kubectl(['wait', '--for=condition=complete', 'job/idx', '--timeout=60s'])).code, 0);
  const st = await c.kubectl(['get', 'job', 'idx', '-o', 'jsonpath={.status.completedIndexes} {.status.succeeded}']);
  assert.equal(st.stdout, '0-3 4');
});

test('a CronJob fires on schedule and creates a Job that completes', { skip }, async (t) => {
  const c = await startSimCluster(t);
  const made = await c.kubectl(['create', 'cronjob', 'tick', '--image=busybox', '--schedule=* * * * *', '--', 'true']);
  assert.equal(made.code, 0, made.stderr);
  // The next minute boundary is at most a minute away.
  const job = await waitFor(async () => {
    const r = await c.kubectl(['get', 'jobs', '-o', 'jsonpath={.items[*].metadata.name}']);
    return r.stdout.startsWith('tick-') ? r.stdout.split(' ')[0] : undefined;
  }, { timeoutMs: 75_000, intervalMs: 500, what: 'the CronJob to create a Job' });
  assert.equal((await c.kubectl(['wait', '--for=condition=complete', `job/${job ?? ''}`, '--timeout=60s'])).code, 0);
  await waitFor(async () => {
    const r = await c.kubectl(['get', 'cronjob', 'tick', '-o', 'jsonpath={.status.lastScheduleTime}|{.status.lastSuccessfulTime}']);
    return /^\d{4}-.*\|\d{4}-/.test(r.stdout) ? true : undefined;
  }, { timeoutMs: 30_000, what: 'the CronJob status' });
});
