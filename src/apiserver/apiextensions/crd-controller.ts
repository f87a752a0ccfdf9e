/**
 * @module Custom resources served from CRDs, as kube-apiserver's apiextensions controllers do:
 * every CRD (at start and on each change) gets its names checked against the other CRDs of its
 * group, its served versions registered in the resource registry (so discovery and OpenAPI follow
 * at once), and its status conditions NamesAccepted and Established set; a deleted CRD's
 * resources are unregistered and all its objects deleted.
 */
import { LabelSelector } from '../../api/labels/selector.js';
import { FieldSelector } from '../../api/fields/selector.js';
import type { KubeObject } from '../../api/meta/object.js';
import { isObject, type JsonObject } from '../../api/merge/json.js';
import { crdStatus } from '../../api/apiextensions/crd-status.js';
import { customVersions, openAPISchemas, storageVersion, type CustomVersion } from '../../api/apiextensions/crd-resources.js';
import type { OpenAPIExtra } from '../../api/schema/codecs.js';
import type { JSONSchemaProps } from '../../api/apiextensions/json-schema.js';
import type { GroupVersionKind } from '../../api/schema/types.js';
import type { Backend } from '../../datastore/backend.js';
import { logger } from '../../base/log.js';
import { watchObjects, type WatchHandle } from '../registry/generic/watch.js';
import { systemContext } from '../registry/rest/context.js';
import type { ResourceRegistry } from '../registry/resources.js';
import { listPrefix, resourcePrefix } from '../storage/keys.js';
import { servedCustomVersion } from './custom-resources.js';

interface Registered {
  /** What the registration was built from; a change re-registers. */
  readonly fingerprint: string;
  readonly versions: readonly CustomVersion[];
}

const log = logger('custom-resources');

const gvkKey = (g: { group: string; version: string; kind: string }) => `${g.group}/${g.version}/${g.kind}`;

export class CustomResourceController {
  private readonly registered = new Map<string, Registered>();
  private readonly schemas = new Map<string, JSONSchemaProps | undefined>();
  private readonly crds = new Map<string, JsonObject>();
  private queue: Promise<void> = Promise.resolve();
  private handle: WatchHandle | undefined;

  constructor(
    private readonly registry: ResourceRegistry,
    private readonly backend: Backend,
    private readonly opts: { historyLimit?: number; onOpenApi?: (extra: OpenAPIExtra) => void } = {},
  ) {}

  /** True for a kind some CRD serves. */
  isCustom(gvk: GroupVersionKind): boolean {
    return this.schemas.has(gvkKey(gvk));
  }

  /** The schema of a custom kind's version. */
  schemaFor(gvk: GroupVersionKind): JSONSchemaProps | undefined {
    return this.schemas.get(gvkKey(gvk));
  }

  /** Starts following the CRDs; resolves once the existing ones are served. */
  async start(): Promise<void> {
    const crdStore = this.registry.get('apiextensions.k8s.io', 'v1', 'customresourcedefinitions')?.store;
    if (!crdStore) return;
    this.handle = await watchObjects(crdStore, systemContext(), {
      labels: LabelSelector.everything, fields: FieldSelector.everything, allowBookmarks: true, sendInitialEvents: false,
    }, {
      send: (type, obj) => {
        const crd = obj as unknown as JsonObject;
        this.enqueue(() => this.handle_(type, crd));
        return true;
      },
      bookmark: () => true,
      end: () => undefined,
    });
    await this.idle();
  }

  /** Resolves when every queued change has been handled. */
  async idle(): Promise<void> {
    await this.queue;
  }

  stop(): void {
    this.handle?.stop();
  }

  private enqueue(fn: () => Promise<void>): void {
    this.queue = this.queue.then(fn).catch((e: unknown) => log.warn(`handling a CRD change failed: ${String(e)}`));
  }

