/**
 * @module Checks an applied configuration against the schema before it is merged, as
 * structured-merge-diff's typed conversion does: fields a struct does not declare, lists of the
 * wrong shape, items without their keys, and duplicated keys. Messages carry the field path
 * (`.spec.containers[name="c"].ports: element 0: ...`).
 */
import { isObject } from '../merge/json.js';
import type { MergeNode } from '../merge/schema.js';
import { atomOf, entryNode, itemElement } from './atoms.js';
import { peString, serializePE, type PathElement } from './path.js';

/** The errors of `value` against `node`, each `<path>: <reason>`; empty when it conforms. */
export function validateTyped(value: unknown, node: MergeNode, allowDuplicates = false): string[] {
  const errors: string[] = [];
  walk(value, node, '', { errors, allowDuplicates });
  return errors;
}

/** structured-merge-diff's rendering of several validation errors. */
export function joinValidationErrors(errors: readonly string[]): string {
  return errors.length === 1 ? errors[0] as string : ['errors:', ...errors.map((e) => `  ${e}`)].join('\n');
}

function describe(v: unknown): string {
  if (isObject(v)) return 'map';
  if (Array.isArray(v)) return 'list';
  return JSON.stringify(v);
}

function walk(v: unknown, node: MergeNode, path: string, ctx: { errors: string[]; allowDuplicates: boolean }): void {
  if (v === null || v === undefined) return;
  const atom = atomOf(node, v);
  if (atom.kind === 'scalar') {
    if (isObject(v) || Array.isArray(v)) ctx.errors.push(`${path}: expected scalar, got ${describe(v)}`.replace(/^: /, ''));
    return;
  }
  if (atom.kind === 'list') {
    if (!Array.isArray(v)) {
      ctx.errors.push(`${path ? `${path}: ` : ''}expected list, got ${describe(v)}`);
      return;
    }
    const seen = new Set<string>();
    for (let i = 0; i < v.length; i++) {
      let pe: PathElement = { index: i };
      if (!atom.atomic) {
        try {
          pe = itemElement(atom.list, v[i]);
        } catch (e) {
          ctx.errors.push(`${path}: element ${i}: ${e instanceof Error ? e.message : String(e)}`);
          return;
        }
        const k = serializePE(pe);
        if (seen.has(k) && !ctx.allowDuplicates) ctx.errors.push(`${path}: duplicate entries for key ${peString(pe)}`);
        seen.add(k);
      }
      walk(v[i], atom.list.item, path + peString(pe), ctx);
    }
    return;
  }
  if (!isObject(v)) {
    ctx.errors.push(`${path ? `${path}: ` : ''}expected map, got ${describe(v)}`);
    return;
  }
  for (const [key, val] of Object.entries(v)) {
    const sub = entryNode(atom.node, key);
    const p = `${path}.${key}`;
    if (!sub) {
      ctx.errors.push(`${p}: field not declared in schema`);
      return;
    }
    walk(val, sub, p, ctx);
  }
}
