import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { renderKubeconfig } from './kubeconfig.js';

test('renderKubeconfig() writes k3s\'s shape: cluster, user and context named default, credentials embedded', () => {
  const text = renderKubeconfig({ server: 'https://[::1]:6443', caPem: 'CA', clientCertPem: 'CERT', clientKeyPem: 'KEY' });
  assert.deepEqual(parse(text), {
    apiVersion: 'v1',
    clusters: [{ cluster: { 'certificate-authority-data': 'Q0E=', server: 'https://[::1]:6443' }, name: 'default' }],
    contexts: [{ context: { cluster: 'default', user: 'default' }, name: 'default' }],
    'current-context': 'default',
    kind: 'Config',
    preferences: {},
    users: [{ name: 'default', user: { 'client-certificate-data': 'Q0VSVA==', 'client-key-data': 'S0VZ' } }],
  });
});
