import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../../api/meta/object.js';
import type { AuthorizationAttributes } from '../authorizer.js';
import { NodeAuthorizer, fieldSelectorPins } from './authorizer.js';
import { podReferences } from './pod-references.js';

const pod = (name: string, node: string, spec: Record<string, unknown>): KubeObject => ({ metadata: { name, namespace: 'ns' }, spec: { nodeName: node, ...spec } });

test('podReferences() finds secrets, config maps, claims and the service account a pod uses', () => {
  const r = podReferences(pod('p', 'n1', {
    serviceAccountName: 'bot', imagePullSecrets: [{ name: 'pull' }],
    volumes: [{ name: 'v1', secret: { secretName: 's-vol' } }, { name: 'v2', projected: { sources: [{ configMap: { name: 'cm-proj' } }, { secret: { name: 's-proj' } }] } },
      { name: 'v3', persistentVolumeClaim: { claimName: 'data' } }, { name: 'eph', ephemeral: {} }, { name: 'csi', csi: { nodePublishSecretRef: { name: 's-csi' } } }],
    initContainers: [{ name: 'i', envFrom: [{ configMapRef: { name: 'cm-env' } }] }],
    containers: [{ name: 'c', env: [{ name: 'X', valueFrom: { secretKeyRef: { name: 's-env', key: 'k' } } }] }],
  }));
  assert.deepEqual([...r.secrets].sort(), ['pull', 's-csi', 's-env', 's-proj', 's-vol']);
  assert.deepEqual([...r.configMaps].sort(), ['cm-env', 'cm-proj']);
  assert.deepEqual([...r.claims].sort(), ['data', 'p-eph']);
  assert.equal(r.serviceAccount, 'bot');
});

test('NodeAuthorizer lets a node read only what its pods use and see only itself', () => {
  let pods = [pod('a', 'n1', { volumes: [{ name: 'v', secret: { secretName: 's1' } }] }), pod('b', 'n2', { volumes: [{ name: 'v', secret: { secretName: 's2' } }] })];
  let rev = 1;
  const z = new NodeAuthorizer({ revision: () => String(rev), pods: () => pods, claim: () => undefined, volumeAttachment: () => undefined });
  const n1 = { name: 'system:node:n1', groups: ['system:nodes', 'system:authenticated'] };
  const a = (o: Partial<AuthorizationAttributes>): AuthorizationAttributes => ({ user: n1, verb: 'get', resourceRequest: true, namespace: 'ns', apiGroup: '', apiVersion: 'v1', resource: 'secrets', subresource: '', name: '', path: '', ...o });
  assert.equal(z.authorize(a({ name: 's1' })).decision, 'allow');
  assert.deepEqual(z.authorize(a({ name: 's2' })), { decision: 'noOpinion', reason: "no relationship found between node 'n1' and this object" });
  assert.equal(z.authorize(a({ verb: 'list' })).decision, 'noOpinion');
  assert.equal(z.authorize(a({ verb: 'update', name: 's1' })).decision, 'noOpinion');
  assert.equal(z.authorize(a({ resource: 'nodes', namespace: '', name: 'n1' })).decision, 'allow');
  assert.equal(z.authorize(a({ resource: 'nodes', namespace: '', name: 'n2' })).decision, 'noOpinion');
  assert.equal(z.authorize(a({ resource: 'pods', verb: 'list', namespace: '', fieldSelector: 'spec.nodeName=n1' })).decision, 'allow');
  assert.equal(z.authorize(a({ resource: 'pods', verb: 'list', namespace: '', fieldSelector: 'spec.nodeName=n2' })).decision, 'noOpinion');
  assert.equal(z.authorize(a({ resource: 'services', verb: 'list' })).decision, 'allow', 'by the system:node rules');
  assert.equal(z.authorize(a({ resource: 'leases', apiGroup: 'coordination.k8s.io', namespace: 'kube-node-lease', verb: 'update', name: 'n2' })).decision, 'noOpinion');
  assert.equal(z.authorize({ ...a({ name: 's1' }), user: { name: 'alice', groups: [] } }).decision, 'noOpinion');
  // The graph follows the pods: when s2's pod moves to n1, n1 may read it.
  pods = [...pods, pod('c', 'n1', { volumes: [{ name: 'v', secret: { secretName: 's2' } }] })];
  rev++;
  assert.equal(z.authorize(a({ name: 's2' })).decision, 'allow');
  assert.equal(fieldSelectorPins('metadata.name=x,spec.nodeName==n1', 'spec.nodeName', 'n1'), true);
  assert.equal(fieldSelectorPins('spec.nodeName!=n1', 'spec.nodeName', 'n1'), false);
});
