/** @module OpenAPI documents: structure kubectl relies on, hashes, extras (CRDs), gnostic protobuf, and the reference. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ProtoReader } from '../../../base/protowire.js';
import { referenceDir } from '../../../base/testing/paths.js';
import { catalog } from '../catalog.js';
import { miniCatalog } from '../testing/mini-catalog.js';
import { etagOf, OpenAPIDocuments, openapiV2, openapiV2Protobuf, openapiV3 } from './documents.js';
import type { Json } from './schemas.js';

const docs = new OpenAPIDocuments(miniCatalog(), { version: 'v1.33.0-k3ts' });
const get = (o: unknown, ...path: string[]): unknown => path.reduce<unknown>((x, k) => (x as Json | undefined)?.[k], o);

test('OpenAPIDocuments.v3Index() points at every group-version with its content hash', () => {
  const index = JSON.parse(docs.v3Index().body.toString()) as Json;
  assert.deepEqual(Object.keys(index['paths'] as Json), ['api/v1', 'apis/test.k3ts.io/v1']);
  const url = get(index, 'paths', 'api/v1', 'serverRelativeURL') as string;
  assert.equal(url, `/openapi/v3/api/v1?hash=${etagOf(docs.v3('api/v1')?.body ?? Buffer.alloc(0))}`);
  assert.match(url, /hash=[0-9A-F]{128}$/);
  assert.equal(docs.v3('apis/nope/v1'), undefined);
});

test('openapiV3() documents carry GVKs, merge extensions and the patch content types kubectl checks', () => {
  const doc = openapiV3('apis/test.k3ts.io/v1', miniCatalog()) as Json;
  const schemas = get(doc, 'components', 'schemas') as Json;
  assert.deepEqual(get(schemas, 'io.k3ts.test.v1.Widget', 'x-kubernetes-group-version-kind'), [{ group: 'test.k3ts.io', kind: 'Widget', version: 'v1' }]);
  const parts = get(schemas, 'io.k3ts.test.v1.WidgetSpec', 'properties', 'parts') as Json;
  assert.equal(parts['x-kubernetes-list-type'], 'map');
  assert.deepEqual(parts['x-kubernetes-list-map-keys'], ['name']);
  assert.equal(parts['x-kubernetes-patch-strategy'], 'merge');
  assert.deepEqual(get(schemas, 'io.k3ts.test.v1.WidgetSpec', 'properties', 'probe'), { allOf: [{ $ref: '#/components/schemas/io.k8s.api.core.v1.Probe' }], description: 'A probe.' });
  for (const name of ['io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta', 'io.k8s.api.core.v1.Probe', 'io.k8s.apimachinery.pkg.util.intstr.IntOrString']) assert.ok(schemas[name], name);
  assert.equal(schemas['io.k8s.api.core.v1.ConfigMap'], undefined, 'other group-versions stay out');
  const patch = get(doc, 'paths', '/apis/test.k3ts.io/v1/namespaces/{namespace}/widgets/{name}', 'patch') as Json;
  assert.deepEqual(Object.keys(get(patch, 'requestBody', 'content') as Json),
    ['application/json-patch+json', 'application/merge-patch+json', 'application/strategic-merge-patch+json', 'application/apply-patch+yaml']);
  assert.deepEqual(patch['x-kubernetes-group-version-kind'], { group: 'test.k3ts.io', kind: 'Widget', version: 'v1' });
  assert.ok(get(doc, 'paths', '/apis/test.k3ts.io/v1/namespaces/{namespace}/widgets/{name}/status', 'patch'));
  assert.ok(get(doc, 'paths', '/apis/test.k3ts.io/v1/widgets', 'get'), 'list across namespaces');
});

test('OpenAPIDocuments.withExtra() serves custom resource schemas without strategic merge patch', () => {
  const schema: Json = {
    type: 'object', 'x-kubernetes-group-version-kind': [{ group: 'example.com', version: 'v1', kind: 'Gadget' }],
    properties: { metadata: { $ref: '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta' }, spec: { type: 'object', nullable: true, properties: { size: { type: 'integer' } } } },
  };
  const crd = docs.withExtra({
    schemas: new Map([['com.example.v1.Gadget', schema]]),
    resources: [{ group: 'example.com', version: 'v1', plural: 'gadgets', singular: 'gadget', kind: 'Gadget', namespaced: true, verbs: ['get', 'list', 'patch', 'create'], definition: 'com.example.v1.Gadget' }],
  });
  assert.ok(crd.groupVersions().includes('apis/example.com/v1'));
  const doc = JSON.parse(crd.v3('apis/example.com/v1')?.body.toString() ?? '{}') as Json;
  assert.ok(get(doc, 'components', 'schemas', 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'));
  const patch = get(doc, 'paths', '/apis/example.com/v1/namespaces/{namespace}/gadgets/{name}', 'patch') as Json;
  assert.deepEqual(Object.keys(get(patch, 'requestBody', 'content') as Json), ['application/json-patch+json', 'application/merge-patch+json', 'application/apply-patch+yaml']);
  assert.deepEqual(get(patch, 'responses', '200', 'content') && Object.keys(get(patch, 'responses', '200', 'content') as Json), ['application/json', 'application/yaml']);
  const v2 = JSON.parse(crd.v2Json().body.toString()) as Json;
  assert.deepEqual(get(v2, 'definitions', 'com.example.v1.Gadget', 'properties', 'metadata'), { $ref: '#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta' });
  assert.equal(get(v2, 'definitions', 'com.example.v1.Gadget', 'properties', 'spec', 'nullable'), undefined);
  assert.notEqual(crd.v3Index().etag, docs.v3Index().etag);
});

/** Reads a gnostic Document back: swagger, info.title and definition name → property names. */
function readGnostic(bytes: Uint8Array): { swagger: string; title: string; definitions: Map<string, string[]> } {
  const out = { swagger: '', title: '', definitions: new Map<string, string[]>() };
  const fields = (b: Uint8Array, each: (n: number, r: ProtoReader) => void) => {
    const r = new ProtoReader(b);
    while (!r.done) { const [n, w] = r.tag(); if (w === 2) each(n, r); else r.skip(w); }
  };
  fields(bytes, (n, r) => {
    if (n === 1) out.swagger = r.string();
    else if (n === 2) fields(r.bytes(), (m, rr) => { if (m === 1) out.title = rr.string(); else rr.bytes(); });
    else if (n === 9) {
      fields(r.bytes(), (_m, named) => {
        let name = '';
        const props: string[] = [];
        fields(named.bytes(), (k, rr) => {
          if (k === 1) name = rr.string();
          else fields(rr.bytes(), (s, sr) => {
            if (s !== 25) { sr.bytes(); return; }
            fields(sr.bytes(), (_p, pr) => fields(pr.bytes(), (q, qr) => { if (q === 1) props.push(qr.string()); else qr.bytes(); }));
          });
        });
        out.definitions.set(name, props);
      });
    } else r.bytes();
  });
  return out;
}

