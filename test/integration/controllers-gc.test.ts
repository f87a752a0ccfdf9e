import { test } from 'node:test';
import assert from 'node:assert/strict';
import { waitFor } from '../../src/base/async.js';
import { newestKubectl, startSimCluster, type SimCluster } from './sim-cluster.js';

const skip = newestKubectl() ? false : 'kubectl is not installed';

async function count(c: SimCluster, args: readonly string[]): Promise<number> {
  const r = await c.kubectl(['get', ...args, '-o', 'name']);
  return r.stdout.trim() ? r.stdout.trim().split('\n').length : 0;
}

async function deployed(c: SimCluster, name: string, replicas: number): Promise<void> {
  assert.equal((await c.kubectl(['create', 'deployment', name, '--image=nginx', `--replicas=${replicas}`])).code, 0);
  assert.equal((await c.kubectl(['rollout', 'status', `deployment/${name}`, '--timeout=60s'])).code, 0);
}

test('kubectl delete deployment cascades in the background and in the foreground', { skip }, async (t) => {
  const c = await startSimCluster(t);
  await deployed(c, 'bg', 2);
  const del = await c.kubectl(['delete', 'deployment', 'bg', '--wait=true']);
  assert.equal(del.code, 0, del.stderr);
  await waitFor(async () => ((await count(c, ['rs,pods', '-l', 'app=bg'])) === 0 ? true : undefined), { timeoutMs: 30_000, what: 'background cascade' });
  await deployed(c, 'fg', 2);
  const fg = await c.kubectl(['delete', 'deployment', 'fg', '--cascade=foreground', '--timeout=60s']);
  assert.equal(fg.code, 0, fg.stderr);
  // kubectl waited for the deployment to disappear, which foreground deletion allows only after its dependents.
  assert.equal(await count(c, ['rs,pods', '-l', 'app=fg']), 0);
});

test('kubectl delete --cascade=orphan leaves the ReplicaSet and pods without their owner', { skip }, async (t) => {
  const c = await startSimCluster(t);
  await deployed(c, 'keep', 2);
  const del = await c.kubectl(['delete', 'deployment', 'keep', '--cascade=orphan', '--timeout=60s']);
  assert.equal(del.code, 0, del.stderr);
  await waitFor(async () => {
    const r = await c.kubectl(['get', 'rs', '-l', 'app=keep', '-o', 'jsonpath={.items[*].metadata.ownerReferences}']);
    return r.code === 0 && r.stdout === '' ? true : undefined;
  }, { timeoutMs: 30_000, what: 'the owner reference to be removed' });
  assert.equal(await count(c, ['rs', '-l', 'app=keep']), 1);
  assert.equal(await count(c, ['pods', '-l', 'app=keep']), 2);
});

test('deleting a namespace deletes everything in it, then the namespace', { skip }, async (t) => {
  const c = await startSimCluster(t);
  assert.equal((await c.kubectl(['create', 'namespace', 'doomed'])).code, 0);
  assert.equal((await c.kubectl(['-n', 'doomed', 'create', 'deployment', 'web', '--image=nginx', '--replicas=2'])).code, 0);
  assert.equal((await c.kubectl(['-n', 'doomed', 'create', 'configmap', 'cfg', '--from-literal=a=b'])).code, 0);
  assert.equal((await c.kubectl(['-n', 'doomed', 'rollout', 'status', 'deployment/web', '--timeout=60s'])).code, 0);
  const del = await c.kubectl(['delete', 'namespace', 'doomed', '--timeout=60s']);
  assert.equal(del.code, 0, del.stderr);
  const gone = await c.kubectl(['get', 'namespace', 'doomed']);
  assert.match(gone.stderr, /NotFound/);
});
