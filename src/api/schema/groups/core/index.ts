/** @module apimachinery (meta/v1 and friends) and core/v1: the catalog's group sources. */
import type { GroupSource } from '../../dsl.js';
import { metaV1 } from './meta.js';
import { intOrString, resourceQuantity, runtimeTypes, versionInfo } from './apimachinery-misc.js';
import { coreContainer } from './core-container.js';
import { coreContainerStatus } from './core-container-status.js';
import { coreMisc } from './core-misc.js';
import { coreNode } from './core-node.js';
import { corePod } from './core-pod.js';
import { corePolicy } from './core-policy.js';
import { coreProbe } from './core-probe.js';
import { corePv } from './core-pv.js';
import { coreResources } from './core-resources.js';
import { coreScheduling } from './core-scheduling.js';
import { coreSecurity } from './core-security.js';
import { coreService } from './core-service.js';
import { coreVolumes } from './core-volumes.js';
import { coreVolumeSources } from './core-volume-sources.js';

export const coreGroups: readonly GroupSource[] = [
  metaV1, resourceQuantity, intOrString, runtimeTypes, versionInfo,
  corePod, coreContainer, coreContainerStatus, coreProbe, coreSecurity, coreScheduling,
  coreVolumes, coreVolumeSources, corePv, coreService, coreNode, coreMisc, corePolicy,
  coreResources,
];
