/**
 * @module Every named API group's catalog sources (apps, batch, rbac.authorization.k8s.io, ...).
 * A group-version is listed once every type it names resolves (core/v1 lands separately).
 */
import type { GroupSource } from '../../dsl.js';
import { autoscalingV1 } from './autoscaling-v1.js';
import { autoscalingV2 } from './autoscaling-v2.js';
import { policyV1 } from './policy-v1.js';

export const apiGroups: readonly GroupSource[] = [
  autoscalingV1, autoscalingV2, policyV1,
];
