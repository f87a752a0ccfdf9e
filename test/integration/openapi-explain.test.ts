/**
 * @module Real kubectl 1.27, 1.28 and 1.33 read our OpenAPI documents: `kubectl explain
 * pod.spec.containers` prints the catalog's field names and descriptions, from v3 (both versions)
 * and from the gnostic protobuf v2 document (1.27 plaintext-openapiv2; 1.27/1.28 create -f).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { catalog } from '../../src/api/schema/catalog.js';
import { startOpenAPIServer } from './openapi-server.js';

/** kubectl.<version> beside the kubectl on PATH (the versions are installed side by side). */
function kubectlBinary(version: string): string | undefined {
  for (const dir of (process.env['PATH'] ?? '').split(':')) {
    const k = join(dir, 'kubectl');
    if (!dir || !existsSync(k)) continue;
    const versioned = join(dirname(realpathSync(k)), `kubectl.${version}`);
    return existsSync(versioned) ? versioned : undefined;
  }
  return undefined;
}

const container = catalog().definitions.get('io.k8s.api.core.v1.Container');
const doc = (name: string) => container?.fields.find((f) => f.name === name)?.doc ?? '';

for (const [version, outputs] of [['1.27', ['plaintext', 'plaintext-openapiv2']], ['1.33', ['plaintext']]] as const) {
  for (const output of outputs) {
    const bin = kubectlBinary(version);
    const skip = !bin ? `kubectl.${version} is not installed` : !container ? 'core/v1 Container is not in the catalog' : false;
    test(`kubectl ${version} explain pod.spec.containers (${output}) prints our fields and descriptions`, { skip }, async () => {
      const server = await startOpenAPIServer();
      const cache = mkdtempSync(join(tmpdir(), 'k3ts-explain-'));
      try {
        const { stdout } = await promisify(execFile)(bin as string, ['--server', server.url, '--kubeconfig', '/dev/null', '--cache-dir', cache,
          'explain', 'pod.spec.containers', `--output=${output}`], { timeout: 120_000 });
        assert.match(stdout, /KIND:\s+Pod/);
        for (const field of ['args', 'image', 'imagePullPolicy', 'livenessProbe', 'volumeMounts']) assert.match(stdout, new RegExp(`^\\s+${field}\\t<`, 'm'), field);
        assert.match(stdout, /name\t<string> -required-/);
        // kubectl wraps long descriptions, so look for their first words.
        for (const field of ['image', 'workingDir']) assert.ok(stdout.includes(doc(field).split(' ').slice(0, 4).join(' ')), `${field}: ${doc(field)}`);
        const fetched = server.requests.map((r) => r.split(' ')[1] ?? '');
        if (output === 'plaintext-openapiv2') {
          assert.ok(server.requests.some((r) => r.startsWith('GET /openapi/v2') && r.includes('protobuf')), 'v2 protobuf was fetched');
        } else {
          assert.ok(fetched.some((p) => p.startsWith('/openapi/v3/api/v1?hash=')), 'v3 document fetched by its hash URL');
        }
      } finally {
        await server.close();
        rmSync(cache, { recursive: true, force: true });
      }
    });
  }
}

for (const version of ['1.27', '1.28']) {
  const bin = kubectlBinary(version);
  test(`kubectl ${version} create -f reads the protobuf v2 document it insists on`, { skip: bin ? false : `kubectl.${version} is not installed` }, async () => {
    const server = await startOpenAPIServer();
    const dir = mkdtempSync(join(tmpdir(), 'k3ts-create-'));
    try {
      writeFileSync(join(dir, 'cm.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  mode: fast\n');
      const { stdout } = await promisify(execFile)(bin as string, ['--server', server.url, '--kubeconfig', '/dev/null', '--cache-dir', join(dir, 'cache'),
        'create', '--dry-run=client', '-o', 'name', '-f', join(dir, 'cm.yaml')], { timeout: 120_000 });
      assert.equal(stdout.trim(), 'configmap/settings');
      assert.ok(server.requests.some((r) => r.startsWith('GET /openapi/v2') && r.includes('protobuf')), 'v2 protobuf was fetched');
    } finally {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
