/**
 * @module OpenAPI v3: one document per group-version (`/openapi/v3/api/v1`,
 * `/openapi/v3/apis/apps/v1`) with the paths of its resources and every schema they reach, and
 * the `/openapi/v3` index whose serverRelativeURL carries each document's content hash (kubectl
 * caches documents by that URL).
 */
import type { ResourceDef } from '../types.js';
import { discoveryPath, groupTag, resourcePaths, type Operation } from './paths.js';
import { answerSchema, answerTypes, param, renderPaths, SECURITY_SCHEME, STATUS_TEXT, withExtensions } from './render.js';
import { ref, type Json } from './schemas.js';
import { COMMON_DEFINITIONS, type OpenAPISource } from './source.js';

/** `api/v1` for the core group, `apis/<group>/<version>` otherwise. */
export function groupVersionPath(group: string, version: string): string {
  return group ? `apis/${group}/${version}` : `api/${version}`;
}

/** Every group-version path the source serves, sorted. */
export function groupVersionPaths(src: OpenAPISource): string[] {
  return [...new Set(src.resources.map((r) => groupVersionPath(r.group, r.version)))].sort();
}

function operation(o: Operation, tag: string): Json {
  const out: Json = { tags: [tag], description: o.description, operationId: o.id };
  if (o.query.length) out['parameters'] = o.query.map((p) => param(p, 'v3'));
  if (o.body) {
    const schema = ref(o.body.schema, 'v3');
    out['requestBody'] = { content: Object.fromEntries((o.body.patchTypes ?? ['*/*']).map((t) => [t, { schema }])), required: o.body.required };
  }
  const schema = answerSchema(o, 'v3');
  const responses: Json = {};
  for (const code of o.codes) responses[code] = { description: STATUS_TEXT[code] ?? 'OK', content: Object.fromEntries(answerTypes(o).map((t) => [t, { schema }])) };
  responses['401'] = { description: 'Unauthorized' };
  out['responses'] = responses;
  return withExtensions(out, o);
}

/** Definitions a resource's paths refer to. */
export function resourceRoots(r: ResourceDef, src: OpenAPISource): string[] {
  const roots = [r.definition];
  const list = r.listKind && src.definitionOf({ group: r.group, version: r.version, kind: r.listKind });
  if (list) roots.push(list);
  for (const s of r.subresources ?? []) {
    const d = src.definitionOf(s.kind);
    if (d) roots.push(d);
  }
  return roots;
}

/** The v3 document of one group-version path (`api/v1`, `apis/apps/v1`); undefined if not served. */
export function openapiV3Document(src: OpenAPISource, gvPath: string): Json | undefined {
  const resources = src.resources.filter((r) => groupVersionPath(r.group, r.version) === gvPath);
  if (!resources.length) return undefined;
  const first = resources[0] as ResourceDef;
  const tag = `${groupTag(first.group)}_${first.version}`;
  const items = [discoveryPath(first.group, first.version), ...resources.flatMap((r) => resourcePaths(r, src))].map((item) => ({ item, tag }));
  const paths = renderPaths(items, 'v3', operation);
  const schemas = src.schemasFrom([...resources.flatMap((r) => resourceRoots(r, src)), ...COMMON_DEFINITIONS], 'v3');
  return {
    openapi: '3.0.0',
    info: { title: 'Kubernetes', version: src.version },
    paths,
    components: { schemas, securitySchemes: { BearerToken: SECURITY_SCHEME } },
  };
}

/** The `/openapi/v3` index; `hashOf` gives each document's current hash. */
export function openapiV3Index(src: OpenAPISource, hashOf: (gvPath: string) => string): Json {
  const paths: Json = {};
  for (const p of groupVersionPaths(src)) paths[p] = { serverRelativeURL: `/openapi/v3/${p}?hash=${hashOf(p)}` };
  return { paths };
}
