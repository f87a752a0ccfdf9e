/** @module The core/v1 group-version every core catalog file registers into, and its list kinds. */
import type { GroupBuilder } from '../../dsl.js';

/** prefix, group and version of core/v1 ('' is the legacy core group under /api). */
export const CORE_V1 = { prefix: 'io.k8s.api.core.v1', group: '', version: 'v1' } as const;

/** Declares `<kind>List`, the list kind every listable resource has; `what` is the plural noun. */
export function listKind(g: GroupBuilder, kind: string, what: string): void {
  g.kind(`${kind}List`, `A list of ${what}.`, {
    metadata: ['ListMeta', 1, 'Standard list metadata.'],
    items: [`[]${kind}`, 2, `The ${what}.`, { required: true }],
  });
}
