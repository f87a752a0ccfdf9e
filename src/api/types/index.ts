/**
 * @module Types of every catalog package, one namespace each, generated from the schema catalog by scripts/gen-api-types.mjs.
 * Do not edit: change the catalog and run `npm run gen:types`.
 */
export type * as coreV1 from './core-v1.js';
export type * as intstr from './intstr.js';
export type * as metaV1 from './meta-v1.js';
export type * as resource from './resource.js';
export type * as runtime from './runtime.js';
export type * as version from './version.js';
