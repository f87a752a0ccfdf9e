/** @module All group sources of the catalog, in registration order. */
import type { GroupSource } from '../dsl.js';
import { coreGroups } from './core/index.js';
import { apiGroups } from './apis/index.js';

export const allGroups: readonly GroupSource[] = [...coreGroups, ...apiGroups];
