// Issue 7 with the real kubectl (1.27 and 1.33) against the API server on port 0: apply,
// re-apply, modify and prune cycles of a multi-document manifest (Deployment, Service,
// ConfigMap, a CRD and custom objects), client-side and server-side apply of one object by two
// managers, kubectl edit with EDITOR set to a script, kubectl diff, invalid custom objects
// rejected with the schema path in the message, and CEL rules using the ip, cidr, semver and
// format libraries and two-variable comprehensions enforced with kube-apiserver's messages.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { runKubectl } from '../../src/apiserver/testing/kubectl.js';
import { startTestServer, type TestServer } from '../../src/server/testing/fixture.js';
import { kubectlPath } from './harness.js';

// kubectl validates nothing itself when the OpenAPI documents are served: the server does.
const VALIDATE: string[] = [];

const CRD = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: widgets.example.com
spec:
  group: example.com
  scope: Namespaced
  names: {plural: widgets, singular: widget, kind: Widget, shortNames: [wd], categories: [all]}
  versions:
  - name: v1beta1
    served: true
    storage: false
    schema:
      openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}
  - name: v1
    served: true
    storage: true
    subresources:
      status: {}
      scale: {specReplicasPath: .spec.replicas, statusReplicasPath: .status.replicas}
    additionalPrinterColumns:
    - {name: Replicas, type: integer, jsonPath: .spec.replicas}
    - {name: Color, type: string, jsonPath: .spec.color}
    schema:
      openAPIV3Schema:
        type: object
        properties:
          spec:
            type: object
            required: [color]
            x-kubernetes-validations:
            - {rule: "self.replicas <= 10", message: "replicas must be at most 10"}
            properties:
              color: {type: string, enum: [red, green, blue]}
              replicas: {type: integer, minimum: 0, default: 1}
              sizes: {type: array, items: {type: string}, x-kubernetes-list-type: set}
          status: {type: object, properties: {ready: {type: boolean}, replicas: {type: integer}}}
`;

// Every rule here is one k3ts enforces: applying the CRD prints no "not enforced" warning.
const ROUTES_CRD = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: routes.example.com}
spec:
  group: example.com
  scope: Namespaced
  names: {plural: routes, singular: route, kind: Route}
  versions:
  - name: v1
    served: true
    storage: true
    schema:
      openAPIV3Schema:
        type: object
        properties:
          spec:
            x-kubernetes-validations:
            - {rule: "cidr(self.subnet).containsIP(self.gateway)", message: "gateway must be inside subnet"}
            type: object
            properties:
              gateway: {type: string, x-kubernetes-validations: [{rule: "isIP(self) && ip(self).family() == 4 && !ip(self).isLoopback()", message: "gateway must be a non-loopback IPv4 address"}]}
              subnet: {type: string, x-kubernetes-validations: [{rule: "isCIDR(self) && cidr(self) == cidr(self).masked()", messageExpression: "'subnet ' + self + ' is not canonical, use ' + string(cidr(self).masked())"}]}
              version: {type: string, x-kubernetes-validations: [{rule: "isSemver(self, true) && semver(self, true).isGreaterThan(semver('1.2.0'))", messageExpression: "'version ' + self + ' is older than 1.2.0'"}]}
              host: {type: string, x-kubernetes-validations: [{rule: "!format.dns1123Label().validate(self).hasValue()", messageExpression: "format.dns1123Label().validate(self).value().join(', ')"}]}
              ports: {type: object, additionalProperties: {type: integer}, x-kubernetes-validations: [{rule: "self.all(name, port, port > 1024 || name == 'http')", message: "only http may use a privileged port"}]}
`;

