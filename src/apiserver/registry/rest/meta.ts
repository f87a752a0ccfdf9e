/**
 * @module The metadata steps every create and update shares (rest.BeforeCreate/BeforeUpdate):
 * system fields (uid, creationTimestamp), generateName, the URL namespace winning over the
 * body's, and the fields an update carries over from the stored object.
 */
import { randomUUID } from 'node:crypto';
import type { KubeObject } from '../../../api/meta/object.js';
import { statusErrors } from '../../../api/status.js';

const ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
const MAX_GENERATED_BASE = 63 - 5;

/** `base` + 5 random characters from Kubernetes's alphabet (no vowels, no confusable digits). */
export function generateName(base: string): string {
  let s = base.length > MAX_GENERATED_BASE ? base.slice(0, MAX_GENERATED_BASE) : base;
  for (let i = 0; i < 5; i++) s += ALPHABET[Math.floor(Math.random() * ALPHABET.length)];
  return s;
}

/** RFC 3339 with seconds, as metav1.Time serializes. */
export function nowTimestamp(ms: number = Date.now()): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** Sets the namespace from the request, or 400 when the body names another one. */
export function ensureNamespace(obj: KubeObject, requestNamespace: string, namespaced: boolean): void {
  const expected = namespaced ? requestNamespace : '';
  const ns = obj.metadata.namespace ?? '';
  if (ns === expected) return;
  if (ns === '' || expected === '') {
    if (expected) obj.metadata.namespace = expected;
    else delete obj.metadata.namespace;
    return;
  }
  throw statusErrors.badRequest('the namespace of the provided object does not match the namespace sent on the request');
}

/** Clears what clients may not set and fills uid and creationTimestamp. */
export function fillSystemFields(obj: KubeObject): void {
  const m = obj.metadata;
  delete m.deletionTimestamp;
  delete m.deletionGracePeriodSeconds;
  delete m.selfLink;
  delete m.resourceVersion;
  m.uid = randomUUID();
  m.creationTimestamp = nowTimestamp();
  if (m.generateName && !m.name) m.name = generateName(m.generateName);
}

/** Carries the immutable system fields of `prev` into `next` (before validation catches changes). */
export function carryOverSystemFields(next: KubeObject, prev: KubeObject): void {
  const n = next.metadata;
  const p = prev.metadata;
  if (p.generation !== undefined) n.generation = p.generation;
  else delete n.generation;
  if (!n.uid && p.uid) n.uid = p.uid;
  if (p.creationTimestamp) n.creationTimestamp = p.creationTimestamp;
  if (p.deletionTimestamp) n.deletionTimestamp = p.deletionTimestamp;
  if (p.deletionGracePeriodSeconds !== undefined && n.deletionGracePeriodSeconds === undefined) n.deletionGracePeriodSeconds = p.deletionGracePeriodSeconds;
  delete n.selfLink;
}
