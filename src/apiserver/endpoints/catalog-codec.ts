/**
 * @module The BodyCodec of the schema catalog: request bodies decoded strictly against the kind's
 * shape (unknown, duplicate and mistyped fields reported with their paths as fieldValidation
 * asks: `Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field
 * "spec.foo"`), protobuf bodies in the `k8s\0` envelope, and protobuf answers. Kinds the catalog
 * lacks (custom resources without a schema) fall back to schema-less decoding.
 */
import {
  BodySyntaxError, PROTOBUF_MEDIA_TYPE, ProtoDecodeError, decodeBody, decodeFailure, kindShape, protobufCodec,
  type BodyMediaType, type ProtobufCodec,
} from '../../api/schema/codecs.js';
import type { Catalog } from '../../api/schema/catalog.js';
import { statusErrors } from '../../api/status.js';
import { type BodyCodec, basicCodec } from './codec.js';
import type { Encoding } from './negotiate.js';

const MEDIA: Readonly<Record<Encoding, BodyMediaType>> = { json: 'application/json', yaml: 'application/yaml', protobuf: PROTOBUF_MEDIA_TYPE };

/** A BodyCodec over `cat` (default: the built-in catalog). */
export function catalogCodec(cat?: Catalog): BodyCodec {
  let proto: ProtobufCodec | undefined;
  const codec = () => (proto ??= cat ? protobufCodec(cat) : protobufCodec());
  return {
    protobuf: true,
    decode(body, encoding, gvk, mode) {
      const apiVersion = gvk.group ? `${gvk.group}/${gvk.version}` : gvk.version;
      const shape = kindShape(apiVersion, gvk.kind, ...(cat ? [cat] : []));
      if (!shape) {
        if (encoding === 'protobuf') throw statusErrors.unsupportedMediaType(PROTOBUF_MEDIA_TYPE);
        return basicCodec.decode(body, encoding, gvk, mode);
      }
      let result;
      try {
        result = decodeBody(body, MEDIA[encoding], shape, { mode, ...(cat ? { catalog: cat } : {}) });
      } catch (e) {
        // Bytes that do not parse at all fail before any kind is known, as upstream words it.
        if (e instanceof BodySyntaxError && encoding === 'json') throw statusErrors.badRequest(`couldn't get version/kind; json parse error: ${e.message.replace(/^invalid JSON: /, '')}`);
        if (e instanceof BodySyntaxError && encoding === 'yaml') throw statusErrors.badRequest(`error converting YAML to JSON: ${e.message}`);
        if (e instanceof BodySyntaxError || e instanceof ProtoDecodeError) {
          throw statusErrors.badRequest(`${gvk.kind} in version ${JSON.stringify(gvk.version)} cannot be handled as a ${gvk.kind}: ${e.message}`);
        }
        throw e;
      }
      const failure = decodeFailure(result, gvk.kind, gvk.version);
      if (failure) throw failure;
      return { object: result.object, warnings: result.warnings };
    },
    encodeProtobuf(obj) {
      return codec().encode(obj as Record<string, unknown>);
    },
  };
}