  private async handle_(type: string, crd: JsonObject): Promise<void> {
    const name = String((crd['metadata'] as JsonObject | undefined)?.['name'] ?? '');
    if (type === 'DELETED') {
      this.crds.delete(name);
      await this.unregister(name, crd, true);
      return;
    }
    this.crds.set(name, crd);
    const others = [...this.crds.entries()].filter(([n]) => n !== name).map(([, c]) => c);
    const now = `${new Date().toISOString().slice(0, 19)}Z`;
    const status = crdStatus(crd, others, { now, served: true });
    const accepted = status.conditions.find((c) => c.type === 'NamesAccepted')?.status === 'True';
    const withNames: JsonObject = { ...crd, status: { ...(isObject(crd['status']) ? crd['status'] : {}), acceptedNames: status.acceptedNames } };
    if (accepted) this.register(name, withNames);
    await this.writeStatus(name, crd, { ...(isObject(crd['status']) ? crd['status'] : {}), acceptedNames: status.acceptedNames, conditions: status.conditions });
  }

  private register(name: string, crd: JsonObject): void {
    const versions = customVersions(crd);
    const storage = storageVersion(crd) ?? versions[0]?.def.version ?? '';
    const fingerprint = JSON.stringify([crd['spec'], (crd['status'] as JsonObject)['acceptedNames']]);
    if (this.registered.get(name)?.fingerprint === fingerprint) return;
    const before = this.registered.get(name);
    for (const v of before?.versions ?? []) {
      this.registry.remove(v.def.group, v.def.version, v.def.plural);
      this.schemas.delete(gvkKey(v.def));
    }
    for (const v of versions) {
      this.schemas.set(gvkKey(v.def), v.schema);
      this.registry.add(servedCustomVersion(this.backend, v, { storage, ...(this.opts.historyLimit ? { historyLimit: this.opts.historyLimit } : {}) }));
    }
    this.registered.set(name, { fingerprint, versions });
    this.publishOpenApi();
  }

  /** Hands the schemas and resources of every served custom version to the OpenAPI documents. */
  private publishOpenApi(): void {
    if (!this.opts.onOpenApi) return;
    const schemas = new Map<string, JsonObject>();
    const resources = [];
    for (const r of this.registered.values()) {
      for (const v of r.versions) {
        for (const [k, s] of openAPISchemas(v)) schemas.set(k, s);
        resources.push(v.def);
      }
    }
    this.opts.onOpenApi({ schemas, resources });
  }

  private async unregister(name: string, crd: JsonObject, deleteObjects: boolean): Promise<void> {
    const reg = this.registered.get(name);
    this.registered.delete(name);
    for (const v of reg?.versions ?? []) {
      this.registry.remove(v.def.group, v.def.version, v.def.plural);
      this.schemas.delete(gvkKey(v.def));
    }
    if (reg) this.publishOpenApi();
    if (!deleteObjects) return;
    // Deleting a CRD deletes every object of it (the cleanup finalizer's work upstream).
    const spec = isObject(crd['spec']) ? crd['spec'] : {};
    const names = isObject(spec['names']) ? spec['names'] : {};
    const prefix = listPrefix(resourcePrefix(String(spec['group'] ?? ''), String(names['plural'] ?? '')), '');
    const list = await this.backend.list(prefix);
    for (const kv of list.items) await this.backend.delete(kv.key).catch(() => undefined);
  }

  /** Writes the CRD's status through its status subresource when it changed. */
  private async writeStatus(name: string, crd: JsonObject, status: JsonObject): Promise<void> {
    if (JSON.stringify(crd['status']) === JSON.stringify(status)) return;
    const sub = this.registry.get('apiextensions.k8s.io', 'v1', 'customresourcedefinitions')?.subresources.get('status');
    if (!sub?.update) return;
    const ctx = { ...systemContext('', { fieldManager: 'kube-apiserver' }), subresource: 'status' };
    await sub.update(ctx, name, (current: KubeObject) => ({ ...current, status }), {}).catch((e: unknown) => {
      log.warn(`updating the status of CRD ${name} failed: ${String(e)}`);
    });
  }
}
