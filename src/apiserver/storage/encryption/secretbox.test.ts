import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { secretboxOpen, secretboxSeal } from './secretbox.js';

/** libsodium's crypto_secretbox_easy through python ctypes, when both exist. */
function sodiumSeal(msg: Buffer, nonce: Buffer, key: Buffer): Buffer | undefined {
  const script = `
import ctypes, sys
l = ctypes.CDLL('libsodium.so.23'); l.sodium_init()
m, n, k = (bytes.fromhex(a) for a in sys.argv[1:4])
out = ctypes.create_string_buffer(len(m) + 16)
l.crypto_secretbox_easy(out, m, ctypes.c_ulonglong(len(m)), n, k)
print(out.raw.hex())`;
  try {
    return Buffer.from(execFileSync('python3', ['-c', script, msg.toString('hex') || '', nonce.toString('hex'), key.toString('hex')], { encoding: 'utf8' }).trim(), 'hex');
  } catch {
    return undefined;
  }
}

test('secretboxSeal() matches libsodium and secretboxOpen() reverses it', (t) => {
  let compared = 0;
  for (const size of [0, 1, 31, 32, 33, 64, 100, 1000]) {
    const msg = randomBytes(size), nonce = randomBytes(24), key = randomBytes(32);
    const box = secretboxSeal(msg, nonce, key);
    assert.equal(box.length, size + 16);
    assert.deepEqual(secretboxOpen(box, nonce, key), msg);
    const ref = size ? sodiumSeal(msg, nonce, key) : undefined;
    if (ref) { assert.deepEqual(box, ref, `size ${size}`); compared++; }
    const bad = Buffer.from(box);
    bad[bad.length - 1] = (bad[bad.length - 1] ?? 0) ^ 1;
    assert.equal(secretboxOpen(bad, nonce, key), undefined);
  }
  if (!compared) t.skip('libsodium (libsodium.so.23 through python3 ctypes) is not installed: compared with nothing');
});
