import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { X509Certificate } from 'node:crypto';
import { waitFor } from '../../src/base/async.js';
import { hasOpenssl } from '../../src/client/testing/openssl-certs.js';
import { newestKubectl, startSimCluster, type SimCluster } from './sim-cluster.js';

const skip = !newestKubectl() ? 'kubectl is not installed' : !hasOpenssl() ? 'openssl is not installed' : false;

function request(subj: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'k3ts-csr-'));
  execFileSync('openssl', ['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', join(dir, 'k'), '-out', join(dir, 'r'), '-subj', subj], { stdio: 'ignore' });
  return readFileSync(join(dir, 'r')).toString('base64');
}

async function issued(c: SimCluster, name: string): Promise<X509Certificate> {
  const b64 = await waitFor(async () => {
    const r = await c.kubectl(['get', 'csr', name, '-o', 'jsonpath={.status.certificate}']);
    return r.stdout || undefined;
  }, { timeoutMs: 30_000, what: `a certificate for ${name}` });
  return new X509Certificate(Buffer.from(b64, 'base64'));
}

test('a kubelet client CSR is approved after a SubjectAccessReview and signed by the client CA', { skip }, async (t) => {
  const c = await startSimCluster(t, { nodes: 1 });
  const made = await c.kubectl(['apply', '-f', '-'], { input: `
apiVersion: certificates.k8s.io/v1
kind: CertificateSigningRequest
metadata: {name: node-n9}
spec:
  signerName: kubernetes.io/kube-apiserver-client-kubelet
  usages: [digital signature, client auth]
  request: ${request('/O=system:nodes/CN=system:node:n9')}
` });
  assert.equal(made.code, 0, made.stderr);
  const cert = await issued(c, 'node-n9');
  assert.ok(cert.checkIssued(new X509Certificate(c.signing.client.bundlePem)));
  const list = await c.kubectl(['get', 'csr', 'node-n9']);
  assert.match(list.stdout, /node-n9\s+\S+\s+kubernetes\.io\/kube-apiserver-client-kubelet\s+\S+\s+.*Approved/);
  const reason = await c.kubectl(['get', 'csr', 'node-n9', '-o', 'jsonpath={.status.conditions[0].reason}']);
  assert.equal(reason.stdout, 'AutoApproved');
});

test('other client CSRs wait for kubectl certificate approve; a bad one is Failed', { skip }, async (t) => {
  const c = await startSimCluster(t, { nodes: 1 });
  const made = await c.kubectl(['apply', '-f', '-'], { input: `
apiVersion: certificates.k8s.io/v1
kind: CertificateSigningRequest
metadata: {name: alice}
spec:
  signerName: kubernetes.io/kube-apiserver-client
  usages: [client auth]
  request: ${request('/O=devs/CN=alice')}
---
apiVersion: certificates.k8s.io/v1
kind: CertificateSigningRequest
metadata: {name: fake-node}
spec:
  signerName: kubernetes.io/kubelet-serving
  usages: [server auth]
  request: ${request('/O=devs/CN=system:node:x')}
` });
  assert.equal(made.code, 0, made.stderr);
  await new Promise((r) => setTimeout(r, 500));
  assert.match((await c.kubectl(['get', 'csr', 'alice'])).stdout, /Pending/);
  const approve = await c.kubectl(['certificate', 'approve', 'alice', 'fake-node']);
  assert.equal(approve.code, 0, approve.stderr);
  // An approved request cannot also be denied (the approval subresource's validation).
  // kubectl refuses locally, so the denial is written straight to the subresource.
  const csr = JSON.parse((await c.kubectl(['get', 'csr', 'alice', '-o', 'json'])).stdout) as { status: { conditions: unknown[] } };
  csr.status.conditions.push({ type: 'Denied', status: 'True', reason: 'Test', message: 'no' });
  const deny = await c.kubectl(['replace', '--raw', '/apis/certificates.k8s.io/v1/certificatesigningrequests/alice/approval', '-f', '-'], { input: JSON.stringify(csr) });
  assert.match(deny.stderr, /Approved and Denied conditions are mutually exclusive/);
  const cert = await issued(c, 'alice');
  assert.equal(cert.subject, 'O=devs\nCN=alice');
  await waitFor(async () => ((await c.kubectl(['get', 'csr', 'fake-node'])).stdout.includes('Approved,Failed') ? true : undefined), { timeoutMs: 30_000, what: 'the serving request to fail validation' });
});
