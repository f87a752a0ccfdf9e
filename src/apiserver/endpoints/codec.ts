/**
 * @module How request bodies become objects and objects become protobuf: the seam where the
 * schema catalog's codecs (strict JSON/YAML decoding with field paths, the protobuf envelope)
 * plug in. The basic codec parses JSON and YAML without a schema (no unknown-field detection,
 * no protobuf); the catalog codec replaces it.
 */
import { parse as parseYaml } from 'yaml';
import type { GroupVersionKind } from '../../api/schema/types.js';
import { statusErrors } from '../../api/status.js';
import type { Encoding } from './negotiate.js';

export type FieldValidation = 'Strict' | 'Warn' | 'Ignore';

export interface DecodedBody {
  /** The decoded value (not yet checked to be an object). */
  readonly object: unknown;
  /** Unknown or duplicate fields under Warn (`unknown field "spec.foo"`). */
  readonly warnings: readonly string[];
}

export interface BodyCodec {
  /** True when protobuf bodies can be read and written. */
  readonly protobuf: boolean;
  /**
   * Decodes a body of `encoding` meant to be a `gvk` (the kind the URL serves). Throws a
   * StatusError (400) when the bytes are not JSON/YAML/protobuf at all, and for unknown or
   * duplicate fields under Strict and mistyped values in every mode.
   */
  decode(body: Uint8Array, encoding: Encoding, gvk: GroupVersionKind, mode: FieldValidation): DecodedBody;
  /** Encodes an object (or list, Status) as a protobuf envelope. */
  encodeProtobuf?(obj: unknown): Uint8Array;
}

const utf8 = new TextDecoder('utf-8');

/** JSON and YAML without a schema: nothing unknown is detected. */
export const basicCodec: BodyCodec = {
  protobuf: false,
  decode(body, encoding) {
    const text = utf8.decode(body);
    try {
      const object: unknown = encoding === 'yaml' ? parseYaml(text, { version: '1.1' }) : JSON.parse(text);
      return { object, warnings: [] };
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      throw statusErrors.badRequest(encoding === 'yaml' ? `error converting YAML to JSON: ${msg}` : `couldn't get version/kind; json parse error: ${msg}`);
    }
  },
};
