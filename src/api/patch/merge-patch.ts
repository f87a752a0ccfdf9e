/**
 * @module JSON Merge Patch (RFC 7386): objects merge recursively, `null` deletes a key, anything
 * else (arrays included) replaces. Pure: inputs are not mutated. Also the inverse, creating a
 * merge patch from two documents (used for dry runs and by apply later).
 */
import { cloneJson, isPlainObject, jsonEqual } from '../meta/object.js';

/** Applies `patch` to `target` and returns the result. */
export function applyMergePatch(target: unknown, patch: unknown): unknown {
  if (!isPlainObject(patch)) return cloneJson(patch);
  const out: Record<string, unknown> = isPlainObject(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = isPlainObject(v) ? applyMergePatch(out[k], v) : cloneJson(v);
  }
  return out;
}

/** The merge patch that turns `from` into `to` (keys removed become null). */
export function createMergePatch(from: unknown, to: unknown): unknown {
  if (!isPlainObject(from) || !isPlainObject(to)) return cloneJson(to);
  const patch: Record<string, unknown> = {};
  for (const k of Object.keys(from)) if (!(k in to) || to[k] === undefined) patch[k] = null;
  for (const [k, v] of Object.entries(to)) {
    if (v === undefined) continue;
    const old = from[k];
    if (jsonEqual(old, v)) continue;
    patch[k] = isPlainObject(old) && isPlainObject(v) ? createMergePatch(old, v) : cloneJson(v);
  }
  return patch;
}
