/**
 * @module Types of io.k8s.apimachinery.pkg.util.intstr, generated from the schema catalog by scripts/gen-api-types.mjs.
 * Do not edit: change the catalog and run `npm run gen:types`.
 */
/** A value that is either a 32-bit integer or a string, such as a port number or a port name. */
export type IntOrString = number | string;
