/**
 * @module Types of io.k8s.apimachinery.pkg.runtime, generated from the schema catalog by scripts/gen-api-types.mjs.
 * Do not edit: change the catalog and run `npm run gen:types`.
 */
/** An embedded object of any kind, carried as its own serialized bytes. */
export type RawExtension = { [key: string]: unknown };
