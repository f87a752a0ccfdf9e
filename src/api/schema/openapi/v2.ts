/**
 * @module The OpenAPI v2 (swagger) document: every definition and every resource path in one
 * document. kubectl 1.27 and 1.28 read it (as protobuf, see gnostic.ts) before apply, create -f
 * and explain; newer versions fall back to it when v3 is missing.
 */
import { discoveryPath, resourcePaths, groupTag, type Operation, type PathItem } from './paths.js';
import { answerSchema, answerTypes, param, renderPaths, SECURITY_SCHEME, STATUS_TEXT, withExtensions } from './render.js';
import { ref, type Json } from './schemas.js';
import type { OpenAPISource } from './source.js';

function operation(o: Operation, tag: string): Json {
  const parameters: Json[] = [];
  if (o.body) parameters.push({ name: 'body', in: 'body', required: o.body.required, schema: ref(o.body.schema, 'v2') });
  parameters.push(...o.query.map((p) => param(p, 'v2')));
  const schema = answerSchema(o, 'v2');
  const responses: Json = {};
  for (const code of o.codes) responses[code] = { description: STATUS_TEXT[code] ?? 'OK', schema };
  responses['401'] = { description: 'Unauthorized' };
  const out: Json = {
    description: o.description,
    consumes: [...(o.body?.patchTypes ?? ['*/*'])],
    produces: answerTypes(o),
    schemes: ['https'],
    tags: [tag],
    operationId: o.id,
  };
  if (parameters.length) out['parameters'] = parameters;
  out['responses'] = responses;
  return withExtensions(out, o);
}

/** The whole v2 document. */
export function openapiV2Document(src: OpenAPISource): Json {
  const items: { item: PathItem; tag: string }[] = [];
  const gvs = new Map(src.resources.map((r) => [`${r.group}/${r.version}`, r]));
  for (const r of gvs.values()) items.push({ item: discoveryPath(r.group, r.version), tag: `${groupTag(r.group)}_${r.version}` });
  for (const r of src.resources) {
    const tag = `${groupTag(r.group)}_${r.version}`;
    for (const item of resourcePaths(r, src)) items.push({ item, tag });
  }
  const paths = renderPaths(items, 'v2', operation);
  const definitions = src.schemasFrom(src.definitionNames(), 'v2');
  return {
    swagger: '2.0',
    info: { title: 'Kubernetes', version: src.version },
    paths,
    definitions,
    security: [{ BearerToken: [] }],
    securityDefinitions: { BearerToken: SECURITY_SCHEME },
  };
}
