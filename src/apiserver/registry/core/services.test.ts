import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../../api/meta/object.js';
import { StatusError } from '../../../api/status.js';
import { openMemory } from '../../../datastore/drivers/memory/memory-driver.js';
import { ApiServer } from '../../apiserver.js';
import { systemContext } from '../rest/context.js';

const ctx = () => systemContext('default');
const svc = (name: string, spec: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: 'v1', kind: 'Service', metadata: { name }, spec: { ports: [{ port: 80 }], selector: { app: name }, ...spec },
});
const message = (e: unknown) => (e instanceof StatusError ? e.status.message ?? '' : String(e));

async function services(backend?: Awaited<ReturnType<typeof openMemory>>) {
  const b = backend ?? await openMemory('');
  const api = await ApiServer.start({ backend: b, serviceCidr: '10.96.0.0/28', nodePortRange: '30000-30002' });
  const served = api.registry.get('', 'v1', 'services');
  if (!served) throw new Error('services are not served');
  const store = served.store;
  const create = (o: KubeObject) => {
    store.strategy.defaults(o);
    return store.create(ctx(), o);
  };
  return { b, api, store, create };
}

test('services get a cluster IP from the range, requested ones are checked, deletes release them', async () => {
  const { store, create } = await services();
  const a = await create(svc('a'));
  const ip = (a['spec'] as { clusterIP: string }).clusterIP;
  assert.match(ip, /^10\.96\.0\.([1-9]|1[0-4])$/);
  assert.deepEqual((a['spec'] as { clusterIPs: string[]; ipFamilies: string[] }).ipFamilies, ['IPv4']);
  await assert.rejects(create(svc('b', { clusterIP: ip })), (e) => message(e) === `Service "b" is invalid: spec.clusterIPs: Invalid value: []string{"${ip}"}: failed to allocate IP ${ip}: provided IP is already allocated`);
  await assert.rejects(create(svc('c', { clusterIP: '10.1.2.3' })), (e) => /the provided IP \(10\.1\.2\.3\) is not in the valid range. The range of valid IPs is 10\.96\.0\.0\/28/.test(message(e)));
  await store.delete(ctx(), 'a', {});
  const again = await create(svc('d', { clusterIP: ip }));
  assert.equal((again['spec'] as { clusterIP: string }).clusterIP, ip);
  const headless = await create(svc('h', { clusterIP: 'None' }));
  assert.deepEqual((headless['spec'] as { clusterIPs: string[] }).clusterIPs, ['None']);
});

test('node ports come from the range, conflict, and follow type changes', async () => {
  const { store, create } = await services();
  const np = await create(svc('np', { type: 'NodePort' }));
  const port = (np['spec'] as { ports: Array<{ nodePort: number }> }).ports[0]?.nodePort ?? 0;
  assert.ok(port >= 30000 && port <= 30002);
  await assert.rejects(create(svc('np2', { type: 'NodePort', ports: [{ port: 80, nodePort: port }] })),
    (e) => message(e) === `Service "np2" is invalid: spec.ports[0].nodePort: Invalid value: ${port}: provided port is already allocated`);
  await assert.rejects(create(svc('np3', { type: 'NodePort', ports: [{ port: 80, nodePort: 80 }] })),
    (e) => /provided port is not in the valid range. The range of valid ports is 30000-30002/.test(message(e)));
  const back = await store.update(ctx(), 'np', (p) => ({ ...(p as KubeObject), spec: { ...((p as KubeObject)['spec'] as object), type: 'ClusterIP', ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }] } }));
  assert.equal((back.obj['spec'] as { ports: Array<{ nodePort?: number }> }).ports[0]?.nodePort, undefined);
  const reuse = await create(svc('np4', { type: 'NodePort', ports: [{ port: 80, nodePort: port }] }));
  assert.equal((reuse['spec'] as { ports: Array<{ nodePort: number }> }).ports[0]?.nodePort, port);
});

test('allocations survive a restart: a new server never hands out an address in use', async () => {
  const first = await services();
  const taken = new Set<string>();
  for (const n of ['s1', 's2', 's3']) taken.add(((await first.create(svc(n)))['spec'] as { clusterIP: string }).clusterIP);
  first.api.stop();
  const second = await services(first.b);
  // 14 usable addresses in a /28 (no bootstrap here, so .1 is free too), three taken before the restart.
  for (let i = 0; i < 11; i++) {
    const ip = ((await second.create(svc(`t${i}`)))['spec'] as { clusterIP: string }).clusterIP;
    assert.ok(!taken.has(ip), `${ip} was handed out twice`);
    taken.add(ip);
  }
  await assert.rejects(second.create(svc('full1')), (e) => /failed to allocate a serviceIP: range is full/.test(message(e)));
  second.api.stop();
});
