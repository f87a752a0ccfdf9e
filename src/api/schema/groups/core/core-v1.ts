/** @module The core/v1 group-version every core catalog file registers into. */

/** prefix, group and version of core/v1 ('' is the legacy core group under /api). */
export const CORE_V1 = { prefix: 'io.k8s.api.core.v1', group: '', version: 'v1' } as const;
