/** @module apimachinery (meta/v1 and friends) and core/v1: the catalog's group sources. */
import type { GroupSource } from '../../dsl.js';

export const coreGroups: readonly GroupSource[] = [];
