/**
 * @module The strategic merge patch and server-side apply patch types
 * (`application/strategic-merge-patch+json`, `application/apply-patch+yaml`), plugged into the
 * PATCH handler's appliers. Both read the kind's merge schema from the registry (custom
 * resources included); strategic merge patch is refused with 415 for custom resources, as
 * kube-apiserver does.
 */
import { parse as parseYaml } from 'yaml';
import { applyConfiguration } from '../../api/fieldmanager/field-manager.js';
import { FieldSet } from '../../api/fieldmanager/field-set.js';
import { builtinMergeSchema } from '../../api/merge/catalog-schema.js';
import type { JsonObject } from '../../api/merge/json.js';
import { UNTYPED, type MergeNode } from '../../api/merge/schema.js';
import type { GroupVersionKind } from '../../api/schema/types.js';
import { failure, StatusError, statusErrors } from '../../api/status.js';
import { strategicMergePatch } from '../../api/strategic-merge/merge.js';
import type { KubeObject } from '../../api/meta/object.js';
import type { ResourceRegistry } from '../registry/resources.js';
import type { Patcher, PatchRequest } from './patchers.js';

/** What the appliers need to know about a kind. */
export interface KindSchema {
  readonly node: MergeNode;
  /** A custom resource (CRD-defined): no strategic merge patch. */
  readonly custom: boolean;
  /** The kind has a status subresource (its main endpoint never owns status). */
  readonly hasStatus: boolean;
}

/** Looks a kind up in the registry (custom resources included), then in the catalog. */
export function registrySchemas(registry: ResourceRegistry, isCustom: (gvk: GroupVersionKind) => boolean): (gvk: GroupVersionKind) => KindSchema {
  return (gvk) => {
    const served = registry.byKind(gvk.group, gvk.version, gvk.kind);
    if (served) return { node: served.store.mergeNode(), custom: isCustom(gvk), hasStatus: served.store.strategy.hasStatus };
    return { node: builtinMergeSchema().forKind(gvk.group, gvk.version, gvk.kind) ?? UNTYPED, custom: false, hasStatus: false };
  };
}

const apiVersionOf = (g: GroupVersionKind) => (g.group ? `${g.group}/${g.version}` : g.version);

function parseJsonObject(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch (e) {
    throw statusErrors.badRequest(`error decoding patch: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** strategic merge patch: built-in kinds only. */
export function strategicPatcher(schemas: (gvk: GroupVersionKind) => KindSchema): Patcher {
  return {
    createsMissing: false,
    apply(current: KubeObject | undefined, req: PatchRequest) {
      const k = schemas(req.gvk);
      if (k.custom) {
        throw new StatusError(failure(415, 'UnsupportedMediaType', 'the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml'));
      }
      return strategicMergePatch(current, parseJsonObject(req.body), k.node);
    },
  };
}

/** server-side apply: creates a missing object, merges, tracks ownership, reports conflicts. */
export function applyPatcher(schemas: (gvk: GroupVersionKind) => KindSchema): Patcher {
  return {
    createsMissing: true,
    apply(current: KubeObject | undefined, req: PatchRequest) {
      let config: unknown;
      try {
        // A JSON body is YAML too.
        config = parseYaml(req.body.toString('utf8'), { version: '1.1', uniqueKeys: false });
      } catch (e) {
        throw statusErrors.badRequest(`error decoding patch: ${e instanceof Error ? e.message : String(e)}`);
      }
      if (config === null || typeof config !== 'object' || Array.isArray(config)) throw statusErrors.badRequest('error decoding patch: the patch is not an object');
      const k = schemas(req.gvk);
      const resetFields = req.subresource === 'status' ? FieldSet.of([{ field: 'spec' }])
        : k.hasStatus && !req.subresource ? FieldSet.of([{ field: 'status' }]) : undefined;
      const meta = (config as { metadata?: { name?: unknown; namespace?: unknown } }).metadata;
      const objectName = `${typeof meta?.namespace === 'string' ? meta.namespace : ''}/${typeof meta?.name === 'string' ? meta.name : ''}`;
      return applyConfiguration(current as JsonObject | undefined, config as JsonObject, req.fieldManager ?? '', {
        node: k.node, apiVersion: apiVersionOf(req.gvk), kind: req.gvk.kind, force: req.force ?? false, objectName,
        ...(req.subresource ? { subresource: req.subresource } : {}), ...(resetFields ? { resetFields } : {}),
      });
    },
  };
}

/** Both appliers, keyed by the PATCH handler's patch type names. */
export function applyPatchers(schemas: (gvk: GroupVersionKind) => KindSchema): Map<string, Patcher> {
  return new Map([['strategic', strategicPatcher(schemas)], ['apply', applyPatcher(schemas)]]);
}
