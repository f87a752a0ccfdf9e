/**
 * @module Serving one CRD version: a store over the CRD's storage (shared by all its versions,
 * with apiVersion rewritten on the way in and out: None conversion), the custom strategy, the
 * status and scale subresources, and the printer of its additionalPrinterColumns.
 */
import type { KubeObject } from '../../api/meta/object.js';
import { cloneJson } from '../../api/meta/object.js';
import type { JsonObject } from '../../api/merge/json.js';
import { convertNone, type CustomVersion } from '../../api/apiextensions/crd-resources.js';
import { mergeNodeFor } from '../../api/apiextensions/merge-schema.js';
import { customResourcePrinter } from '../../api/apiextensions/printer-columns.js';
import { scaleOf, withScale, type ScaleSpec } from '../../api/apiextensions/scale.js';
import { statusErrors } from '../../api/status.js';
import { fieldErrors, invalidError } from '../../api/validation/field-errors.js';
import type { Backend } from '../../datastore/backend.js';
import { Store } from '../registry/generic/store.js';
import type { ServedResource, Subresource } from '../registry/resources.js';
import { statusSubresource } from '../registry/subresources.js';
import { convertingCodec, jsonCodec } from '../storage/codec.js';
import { resourcePrefix } from '../storage/keys.js';
import { CustomResourceStrategy, CustomStatusStrategy } from './custom-strategy.js';

/** The served resource of one version; `storage` names the version objects are stored at. */
export function servedCustomVersion(backend: Backend, v: CustomVersion, opts: { storage: string; historyLimit?: number }): ServedResource {
  const { group, version, plural } = v.def;
  const strategy = new CustomResourceStrategy(v);
  const codec = convertingCodec(jsonCodec,
    (o) => convertNone(o as JsonObject, group, opts.storage) as KubeObject,
    (o) => convertNone(o as JsonObject, group, version) as KubeObject);
  const store = new Store({
    backend, resource: v.def, strategy, codec, mergeNode: mergeNodeFor(v.schema),
    prefix: resourcePrefix(group, plural), ...(opts.historyLimit ? { historyLimit: opts.historyLimit } : {}),
  });
  const subresources = new Map<string, Subresource>();
  if (v.hasStatus) subresources.set('status', statusSubresource(store, new CustomStatusStrategy(strategy)));
  if (v.scale) subresources.set('scale', customScale(store, v.scale));
  const printer = customResourcePrinter(v.columns);
  return { def: v.def, store, subresources, printer };
}

/** /scale of a custom resource, over the CRD's replica paths. */
function customScale(store: Store, spec: ScaleSpec): Subresource {
  const r = store.resource;
  return {
    kind: { group: 'autoscaling', version: 'v1', kind: 'Scale' },
    get: async (ctx, name) => scaleOf(await store.get(ctx, name) as JsonObject, spec) as KubeObject,
    update: async (ctx, name, apply, opts) => {
      const out = await store.update(ctx, name, async (prev) => {
        if (!prev) throw statusErrors.notFound({ resource: r.plural, group: r.group }, name);
        const scale = await apply(scaleOf(prev as JsonObject, spec) as KubeObject);
        const replicas = (scale as { spec?: { replicas?: unknown } }).spec?.replicas;
        if (typeof replicas !== 'number' || !Number.isInteger(replicas) || replicas < 0) {
          throw invalidError('Scale', 'autoscaling', name, [fieldErrors.invalid('spec.replicas', replicas ?? null, 'must be greater than or equal to 0')]);
        }
        const next = withScale(cloneJson(prev) as JsonObject, scale, spec) as KubeObject;
        if (scale.metadata.resourceVersion) next.metadata.resourceVersion = scale.metadata.resourceVersion;
        return next;
      }, opts);
      return { obj: scaleOf(out.obj as JsonObject, spec) as KubeObject, created: false };
    },
  };
}
