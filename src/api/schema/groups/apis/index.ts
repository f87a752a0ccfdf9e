/** @module Every named API group's catalog sources (apps, batch, rbac.authorization.k8s.io, ...). */
import type { GroupSource } from '../../dsl.js';

export const apiGroups: readonly GroupSource[] = [];
