/**
 * @module The storage codec of encrypted resources: objects are encoded as usual, then the bytes
 * go through the first configured provider (the storage key is the AES-GCM context); stored
 * values are decrypted with whichever configured key they name before decoding. The providers
 * are read on every call, so enabling, disabling and rotating take effect at once.
 */
import type { KeyValue } from '../../../datastore/backend.js';
import type { KubeObject } from '../../../api/meta/object.js';
import type { ObjectCodec } from '../codec.js';
import { objectKey } from '../keys.js';
import { decryptWith, encryptWith, type Provider } from './providers.js';

export class EncryptedCodec implements ObjectCodec {
  /** `prefix`: the resource's key prefix (`/registry/secrets`), to derive an object's storage key. */
  constructor(private readonly inner: ObjectCodec, private readonly prefix: string, private readonly providers: () => readonly Provider[]) {}

  encode(obj: KubeObject): Uint8Array {
    const plain = this.inner.encode(obj);
    const first = this.providers()[0];
    if (!first) return plain;
    return encryptWith(first, plain, objectKey(this.prefix, obj.metadata.namespace ?? '', obj.metadata.name ?? ''));
  }

  decode(kv: KeyValue): KubeObject {
    return this.inner.decode({ ...kv, value: decryptWith(this.providers(), kv.value, kv.key) });
  }

  /** The stored bytes of `kv` re-encrypted with the current first provider (reencryption). */
  reencode(kv: KeyValue): Uint8Array {
    const first = this.providers()[0];
    const plain = decryptWith(this.providers(), kv.value, kv.key);
    return first ? encryptWith(first, plain, kv.key) : plain;
  }
}