function app(o: { image: string; env: string[]; configData: Record<string, string> | null; widgetReplicas: number }): string {
  const env = o.env.map((n) => `        - {name: ${n}, value: "${n.toLowerCase()}"}`).join('\n');
  const docs = [`apiVersion: apps/v1
kind: Deployment
metadata: {name: web, labels: {app: demo}}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: c1
        image: ${o.image}
        env:
${env}
`, `apiVersion: v1
kind: Service
metadata: {name: web, labels: {app: demo}}
spec:
  selector: {app: web}
  ports: [{name: http, port: 80, targetPort: 8080}]
`];
  if (o.configData) docs.push(`apiVersion: v1\nkind: ConfigMap\nmetadata: {name: web-config, labels: {app: demo}}\ndata: ${JSON.stringify(o.configData)}\n`);
  docs.push(`apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w1, labels: {app: demo}}\nspec: {color: red, replicas: ${o.widgetReplicas}}\n`);
  return docs.join('---\n');
}

for (const minor of [27, 33]) {
  const version = `1.${minor}`;
  const bin = kubectlPath(minor);
  describe(`kubectl ${version} apply`, { skip: bin ? false : `kubectl.${version} is not installed next to kubectl` }, () => {
    let ts: TestServer;
    let dir: string;
    const cleanups: Array<() => unknown> = [];
    const k = (args: string[]) => runKubectl(bin as string, { kubeconfig: ts.kubeconfig, dir }, args);
    const ok = async (...args: string[]) => {
      const r = await k(args);
      assert.equal(r.code, 0, `kubectl ${args.join(' ')}: ${r.stderr}`);
      return r.stdout;
    };
    const file = (name: string, text: string) => {
      const p = join(dir, name);
      writeFileSync(p, text);
      return p;
    };
    /** kubectl with extra environment (EDITOR, KUBECTL_APPLYSET). */
    const kenv = (args: string[], env: Record<string, string>) => new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(bin as string, ['--kubeconfig', ts.kubeconfig, ...args], { env: { ...process.env, HOME: dir, ...env } },
        (err, stdout, stderr) => resolve({ code: err ? 1 : 0, stdout, stderr }));
    });
    const json = async (...args: string[]) => JSON.parse(await ok('get', ...args, '-o', 'json')) as Record<string, any>; // any: objects read back from the server
    before(async () => {
      // API server behaviour only: no controllers acting on the objects (status, GC, managedFields).
      ts = await startTestServer({ after: (fn) => { cleanups.push(fn); } }, { args: ['--disable-controller-manager'] });
      dir = dirname(ts.kubeconfig);
      await ok('apply', ...VALIDATE, '-f', file('crd.yaml', CRD));
      await ok('wait', '--for', 'condition=established', '--timeout=30s', 'crd/widgets.example.com');
    });
    after(async () => { for (const fn of cleanups.reverse()) await fn(); });

    test('apply, re-apply, modify and prune a multi-document manifest with a custom object', async () => {
      const v1 = file('app-v1.yaml', app({ image: 'nginx:1.27', env: ['A', 'B'], configData: { a: '1', b: '2' }, widgetReplicas: 2 }));
      assert.equal(await ok('apply', ...VALIDATE, '-f', v1),
        'deployment.apps/web created\nservice/web created\nconfigmap/web-config created\nwidget.example.com/w1 created\n');
      assert.equal(await ok('apply', ...VALIDATE, '-f', v1),
        'deployment.apps/web unchanged\nservice/web unchanged\nconfigmap/web-config unchanged\nwidget.example.com/w1 unchanged\n');
      assert.match(await ok('get', 'widgets'), /^NAME\s+REPLICAS\s+COLOR\nw1\s+2\s+red\n$/);
      // Another actor changes the objects between applies.
      await ok('label', 'deployment', 'web', 'team=ops');
      await ok('annotate', 'configmap', 'web-config', 'note=kept');
      const v2 = file('app-v2.yaml', app({ image: 'nginx:1.28', env: ['A'], configData: { a: '1', c: '3' }, widgetReplicas: 3 }));
      assert.equal(await ok('apply', ...VALIDATE, '-f', v2),
        'deployment.apps/web configured\nservice/web unchanged\nconfigmap/web-config configured\nwidget.example.com/w1 configured\n');
      const dep = await json('deployment', 'web');
      const c = dep['spec'].template.spec.containers[0];
      assert.equal(c.image, 'nginx:1.28');
      assert.deepEqual(c.env, [{ name: 'A', value: 'a' }], 'the env var dropped from the manifest is removed');
      assert.equal(dep['metadata'].labels.team, 'ops', 'a label set by another actor survives');
      const cm = await json('configmap', 'web-config');
      assert.deepEqual(cm['data'], { a: '1', c: '3' });
      assert.equal(cm['metadata'].annotations.note, 'kept');
      assert.equal((await json('widget', 'w1'))['spec'].replicas, 3);
      // Prune: the ConfigMap left the manifest.
      const v3 = file('app-v3.yaml', app({ image: 'nginx:1.28', env: ['A'], configData: null, widgetReplicas: 3 }));
      const pruned = await ok('apply', ...VALIDATE, '--prune', '-l', 'app=demo', '-f', v3);
      assert.match(pruned, /configmap\/web-config pruned/);
      assert.equal((await k(['get', 'configmap', 'web-config'])).code, 1);
    });

    test('prune with --applyset, client-side and server-side', async () => {
      const cms = (names: string[]) => names.map((n) => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ${n}, namespace: default}\ndata: {x: "1"}\n`).join('---\n');
      for (const [set, mode] of [['set-csa', []], ['set-ssa', ['--server-side']]] as const) {
        const first = await kenv(['apply', '-n', 'default', ...mode, '--prune', `--applyset=${set}`, '-f', file(`${set}-1.yaml`, cms([`${set}-a`, `${set}-b`]))], { KUBECTL_APPLYSET: 'true' });
        assert.equal(first.code, 0, first.stderr);
        const second = await kenv(['apply', '-n', 'default', ...mode, '--prune', `--applyset=${set}`, '-f', file(`${set}-2.yaml`, cms([`${set}-a`]))], { KUBECTL_APPLYSET: 'true' });
        assert.equal(second.code, 0, second.stderr);
        assert.match(second.stdout, new RegExp(`configmap/${set}-b pruned`));
        assert.equal((await k(['get', 'configmap', `${set}-b`])).code, 1);
        assert.equal((await k(['get', 'configmap', `${set}-a`])).code, 0);
      }
    });

    test('kubectl diff shows what an apply would change, and nothing when nothing would', async () => {
      const same = file('diff-same.yaml', app({ image: 'nginx:1.28', env: ['A'], configData: null, widgetReplicas: 3 }));
      const unchanged = await k(['diff', '-f', same]);
      assert.equal(unchanged.code, 0, unchanged.stderr);
      assert.equal(unchanged.stdout, '');
      const changed = await k(['diff', '-f', file('diff-new.yaml', app({ image: 'nginx:1.29', env: ['A'], configData: null, widgetReplicas: 4 }))]);
      assert.equal(changed.code, 1, changed.stderr);
      assert.match(changed.stdout, /^-\s+image: nginx:1\.28$/m);
      assert.match(changed.stdout, /^\+\s+image: nginx:1\.29$/m);
      assert.match(changed.stdout, /^\+\s+replicas: 4$/m);
      // The server-side form: a dry-run apply.
      const ssa = await k(['diff', '--server-side', '-f', join(dir, 'diff-new.yaml')]);
      assert.equal(ssa.code, 1, ssa.stderr);
      assert.match(ssa.stdout, /^\+\s+image: nginx:1\.29$/m);
      // Nothing was written.
      assert.equal((await json('deployment', 'web'))['spec'].template.spec.containers[0].image, 'nginx:1.28');
    });

    test('kubectl edit with EDITOR set to a script patches the object', async () => {
      const editor = file('editor.sh', '#!/bin/sh\nsed -i -e "s/replicas: 2/replicas: 4/" "$1"\n');
      chmodSync(editor, 0o755);
      const edited = await kenv(['edit', 'deployment', 'web'], { EDITOR: editor, KUBE_EDITOR: editor });
      assert.equal(edited.code, 0, edited.stderr);
      assert.equal(edited.stdout, 'deployment.apps/web edited\n');
      const dep = await json('deployment', 'web', '--show-managed-fields');
      assert.equal(dep['spec'].replicas, 4);
      assert.ok(dep['metadata'].managedFields.some((e: { manager: string }) => e.manager === 'kubectl-edit'));
    });

    test('server-side apply by two managers: conflicts, forced ownership, removal of dropped fields', async () => {
      const w = (replicas: number | null, color = 'green') => `apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w2, namespace: default}\nspec: {color: ${color}${replicas === null ? '' : `, replicas: ${replicas}`}}\n`;
      assert.equal(await ok('apply', ...VALIDATE, '--server-side', '--field-manager=alpha', '-f', file('w2-alpha.yaml', w(2))), 'widget.example.com/w2 serverside-applied\n');
      const clash = await k(['apply', ...VALIDATE, '--server-side', '--field-manager=beta', '-f', file('w2-beta.yaml', w(5))]);
      assert.notEqual(clash.code, 0);
      assert.match(clash.stderr, /Apply failed with 1 conflict: conflict with "alpha": \.spec\.replicas/);
      // Same value: shared ownership, no conflict.
      assert.equal(await ok('apply', ...VALIDATE, '--server-side', '--field-manager=beta', '-f', file('w2-beta-same.yaml', w(2))), 'widget.example.com/w2 serverside-applied\n');
      await ok('apply', ...VALIDATE, '--server-side', '--field-manager=beta', '--force-conflicts', '-f', file('w2-beta-force.yaml', w(5)));
      let obj = await json('widget', 'w2', '--show-managed-fields');
      assert.equal(obj['spec'].replicas, 5);
      const owners = (f: string) => obj['metadata'].managedFields.filter((e: { fieldsV1: Record<string, any> }) => e.fieldsV1['f:spec']?.[f]).map((e: { manager: string }) => e.manager).sort(); // any: FieldsV1 tries
      assert.deepEqual(owners('f:replicas'), ['beta']);
      // beta drops replicas; nobody else owns it: it is removed, and then defaulted again.
      await ok('apply', ...VALIDATE, '--server-side', '--field-manager=beta', '-f', file('w2-beta-drop.yaml', w(null)));
      obj = await json('widget', 'w2', '--show-managed-fields');
      assert.equal(obj['spec'].replicas, 1);
      assert.deepEqual(owners('f:color').sort(), ['alpha', 'beta']);
    });

    test('client-side then server-side apply of one Deployment, then a second manager', async () => {
      const d = (replicas: number) => `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api, namespace: default}\nspec:\n  replicas: ${replicas}\n  selector: {matchLabels: {app: api}}\n  template:\n    metadata: {labels: {app: api}}\n    spec: {containers: [{name: c, image: busybox}]}\n`;
      await ok('apply', ...VALIDATE, '-f', file('api-csa.yaml', d(1)));
      // kubectl --server-side takes over from client-side apply: fields still at their last-applied
      // values are not conflicts, and kubectl moves their ownership to its apply entry.
      assert.equal(await ok('apply', ...VALIDATE, '--server-side', '-f', file('api-ssa.yaml', d(3))), 'deployment.apps/api serverside-applied\n');
      let obj = await json('deployment', 'api', '--show-managed-fields');
      assert.equal(obj['spec'].replicas, 3);
      const managers = () => obj['metadata'].managedFields.map((e: { manager: string; operation: string }) => `${e.manager}/${e.operation}`).sort();
      // kubectl keeps the annotation current with a separate apply by "kubectl-last-applied".
      assert.deepEqual(managers(), ['kubectl-last-applied/Apply', 'kubectl/Apply']);
      assert.match(obj['metadata'].annotations['kubectl.kubernetes.io/last-applied-configuration'], /"replicas":3/);
      // A second manager changing replicas conflicts with kubectl's apply, unless forced.
      const clash = await k(['apply', ...VALIDATE, '--server-side', '--field-manager=ops', '-f', file('api-ops.yaml', d(5))]);
      assert.notEqual(clash.code, 0);
      assert.match(clash.stderr, /Apply failed with 1 conflict: conflict with "kubectl": \.spec\.replicas/);
      await ok('apply', ...VALIDATE, '--server-side', '--field-manager=ops', '--force-conflicts', '-f', file('api-ops2.yaml', d(5)));
      obj = await json('deployment', 'api', '--show-managed-fields');
      assert.equal(obj['spec'].replicas, 5);
      assert.deepEqual(managers(), ['kubectl-last-applied/Apply', 'kubectl/Apply', 'ops/Apply']);
      // Client-side apply always wins (it patches): kubectl-client-side-apply owns replicas again.
      await ok('apply', ...VALIDATE, '-f', file('api-csa2.yaml', d(2)));
      obj = await json('deployment', 'api', '--show-managed-fields');
      assert.equal(obj['spec'].replicas, 2);
      assert.ok(managers().includes('kubectl-client-side-apply/Update'));
    });

    test('invalid custom objects are rejected with the schema path in the message', async () => {
      const bad = (spec: string, name = 'bad') => file(`${name}.yaml`, `apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: ${name}, namespace: default}\nspec: ${spec}\n`);
      const type = await k(['apply', ...VALIDATE, '-f', bad('{color: red, replicas: "two"}', 'bad-type')]);
      assert.notEqual(type.code, 0);
      assert.match(type.stderr, /The Widget "bad-type" is invalid: \n\* spec\.replicas: Invalid value: "string": spec\.replicas in body must be of type integer: "string"/);
      const enumErr = await k(['apply', ...VALIDATE, '-f', bad('{color: pink}', 'bad-enum')]);
      assert.match(enumErr.stderr, /spec\.color: Unsupported value: "pink": supported values: "red", "green", "blue"/);
      const rule = await k(['apply', ...VALIDATE, '-f', bad('{color: red, replicas: 11}', 'bad-rule')]);
      assert.match(rule.stderr, /The Widget "bad-rule" is invalid: spec: Invalid value: "object": replicas must be at most 10/);
      const missing = await k(['apply', ...VALIDATE, '-f', bad('{replicas: 1}', 'bad-missing')]);
      assert.match(missing.stderr, /spec\.color: Required value/);
      // kubectl asks for strict field validation; the server finds the field the schema lacks.
      const strict = await k(['apply', '-f', bad('{color: red, shade: dark}', 'bad-field')]);
      assert.notEqual(strict.code, 0);
      assert.match(strict.stderr, /strict decoding error: unknown field "spec\.shade"/);
      const smp = await k(['patch', 'widget', 'w1', '-p', '{"spec":{"replicas":1}}']);
      assert.match(smp.stderr, /the body of the request was in an unknown format - accepted media types include: application\/json-patch\+json, application\/merge-patch\+json, application\/apply-patch\+yaml/);
    });

    test('CEL rules with the ip, cidr, semver, format libraries and two-variable comprehensions', async () => {
      const crd = await k(['apply', '-f', file('routes-crd.yaml', ROUTES_CRD)]);
      assert.equal(crd.code, 0, crd.stderr);
      assert.doesNotMatch(crd.stderr, /not enforced/);
      await ok('wait', '--for', 'condition=established', '--timeout=30s', 'crd/routes.example.com');
      const route = (name: string, spec: Record<string, unknown>) => file(`${name}.yaml`, `apiVersion: example.com/v1\nkind: Route\nmetadata: {name: ${name}, namespace: default}\nspec: ${JSON.stringify({ gateway: '10.1.0.1', subnet: '10.1.0.0/16', version: 'v1.3', host: 'edge', ports: { http: 80, app: 8080 }, ...spec })}\n`);
      assert.equal(await ok('apply', '-f', route('good', {})), 'route.example.com/good created\n');
      const fails: Array<[Record<string, unknown>, RegExp]> = [
        [{ gateway: '10.2.0.1' }, /The Route "bad" is invalid: spec: Invalid value: "object": gateway must be inside subnet/],
        [{ gateway: '::1', subnet: '::/0' }, /spec\.gateway: Invalid value: "string": gateway must be a non-loopback IPv4 address/],
        [{ subnet: '10.1.2.0/16' }, /spec\.subnet: Invalid value: "string": subnet 10\.1\.2\.0\/16 is not canonical, use 10\.1\.0\.0\/16/],
        [{ version: '1.1' }, /spec\.version: Invalid value: "string": version 1\.1 is older than 1\.2\.0/],
        [{ host: 'Edge_1' }, /spec\.host: Invalid value: "string": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-'/],
        [{ ports: { ssh: 22 } }, /spec\.ports: Invalid value: "object": only http may use a privileged port/],
      ];
      for (const [spec, want] of fails) {
        const r = await k(['apply', '-f', route('bad', spec)]);
        assert.notEqual(r.code, 0, JSON.stringify(spec));
        assert.match(r.stderr, want);
      }
      await ok('delete', 'crd', 'routes.example.com');
    });

    test('custom resources: short names, categories, explain, versions, status and scale subresources', async () => {
      assert.match(await ok('get', 'wd', 'w1'), /^NAME\s+REPLICAS\s+COLOR\nw1\s+3\s+red\n$/);
      assert.match(await ok('get', 'all'), /widget\.example\.com\/w1\s+3\s+red/);
      assert.match(await ok('explain', 'widget.spec.color'), /FIELD:\s+color/);
      assert.match(await ok('api-resources', '--api-group=example.com'), /^widgets\s+wd\s+example\.com\/v1\s+true\s+Widget$/m);
      // The same object through the other served version (None conversion).
      assert.equal(await ok('get', 'widgets.v1beta1.example.com', 'w1', '-o', 'jsonpath={.apiVersion} {.spec.color}'), 'example.com/v1beta1 red');
      // status only changes through /status; spec only through the main resource and /scale.
      await ok('patch', 'widget', 'w1', '--type=merge', '-p', '{"status":{"ready":true}}');
      assert.equal((await json('widget', 'w1'))['status'], undefined);
      await ok('patch', 'widget', 'w1', '--subresource=status', '--type=merge', '-p', '{"status":{"ready":true,"replicas":3,"stray":1}}');
      assert.deepEqual((await json('widget', 'w1'))['status'], { ready: true, replicas: 3 }, 'status is pruned too');
      assert.match(await ok('scale', 'widget', 'w1', '--replicas=5'), /widget\.example\.com\/w1 scaled/);
      assert.equal((await json('widget', 'w1'))['spec'].replicas, 5);
      const tooMany = await k(['scale', 'widget', 'w1', '--replicas=11']);
      assert.match(tooMany.stderr, /replicas must be at most 10/);
      // A second CRD claiming the same kind in the group is not served.
      await ok('apply', '-f', file('gizmos.yaml', CRD.replace('name: widgets.example.com', 'name: gizmos.example.com').replace('plural: widgets, singular: widget', 'plural: gizmos, singular: gizmo').replace('shortNames: [wd], ', '')));
      await ok('wait', '--for', 'jsonpath={.status.conditions[0].status}=False', '--timeout=30s', 'crd/gizmos.example.com');
      assert.match(await ok('get', 'crd', 'gizmos.example.com', '-o', 'jsonpath={.status.conditions[0].reason}: {.status.conditions[0].message}'), /Conflict: "Widget(List)?" is already in use/);
      await ok('delete', 'crd', 'gizmos.example.com');
    });

    test('deleting the CRD deletes its objects', async () => {
      assert.match(await ok('get', 'widgets', '-o', 'name'), /widget\.example\.com\/w1/);
      await ok('delete', 'crd', 'widgets.example.com');
      const gone = await k(['get', '--raw', '/apis/example.com/v1/namespaces/default/widgets']);
      assert.notEqual(gone.code, 0);
      // Defined again, the resource starts empty.
      await ok('apply', '-f', join(dir, 'crd.yaml'));
      await ok('wait', '--for', 'condition=established', '--timeout=30s', 'crd/widgets.example.com');
      const list = JSON.parse(await ok('get', '--raw', '/apis/example.com/v1/namespaces/default/widgets')) as { items: unknown[] };
      assert.deepEqual(list.items, []);
    });
  });
}
