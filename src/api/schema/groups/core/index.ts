/** @module apimachinery (meta/v1 and friends) and core/v1: the catalog's group sources. */
import type { GroupSource } from '../../dsl.js';
import { metaV1 } from './meta.js';
import { intOrString, resourceQuantity, runtimeTypes, versionInfo } from './apimachinery-misc.js';
import { coreContainer } from './core-container.js';
import { coreProbe } from './core-probe.js';
import { coreSecurity } from './core-security.js';

export const coreGroups: readonly GroupSource[] = [
  metaV1, resourceQuantity, intOrString, runtimeTypes, versionInfo,
  coreContainer, coreProbe, coreSecurity,
];
