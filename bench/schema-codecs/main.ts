/**
 * @module Schema codec benchmark: the per-request cost of strict decoding (JSON and YAML) and of
 * protobuf decoding/encoding, for a realistic pod (about 3 KB of JSON) and a 1 MiB ConfigMap.
 * The reference is the native floor: JSON.parse / JSON.stringify of the same body (kube-apiserver
 * itself cannot run here). Prints JSON and a table.
 *
 *   node dist/bench/schema-codecs/main.js [--seconds S]
 */
import { stringify } from 'yaml';
import { catalog } from '../../src/api/schema/catalog.js';
import { shapesOf } from '../../src/api/schema/shape.js';
import { decodeJson, decodeYaml } from '../../src/api/schema/strict/decode.js';
import { protobufCodec } from '../../src/api/schema/protobuf/codec.js';

const seconds = Number(process.argv[process.argv.indexOf('--seconds') + 1]) || 1;
const shapes = shapesOf(catalog());
const codec = protobufCodec();

function container(i: number): Record<string, unknown> {
  return {
    name: `app-${i}`, image: 'registry.example/team/app:1.2.3', imagePullPolicy: 'IfNotPresent',
    command: ['/bin/app'], args: ['--port=8080', '--verbose'],
    ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }, { name: 'metrics', containerPort: 9090, protocol: 'TCP' }],
    env: [{ name: 'MODE', value: 'production' }, { name: 'POD_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } }],
    resources: { requests: { cpu: '250m', memory: '256Mi' }, limits: { cpu: '1', memory: '512Mi' } },
    volumeMounts: [{ name: 'config', mountPath: '/etc/app' }, { name: 'data', mountPath: '/var/lib/app' }],
    livenessProbe: { httpGet: { path: '/healthz', port: 8080 }, initialDelaySeconds: 10, periodSeconds: 10 },
    readinessProbe: { httpGet: { path: '/ready', port: 'http' }, periodSeconds: 5 },
    securityContext: { runAsNonRoot: true, allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
  };
}

const pod = {
  apiVersion: 'v1', kind: 'Pod',
  metadata: { name: 'web-7d9f8c6b5-x2x4z', namespace: 'default', labels: { app: 'web', tier: 'frontend', 'pod-template-hash': '7d9f8c6b5' },
    annotations: { 'kubectl.kubernetes.io/restartedAt': '2024-05-06T07:08:09Z' } },
  spec: {
    containers: [container(0), container(1)],
    initContainers: [{ name: 'init', image: 'busybox', command: ['sh', '-c', 'echo ready'] }],
    volumes: [{ name: 'config', configMap: { name: 'web-config' } }, { name: 'data', emptyDir: { sizeLimit: '1Gi' } }],
    serviceAccountName: 'web', nodeSelector: { 'kubernetes.io/os': 'linux' },
    tolerations: [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }],
    affinity: { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 100, podAffinityTerm: { topologyKey: 'kubernetes.io/hostname', labelSelector: { matchLabels: { app: 'web' } } } }] } },
  },
};
const big = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'big', namespace: 'default' },
  data: Object.fromEntries(Array.from({ length: 1024 }, (_, i) => [`key-${i}`, 'x'.repeat(1000)])) };

interface Row { readonly case: string; readonly body: string; readonly bytes: number; readonly opsPerSec: number; readonly usPerOp: number; readonly mbPerSec: number }

function measure(name: string, body: string, bytes: number, fn: () => unknown): Row {
  // Warm up for a fifth of the measuring time so the JIT has settled.
  const warm = performance.now() + seconds * 200;
  while (performance.now() < warm) for (let i = 0; i < 20; i++) fn();
  let ops = 0;
  const start = performance.now();
  const deadline = start + seconds * 1000;
  while (performance.now() < deadline) { for (let i = 0; i < 20; i++) fn(); ops += 20; }
  const ms = performance.now() - start;
  return { case: name, body, bytes, opsPerSec: Math.round((ops / ms) * 1000), usPerOp: Number(((ms * 1000) / ops).toFixed(1)), mbPerSec: Number(((bytes * ops) / ms / 1000).toFixed(1)) };
}

const rows: Row[] = [];
for (const [label, obj, def] of [['pod', pod, 'io.k8s.api.core.v1.Pod'], ['configmap-1MiB', big, 'io.k8s.api.core.v1.ConfigMap']] as const) {
  const shape = shapes.struct(def);
  const json = JSON.stringify(obj);
  const yaml = stringify(obj);
  const pb = codec.encode(obj);
  rows.push(measure('JSON.parse (native floor)', label, json.length, () => JSON.parse(json)));
  rows.push(measure('decodeJson Strict', label, json.length, () => decodeJson(json, shape)));
  rows.push(measure('decodeJson Ignore (no duplicate scan)', label, json.length, () => decodeJson(json, shape, { mode: 'Ignore' })));
  if (label === 'pod') rows.push(measure('decodeYaml Strict', label, yaml.length, () => decodeYaml(yaml, shape)));
  rows.push(measure('protobuf decode', label, pb.length, () => codec.decode(pb)));
  rows.push(measure('JSON.stringify (native floor)', label, json.length, () => JSON.stringify(obj)));
  rows.push(measure('protobuf encode', label, pb.length, () => codec.encode(obj)));
}
console.log(JSON.stringify({ bench: 'schema-codecs', node: process.version, seconds, rows }, null, 2));
console.table(rows);
