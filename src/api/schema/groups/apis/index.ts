/**
 * @module Every named API group's catalog sources (apps, batch, rbac.authorization.k8s.io, ...),
 * one file per group-version, in the order Kubernetes lists the groups in discovery.
 */
import type { GroupSource } from '../../dsl.js';
import { admissionregistrationV1 } from './admissionregistration-v1.js';
import { apiextensionsV1 } from './apiextensions-v1.js';
import { apiregistrationV1 } from './apiregistration-v1.js';
import { appsV1 } from './apps-v1.js';
import { authenticationV1 } from './authentication-v1.js';
import { authorizationV1 } from './authorization-v1.js';
import { autoscalingV1 } from './autoscaling-v1.js';
import { autoscalingV2 } from './autoscaling-v2.js';
import { batchV1 } from './batch-v1.js';
import { certificatesV1 } from './certificates-v1.js';
import { coordinationV1 } from './coordination-v1.js';
import { discoveryV1 } from './discovery-v1.js';
import { eventsV1 } from './events-v1.js';
import { flowcontrolV1 } from './flowcontrol-v1.js';
import { metricsV1beta1 } from './metrics-v1beta1.js';
import { networkingV1 } from './networking-v1.js';
import { nodeV1 } from './node-v1.js';
import { policyV1 } from './policy-v1.js';
import { rbacV1 } from './rbac-v1.js';
import { schedulingV1 } from './scheduling-v1.js';
import { storageV1 } from './storage-v1.js';

export const apiGroups: readonly GroupSource[] = [
  apiregistrationV1, appsV1, eventsV1, authenticationV1, authorizationV1, autoscalingV2, autoscalingV1, batchV1,
  certificatesV1, networkingV1, policyV1, rbacV1, storageV1, admissionregistrationV1,
  apiextensionsV1, schedulingV1, coordinationV1, nodeV1, discoveryV1, flowcontrolV1,
  metricsV1beta1,
];
