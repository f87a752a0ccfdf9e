/**
 * @module NaCl secretbox (XSalsa20 + Poly1305), which Kubernetes's `secretbox` encryption
 * provider uses and node:crypto lacks: HSalsa20 derives a subkey from the key and the first 16
 * nonce bytes, Salsa20 with the last 8 nonce bytes makes the keystream, whose first 32 bytes
 * key a Poly1305 tag over the ciphertext. Output is tag || ciphertext, as crypto_secretbox_easy.
 */
import { timingSafeEqual } from 'node:crypto';

const SIGMA = [0x61707865, 0x3320646e, 0x79622d32, 0x6b206574];

const rotl = (v: number, c: number) => ((v << c) | (v >>> (32 - c))) >>> 0;

/** 20 rounds of the Salsa20 core over a 16-word state; returns the final words (no feed-forward). */
function rounds(x: Uint32Array): void {
  for (let i = 0; i < 20; i += 2) {
    const qr = (a: number, b: number, c: number, d: number) => {
      x[b] = (x[b] as number) ^ rotl(((x[a] as number) + (x[d] as number)) >>> 0, 7);
      x[c] = (x[c] as number) ^ rotl(((x[b] as number) + (x[a] as number)) >>> 0, 9);
      x[d] = (x[d] as number) ^ rotl(((x[c] as number) + (x[b] as number)) >>> 0, 13);
      x[a] = (x[a] as number) ^ rotl(((x[d] as number) + (x[c] as number)) >>> 0, 18);
    };
    qr(0, 4, 8, 12); qr(5, 9, 13, 1); qr(10, 14, 2, 6); qr(15, 3, 7, 11);
    qr(0, 1, 2, 3); qr(5, 6, 7, 4); qr(10, 11, 8, 9); qr(15, 12, 13, 14);
  }
}

function initState(key: Uint8Array, input16: Uint8Array): Uint32Array {
  const k = new DataView(key.buffer, key.byteOffset, 32);
  const n = new DataView(input16.buffer, input16.byteOffset, 16);
  const s = new Uint32Array(16);
  s[0] = SIGMA[0] as number; s[5] = SIGMA[1] as number; s[10] = SIGMA[2] as number; s[15] = SIGMA[3] as number;
  for (let i = 0; i < 4; i++) {
    s[1 + i] = k.getUint32(i * 4, true);
    s[11 + i] = k.getUint32(16 + i * 4, true);
    s[6 + i] = n.getUint32(i * 4, true);
  }
  return s;
}

/** HSalsa20: a 32-byte subkey from a key and 16 bytes of nonce. */
function hsalsa20(key: Uint8Array, nonce16: Uint8Array): Uint8Array {
  const x = initState(key, nonce16);
  rounds(x);
  const out = new Uint8Array(32);
  const dv = new DataView(out.buffer);
  [0, 5, 10, 15, 6, 7, 8, 9].forEach((w, i) => dv.setUint32(i * 4, x[w] as number, true));
  return out;
}

/** Salsa20 keystream XORed over `data` (counter from 0). */
function salsa20Xor(key: Uint8Array, nonce8: Uint8Array, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(data.length);
  const input = new Uint8Array(16);
  input.set(nonce8, 0);
  const block = new Uint8Array(64);
  const bv = new DataView(block.buffer);
  for (let off = 0, counter = 0; off < data.length; off += 64, counter++) {
    new DataView(input.buffer).setUint32(8, counter >>> 0, true);
    new DataView(input.buffer).setUint32(12, Math.floor(counter / 0x100000000), true);
    const s = initState(key, input);
    const x = Uint32Array.from(s);
    rounds(x);
    for (let i = 0; i < 16; i++) bv.setUint32(i * 4, ((x[i] as number) + (s[i] as number)) >>> 0, true);
    const n = Math.min(64, data.length - off);
    for (let i = 0; i < n; i++) out[off + i] = (data[off + i] as number) ^ (block[i] as number);
  }
  return out;
}

/** Poly1305 one-time authenticator over `msg` with a 32-byte key. */
function poly1305(key: Uint8Array, msg: Uint8Array): Uint8Array {
  const le = (b: Uint8Array) => { let v = 0n; for (let i = b.length - 1; i >= 0; i--) v = (v << 8n) | BigInt(b[i] as number); return v; };
  const r = le(key.subarray(0, 16)) & 0x0ffffffc0ffffffc0ffffffc0fffffffn;
  const s = le(key.subarray(16, 32));
  const p = (1n << 130n) - 5n;
  let acc = 0n;
  for (let i = 0; i < msg.length; i += 16) {
    const chunk = msg.subarray(i, Math.min(i + 16, msg.length));
    acc = ((acc + le(chunk) + (1n << BigInt(8 * chunk.length))) * r) % p;
  }
  acc = (acc + s) & ((1n << 128n) - 1n);
  const out = new Uint8Array(16);
  for (let i = 0; i < 16; i++) { out[i] = Number(acc & 0xffn); acc >>= 8n; }
  return out;
}

function keystreamKeys(key: Uint8Array, nonce: Uint8Array): { subkey: Uint8Array; nonce8: Uint8Array; polyKey: Uint8Array } {
  if (key.length !== 32) throw new Error('secretbox keys are 32 bytes');
  if (nonce.length !== 24) throw new Error('secretbox nonces are 24 bytes');
  const subkey = hsalsa20(key, nonce.subarray(0, 16));
  const nonce8 = nonce.subarray(16, 24);
  return { subkey, nonce8, polyKey: salsa20Xor(subkey, nonce8, new Uint8Array(32)) };
}

/** crypto_secretbox_easy: tag || ciphertext. */
export function secretboxSeal(message: Uint8Array, nonce: Uint8Array, key: Uint8Array): Buffer {
  const { subkey, nonce8 } = keystreamKeys(key, nonce);
  // The first 32 keystream bytes key Poly1305; the message is XORed with what follows.
  const stream = salsa20Xor(subkey, nonce8, new Uint8Array(32 + message.length));
  const polyKey = stream.subarray(0, 32);
  const ct = new Uint8Array(message.length);
  for (let i = 0; i < message.length; i++) ct[i] = (message[i] as number) ^ (stream[32 + i] as number);
  return Buffer.concat([poly1305(polyKey, ct), ct]);
}

/** crypto_secretbox_open_easy; undefined when the tag does not verify. */
export function secretboxOpen(box: Uint8Array, nonce: Uint8Array, key: Uint8Array): Buffer | undefined {
  if (box.length < 16) return undefined;
  const { subkey, nonce8, polyKey } = keystreamKeys(key, nonce);
  const tag = box.subarray(0, 16);
  const ct = box.subarray(16);
  if (!timingSafeEqual(Buffer.from(poly1305(polyKey, ct)), Buffer.from(tag))) return undefined;
  const stream = salsa20Xor(subkey, nonce8, new Uint8Array(32 + ct.length));
  const out = Buffer.alloc(ct.length);
  for (let i = 0; i < ct.length; i++) out[i] = (ct[i] as number) ^ (stream[32 + i] as number);
  return out;
}
