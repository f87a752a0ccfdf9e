/**
 * @module Types of io.k8s.apimachinery.pkg.api.resource, generated from the schema catalog by scripts/gen-api-types.mjs.
 * Do not edit: change the catalog and run `npm run gen:types`.
 */
/** A decimal or binary amount with an optional suffix, such as 500m, 2 or 1Gi. */
export type Quantity = string;
