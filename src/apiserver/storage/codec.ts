/**
 * @module How objects are stored: JSON bytes without `metadata.resourceVersion` (the datastore's
 * modRevision is the resourceVersion, set again on every read, as kube-apiserver does with etcd).
 */
import type { KeyValue } from '../../datastore/backend.js';
import type { KubeObject } from '../../api/meta/object.js';

const decoder = new TextDecoder();
const encoder = new TextEncoder();

/** The stored bytes of an object; its resourceVersion and selfLink are not stored. */
export function encodeObject(obj: KubeObject): Uint8Array {
  const meta = obj.metadata;
  const rv = meta.resourceVersion;
  const selfLink = meta.selfLink;
  if (rv === undefined && selfLink === undefined) return encoder.encode(JSON.stringify(obj));
  delete meta.resourceVersion;
  delete meta.selfLink;
  try {
    return encoder.encode(JSON.stringify(obj));
  } finally {
    if (rv !== undefined) meta.resourceVersion = rv;
    if (selfLink !== undefined) meta.selfLink = selfLink;
  }
}

/** The object stored in `kv`, with resourceVersion = its modRevision. Throws on corrupt bytes. */
export function decodeObject(kv: KeyValue): KubeObject {
  const obj = JSON.parse(decoder.decode(kv.value)) as KubeObject;
  if (typeof obj !== 'object' || obj === null || typeof obj.metadata !== 'object' || obj.metadata === null) {
    throw new Error(`stored value at ${kv.key} is not an object with metadata`);
  }
  obj.metadata.resourceVersion = String(kv.modRevision);
  return obj;
}

/**
 * How one resource's objects are stored: the JSON codec by default; a resource served in two
 * shapes (events.k8s.io Events over core Events, autoscaling/v1 over v2) converts to and from its
 * storage form here, and encryption at rest wraps the bytes here too.
 */
export interface ObjectCodec {
  encode(obj: KubeObject): Uint8Array;
  /** Throws on bytes that do not decode. */
  decode(kv: KeyValue): KubeObject;
  /** The served form's conversion to and from the stored one (absent: they are the same). */
  readonly conversion?: StorageConversion;
}

/** Object conversions between a served form and the stored one; they return new objects. */
export interface StorageConversion {
  toStorage(o: KubeObject): KubeObject;
  fromStorage(o: KubeObject): KubeObject;
}

export const jsonCodec: ObjectCodec = { encode: encodeObject, decode: decodeObject };

/** A codec that converts between the served form and the stored one around `inner`. */
export function convertingCodec(inner: ObjectCodec, toStorage: (o: KubeObject) => KubeObject, fromStorage: (o: KubeObject) => KubeObject): ObjectCodec {
  return {
    conversion: { toStorage, fromStorage },
    encode: (o) => inner.encode(toStorage(o)),
    decode: (kv) => {
      const stored = inner.decode(kv);
      const rv = stored.metadata.resourceVersion;
      const out = fromStorage(stored);
      if (rv !== undefined) out.metadata.resourceVersion = rv;
      return out;
    },
  };
}
