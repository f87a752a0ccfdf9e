/**
 * @module Request bodies of custom resources: unknown and duplicate fields found with the
 * catalog codecs' strict decoder over a shape built from the CRD version's schema, and reported
 * as fieldValidation asks (`strict decoding error: unknown field "spec.foo"`). Values are not
 * type-checked here: custom objects are unstructured upstream, and schema validation words
 * type errors (`spec.replicas in body must be of type integer`).
 */
import { decodeBody, decodeFailure, shapeFromJsonSchema, type StructShape } from '../../api/schema/codecs.js';
import { catalog } from '../../api/schema/catalog.js';
import type { JSONSchemaProps } from '../../api/apiextensions/json-schema.js';
import type { GroupVersionKind } from '../../api/schema/types.js';
import { statusErrors } from '../../api/status.js';
import type { BodyCodec } from '../endpoints/codec.js';

export function customResourceCodec(inner: BodyCodec, schemaFor: (gvk: GroupVersionKind) => JSONSchemaProps | undefined, isCustom: (gvk: GroupVersionKind) => boolean): BodyCodec {
  // Shapes are built once per schema object (a CRD change brings new schema objects).
  const shapes = new WeakMap<object, StructShape>();
  const out: BodyCodec = {
    protobuf: inner.protobuf,
    decode(body, encoding, gvk, mode) {
      if (!isCustom(gvk)) return inner.decode(body, encoding, gvk, mode);
      // Custom resources have no protobuf form, as upstream.
      if (encoding === 'protobuf') throw statusErrors.unsupportedMediaType('application/vnd.kubernetes.protobuf');
      const schema = schemaFor(gvk) ?? { type: 'object', 'x-kubernetes-preserve-unknown-fields': true };
      let shape = shapes.get(schema);
      if (!shape) {
        shape = shapeFromJsonSchema(schema, `${gvk.group}/${gvk.version}/${gvk.kind}`, catalog());
        shapes.set(schema, shape);
      }
      const plain = inner.decode(body, encoding, gvk, 'Ignore');
      let result;
      try {
        result = decodeBody(body, encoding === 'yaml' ? 'application/yaml' : 'application/json', shape, { mode });
      } catch {
        return plain;
      }
      const failure = decodeFailure({ ...result, errors: result.errors.filter((e) => e.type !== 'invalid') }, gvk.kind, gvk.version);
      if (failure) throw failure;
      return { object: plain.object, warnings: result.warnings };
    },
  };
  if (inner.encodeProtobuf) out.encodeProtobuf = inner.encodeProtobuf.bind(inner);
  return out;
}
