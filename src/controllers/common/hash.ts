/**
 * @module Short stable hashes for generated names and labels (pod-template-hash,
 * controller-revision-hash): FNV-1a over canonical JSON, printed in decimal and mapped onto the
 * vowel-free alphabet Kubernetes uses for generated names.
 */
import { canonical } from './status.js';

const SAFE = 'bcdfghjklmnpqrstvwxz2456789';

/** Hash of `value` (and an optional collision count that makes a different one). */
export function safeHash(value: unknown, collisionCount?: number): string {
  let h = 0x811c9dc5;
  const data = Buffer.from((typeof value === 'string' ? value : canonical(value)) + (collisionCount !== undefined ? `#${collisionCount}` : ''));
  for (const byte of data) {
    h ^= byte;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return [...String(h)].map((c) => SAFE[c.charCodeAt(0) % SAFE.length] as string).join('');
}
