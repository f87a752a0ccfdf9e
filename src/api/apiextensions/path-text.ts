/**
 * @module Field paths as text, the way validation messages print them: `spec.replicas`,
 * `properties[spec]` for schema keys.
 */

/** Joins a child name onto a field path (`spec` + `x` → `spec.x`). */
export function child(path: string, name: string): string {
  return path ? `${path}.${name}` : name;
}

/** A keyed child path as apimachinery prints it (`properties[spec]`). */
export function keyed(path: string, key: string): string {
  return `${path}[${key}]`;
}
