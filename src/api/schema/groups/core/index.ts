/** @module apimachinery (meta/v1 and friends) and core/v1: the catalog's group sources. */
import type { GroupSource } from '../../dsl.js';
import { metaV1 } from './meta.js';
import { intOrString, resourceQuantity, runtimeTypes, versionInfo } from './apimachinery-misc.js';

export const coreGroups: readonly GroupSource[] = [
  metaV1, resourceQuantity, intOrString, runtimeTypes, versionInfo,
];
