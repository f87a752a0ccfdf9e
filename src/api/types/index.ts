/**
 * @module Types of every catalog package, one namespace each, generated from the schema catalog by scripts/gen-api-types.mjs.
 * Do not edit: change the catalog and run `npm run gen:types`.
 */
export type * as admissionregistrationV1 from './admissionregistration-v1.js';
export type * as apiextensionsV1 from './apiextensions-v1.js';
export type * as apiregistrationV1 from './apiregistration-v1.js';
export type * as appsV1 from './apps-v1.js';
export type * as authenticationV1 from './authentication-v1.js';
export type * as authorizationV1 from './authorization-v1.js';
export type * as autoscalingV1 from './autoscaling-v1.js';
export type * as autoscalingV2 from './autoscaling-v2.js';
export type * as batchV1 from './batch-v1.js';
export type * as certificatesV1 from './certificates-v1.js';
export type * as coordinationV1 from './coordination-v1.js';
export type * as coreV1 from './core-v1.js';
export type * as discoveryV1 from './discovery-v1.js';
export type * as eventsV1 from './events-v1.js';
export type * as flowcontrolV1 from './flowcontrol-v1.js';
export type * as intstr from './intstr.js';
export type * as metaV1 from './meta-v1.js';
export type * as metricsV1beta1 from './metrics-v1beta1.js';
export type * as networkingV1 from './networking-v1.js';
export type * as nodeV1 from './node-v1.js';
export type * as policyV1 from './policy-v1.js';
export type * as rbacV1 from './rbac-v1.js';
export type * as resource from './resource.js';
export type * as runtime from './runtime.js';
export type * as schedulingV1 from './scheduling-v1.js';
export type * as storageV1 from './storage-v1.js';
export type * as version from './version.js';
