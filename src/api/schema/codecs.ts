/**
 * @module The entry point for what is derived from the catalog: strict decoding of request
 * bodies by content type, protobuf, OpenAPI documents and merge metadata. The API server and the
 * apply code import from here.
 */
import { catalog as builtinCatalog, type Catalog } from './catalog.js';
import { PROTOBUF_MEDIA_TYPE, protobufCodec } from './protobuf/codec.js';
import { shapesOf, type StructShape } from './shape.js';
import { BodySyntaxError, decodeJson, decodeYaml, type DecodeResult, type FieldValidation } from './strict/decode.js';

export { decodeFailure, decodeJson, decodeYaml, validateValue, BodySyntaxError } from './strict/decode.js';
export type { DecodeIssue, DecodeResult, FieldValidation } from './strict/decode.js';
export { PROTOBUF_MEDIA_TYPE, protobufCodec, ProtobufCodec, ProtoDecodeError, ProtoEncodeError } from './protobuf/codec.js';
export { OpenAPIDocuments, OPENAPI_V2_PROTOBUF, etagOf, openapiV2, openapiV2Protobuf, openapiV3, openapiV3IndexOf } from './openapi/documents.js';
export type { OpenAPIExtra, OpenAPIOptions } from './openapi/source.js';
export { child, fieldSchema, parsePath, type FieldSchema } from './field-schema.js';
export { shapeFromJsonSchema } from './json-schema-shape.js';
export { shapesOf, formatPath, type Shape, type StructShape } from './shape.js';

/** The struct shape of a kind (`apps/v1`, `Deployment`), or undefined when the catalog lacks it. */
export function kindShape(apiVersion: string, kind: string, cat: Catalog = builtinCatalog()): StructShape | undefined {
  const i = apiVersion.indexOf('/');
  const def = cat.definitionFor(i < 0 ? '' : apiVersion.slice(0, i), i < 0 ? apiVersion : apiVersion.slice(i + 1), kind);
  return def && !def.custom ? shapesOf(cat).struct(def.name) : undefined;
}

/** Media types request bodies may come in. */
export type BodyMediaType = 'application/json' | 'application/yaml' | typeof PROTOBUF_MEDIA_TYPE;

/**
 * Decodes a request body of any accepted media type against `shape`. Protobuf bodies carry their
 * own kind and cannot hold unknown or duplicate fields, so they yield no issues; their kind must
 * match the shape. Throws BodySyntaxError (or ProtoDecodeError) for malformed bodies.
 */
export function decodeBody(body: Uint8Array, mediaType: BodyMediaType, shape: StructShape, opts: { readonly mode?: FieldValidation; readonly catalog?: Catalog } = {}): DecodeResult {
  if (mediaType === 'application/yaml') return decodeYaml(body, shape, opts);
  if (mediaType === PROTOBUF_MEDIA_TYPE) {
    const object = protobufCodec(opts.catalog ?? builtinCatalog()).decode(body);
    const got = kindShape(String(object['apiVersion']), String(object['kind']), opts.catalog);
    if (got !== shape) throw new BodySyntaxError(`protobuf body holds ${String(object['apiVersion'])} ${String(object['kind'])}, not ${shape.name}`);
    return { object, errors: [], warnings: [] };
  }
  return decodeJson(body, shape, opts);
}