test('openapiV2Protobuf() encodes the v2 document as gnostic openapi.v2.Document', () => {
  const json = openapiV2(miniCatalog());
  const doc = readGnostic(openapiV2Protobuf(miniCatalog()));
  assert.equal(doc.swagger, '2.0');
  assert.equal(doc.title, 'Kubernetes');
  assert.deepEqual([...doc.definitions.keys()], Object.keys(json['definitions'] as Json));
  assert.deepEqual(doc.definitions.get('io.k3ts.test.v1.Part'), ['count', 'name', 'note']);
});

const ref = referenceDir();
test('openapiV2() schemas and paths agree with the Kubernetes v1.33 reference', { skip: ref ? false : 'reference folder ../shared/reference/kubernetes-v1.33 is absent' }, () => {
  const swagger = JSON.parse(readFileSync(join(ref ?? '', 'swagger.json'), 'utf8')) as { definitions: Json; paths: Json };
  const ours = openapiV2(catalog());
  // Descriptions are ours; x-kubernetes-unions is not in the catalog. Everything else must match.
  const norm = (x: unknown) => JSON.stringify(x, (k, v: unknown) => (k === 'description' || k === 'x-kubernetes-unions' ? undefined
    : v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v));
  const defs = ours['definitions'] as Json;
  const differing = Object.keys(defs).filter((n) => swagger.definitions[n] && norm(defs[n]) !== norm(swagger.definitions[n]));
  const ops = (doc: Json) => Object.entries(doc['paths'] as Json).flatMap(([p, item]) => Object.keys(item as Json).filter((m) => m !== 'parameters').map((m) => `${m} ${p}`));
  const theirs = new Set(ops(swagger as unknown as Json));
  // metrics.k8s.io is an aggregated API (metrics-server): the reference does not document it.
  const documented = (o: string) => !o.includes('/apis/metrics.k8s.io/');
  const extra = ops(ours).filter((o) => documented(o) && !theirs.has(o));
  console.log(`openapi v2 vs reference: ${Object.keys(defs).length - differing.length}/${Object.keys(defs).length} definitions agree, ${ops(ours).length - extra.length}/${ops(ours).length} operations exist upstream`);
  assert.deepEqual(differing, []);
  assert.deepEqual(extra, []);
});
