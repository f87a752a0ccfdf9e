/**
 * @module Pruning of fields a custom object's structural schema does not declare (unless the
 * schema preserves unknown fields), as apiextensions does on every write; the pruned paths feed
 * fieldValidation (`unknown field "spec.foo"`). apiVersion, kind and metadata of the object and of
 * embedded resources are kept.
 */
import { isObject } from '../merge/json.js';
import { additionalOf, isEmbedded, itemsOf, preservesUnknown, type JSONSchemaProps } from './json-schema.js';

const META = new Set(['apiVersion', 'kind', 'metadata']);

/**
 * Removes undeclared fields from `value` (mutated) and returns their paths, `spec.foo` and
 * `spec.list[0].bar` style. `root` marks the object itself, whose type fields are always kept.
 */
export function prune(value: unknown, s: JSONSchemaProps, opts: { root?: boolean; path?: string } = {}): string[] {
  const out: string[] = [];
  walk(value, s, { root: opts.root ?? true, path: opts.path ?? '', out });
  return out;
}

function walk(v: unknown, s: JSONSchemaProps | undefined, ctx: { root: boolean; path: string; out: string[] }): void {
  if (Array.isArray(v)) {
    const items = s ? itemsOf(s) : undefined;
    v.forEach((x, i) => walk(x, items, { root: false, path: `${ctx.path}[${i}]`, out: ctx.out }));
    return;
  }
  if (!isObject(v) || !s) return;
  const extra = additionalOf(s);
  const keepMeta = ctx.root || isEmbedded(s);
  for (const [k, x] of Object.entries(v)) {
    const path = ctx.path ? `${ctx.path}.${k}` : k;
    const prop = s.properties?.[k];
    if (keepMeta && META.has(k) && !prop) continue;
    if (prop) walk(x, prop, { root: false, path, out: ctx.out });
    else if (extra) walk(x, extra, { root: false, path, out: ctx.out });
    else if (!preservesUnknown(s)) {
      delete v[k];
      ctx.out.push(path);
    }
  }
}
