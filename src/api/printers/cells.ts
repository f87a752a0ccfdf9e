/**
 * @module Cell helpers shared by the printers: reading nested JSON defensively and formatting
 * the way kubectl's printers do (`<none>` for empty, label maps as `a=b,c=d`, containers and
 * images of a pod template joined with commas).
 */
import { arrayAt, getPath, isPlainObject, numberAt, objectAt, stringAt } from '../meta/object.js';

export { arrayAt, getPath, numberAt, objectAt, stringAt };

export const str = (obj: unknown, ...path: string[]): string => {
  const v = getPath(obj, path);
  return typeof v === 'string' ? v : '';
};

export const num = (obj: unknown, ...path: string[]): number => {
  const v = getPath(obj, path);
  return typeof v === 'number' ? v : 0;
};

export const arr = (obj: unknown, ...path: string[]): unknown[] => {
  const v = getPath(obj, path);
  return Array.isArray(v) ? v : [];
};

export const orNone = (s: string): string => (s === '' ? '<none>' : s);

/** `a=b,c=d` sorted by key, `<none>` when empty (labels.FormatLabels). */
export function formatLabels(m: unknown): string {
  if (!isPlainObject(m)) return '<none>';
  const keys = Object.keys(m).sort();
  return keys.length ? keys.map((k) => `${k}=${String(m[k])}`).join(',') : '<none>';
}

/** Container names and images of a pod spec, as the Containers/Images wide columns show them. */
export function containersAndImages(podSpec: unknown): [string, string] {
  const cs = arr(podSpec, 'containers');
  return [cs.map((c) => str(c, 'name')).join(','), cs.map((c) => str(c, 'image')).join(',')];
}

/** True when a condition of `type` has status True. */
export function hasCondition(conditions: unknown[], type: string): boolean {
  return conditions.some((c) => str(c, 'type') === type && str(c, 'status') === 'True');
}

/** Lists with the kubectl "+ N more..." tail after `max` items. */
export function joinMax(items: readonly string[], max: number, sep = ','): string {
  if (items.length <= max) return items.join(sep);
  return `${items.slice(0, max).join(sep)} + ${items.length - max} more...`;
}
