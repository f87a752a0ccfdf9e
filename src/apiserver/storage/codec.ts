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
