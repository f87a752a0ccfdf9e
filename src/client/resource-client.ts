/**
 * @module Typed verbs on one resource: get, list (one page or all), create, update,
 * updateStatus, patch, delete, deleteCollection, watch and subresource calls. Each call takes
 * its namespace and AbortSignal in the options object.
 */
import { ConfigError } from '../base/errors.js';
import type { RestClient } from './rest-client.js';
import { apiVersionOf, resourcePath, withQuery, type ResourceType } from './resource-type.js';
import type { KubeList, KubeObject, WatchEvent } from './types.js';
import { decodeWatch, watchObjects } from './watch-decoder.js';
import { TransportError } from './errors.js';

export interface CallOptions {
  readonly namespace?: string | undefined;
  readonly signal?: AbortSignal | undefined;
}

export interface WriteOptions extends CallOptions {
  readonly dryRun?: boolean;
  readonly fieldManager?: string;
}

export interface ListOptions extends CallOptions {
  readonly labelSelector?: string | undefined;
  readonly fieldSelector?: string | undefined;
  readonly resourceVersion?: string | undefined;
  readonly resourceVersionMatch?: 'NotOlderThan' | 'Exact' | undefined;
  readonly limit?: number | undefined;
  readonly continue?: string | undefined;
}

export interface WatchOptions extends CallOptions {
  readonly labelSelector?: string | undefined;
  readonly fieldSelector?: string | undefined;
  readonly resourceVersion?: string | undefined;
  readonly allowWatchBookmarks?: boolean | undefined;
  readonly timeoutSeconds?: number | undefined;
  readonly sendInitialEvents?: boolean | undefined;
}

export type PatchType = 'merge' | 'json' | 'strategic' | 'apply';

const PATCH_CONTENT: Readonly<Record<PatchType, string>> = {
  merge: 'application/merge-patch+json',
  json: 'application/json-patch+json',
  strategic: 'application/strategic-merge-patch+json',
  apply: 'application/apply-patch+yaml',
};

export interface PatchOptions extends WriteOptions {
  readonly type: PatchType;
  readonly subresource?: string;
  readonly force?: boolean;
}

export interface DeleteOptions extends CallOptions {
  readonly propagationPolicy?: 'Background' | 'Foreground' | 'Orphan';
  readonly gracePeriodSeconds?: number;
  readonly preconditions?: { readonly uid?: string; readonly resourceVersion?: string };
  readonly dryRun?: boolean;
}

/** Accept headers asking for metadata only (what the garbage collector and namespace controller need). */
const METADATA_LIST = 'application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1,application/json';
const METADATA_ONE = 'application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1,application/json';

/** Verbs on one resource type; `T` is the kind's object shape. */
export class ResourceClient<T extends KubeObject> {
  /**
   * With `metadataOnly`, get, list and watch return PartialObjectMetadata (apiVersion, kind and
   * metadata only), which is much cheaper for components that look at nothing else.
   */
  constructor(readonly rest: RestClient, readonly type: ResourceType, private readonly opts: { metadataOnly?: boolean } = {}) {}

  private path(ns: string | undefined, name?: string, sub?: string): string {
    if (this.type.namespaced && name !== undefined && !ns) {
      throw new ConfigError(`${this.type.resource} "${name}": a namespace is required`);
    }
    return resourcePath(this.type, { namespace: this.type.namespaced ? ns : undefined, name, subresource: sub });
  }

  private nsOf(obj: KubeObject, opts: CallOptions): string | undefined {
    return opts.namespace ?? obj.metadata.namespace;
  }

  async get(name: string, opts: CallOptions & { resourceVersion?: string } = {}): Promise<T> {
    return asObject<T>(await this.rest.json({
      method: 'GET', path: withQuery(this.path(opts.namespace, name), { resourceVersion: opts.resourceVersion }), signal: opts.signal,
      accept: this.opts.metadataOnly ? METADATA_ONE : undefined,
    }));
  }

  /** One page (or the whole list when the server ignores `limit`). */
  async list(opts: ListOptions = {}): Promise<KubeList<T>> {
    const q = {
      labelSelector: opts.labelSelector, fieldSelector: opts.fieldSelector, resourceVersion: opts.resourceVersion,
      resourceVersionMatch: opts.resourceVersionMatch, limit: opts.limit, continue: opts.continue,
    };
    return asList<T>(await this.rest.json({ method: 'GET', path: withQuery(this.path(opts.namespace), q), signal: opts.signal, accept: this.opts.metadataOnly ? METADATA_LIST : undefined }));
  }

  /** Every page, read at the first page's snapshot; the result carries that resourceVersion. */
  async listAll(opts: ListOptions = {}): Promise<KubeList<T>> {
    const first = await this.list(opts);
    let cont = first.metadata.continue;
    while (cont) {
      const page = await this.list({ ...opts, continue: cont, resourceVersion: undefined, resourceVersionMatch: undefined });
      first.items.push(...page.items);
      cont = page.metadata.continue;
    }
    const meta = { ...first.metadata };
    delete meta.continue;
    delete meta.remainingItemCount;
    return { ...first, metadata: meta };
  }

  async create(obj: T, opts: WriteOptions = {}): Promise<T> {
    const body = { apiVersion: apiVersionOf(this.type), kind: this.type.kind, ...obj };
    const path = withQuery(this.path(this.nsOf(obj, opts)), writeQuery(opts));
    return asObject<T>(await this.rest.json({ method: 'POST', path, body, signal: opts.signal }));
  }

  /** PUT of the whole object; a stale `metadata.resourceVersion` gets ConflictError. */
  async update(obj: T, opts: WriteOptions = {}): Promise<T> {
    return this.put(obj, undefined, opts);
  }

  /** PUT to `/status`: only `.status` changes. */
  async updateStatus(obj: T, opts: WriteOptions = {}): Promise<T> {
    return this.put(obj, 'status', opts);
  }

  private async put(obj: T, sub: string | undefined, opts: WriteOptions): Promise<T> {
    const body = { apiVersion: apiVersionOf(this.type), kind: this.type.kind, ...obj };
    const path = withQuery(this.path(this.nsOf(obj, opts), obj.metadata.name ?? '', sub), writeQuery(opts));
    return asObject<T>(await this.rest.json({ method: 'PUT', path, body, signal: opts.signal }));
  }

  async patch(name: string, patch: unknown, opts: PatchOptions): Promise<T> {
    const q = { ...writeQuery(opts), force: opts.force };
    const path = withQuery(this.path(opts.namespace, name, opts.subresource), q);
    return asObject<T>(await this.rest.json({ method: 'PATCH', path, body: patch, contentType: PATCH_CONTENT[opts.type], signal: opts.signal }));
  }

  /** Deletes one object; returns what the server answered (the object, or a Status). */
  async delete(name: string, opts: DeleteOptions = {}): Promise<unknown> {
    return this.rest.json({ method: 'DELETE', path: this.path(opts.namespace, name), body: deleteBody(opts), signal: opts.signal });
  }

  async deleteCollection(opts: DeleteOptions & ListOptions = {}): Promise<unknown> {
    const q = { labelSelector: opts.labelSelector, fieldSelector: opts.fieldSelector };
    return this.rest.json({ method: 'DELETE', path: withQuery(this.path(opts.namespace), q), body: deleteBody(opts), signal: opts.signal });
  }

  /** GET of a subresource (`scale`, `status`). */
  async getSubresource(name: string, sub: string, opts: CallOptions = {}): Promise<unknown> {
    return this.rest.json({ method: 'GET', path: this.path(opts.namespace, name, sub), signal: opts.signal });
  }

  /** POST to a subresource (`binding`, `eviction`) or PUT (`scale`, `finalize`). */
  async writeSubresource(name: string, sub: string, opts: WriteOptions & { body: unknown; method?: 'POST' | 'PUT' }): Promise<unknown> {
    const path = withQuery(this.path(opts.namespace, name, sub), writeQuery(opts));
    return this.rest.json({ method: opts.method ?? 'POST', path, body: opts.body, signal: opts.signal });
  }

  /**
   * Opens a watch. Resolves once the server accepted it (errors such as 410 are thrown here);
   * the iterable then yields events until the server ends the stream or the signal aborts.
   */
  async watch(opts: WatchOptions = {}): Promise<AsyncIterable<WatchEvent<T>>> {
    const q = {
      watch: 'true', labelSelector: opts.labelSelector, fieldSelector: opts.fieldSelector, resourceVersion: opts.resourceVersion,
      allowWatchBookmarks: opts.allowWatchBookmarks, timeoutSeconds: opts.timeoutSeconds,
      sendInitialEvents: opts.sendInitialEvents, resourceVersionMatch: opts.sendInitialEvents ? 'NotOlderThan' : undefined,
    };
    const res = await this.rest.send({
      method: 'GET', path: withQuery(this.path(opts.namespace), q), signal: opts.signal, stream: true,
      accept: this.opts.metadataOnly ? METADATA_LIST : undefined,
    });
    return res.events ? watchObjects<T>(res.events) : decodeWatch<T>(res.body);
  }
}

function writeQuery(opts: WriteOptions): Record<string, string | undefined> {
  return { dryRun: opts.dryRun ? 'All' : undefined, fieldManager: opts.fieldManager };
}

function deleteBody(opts: DeleteOptions): Record<string, unknown> {
  const b: Record<string, unknown> = { kind: 'DeleteOptions', apiVersion: 'v1' };
  if (opts.propagationPolicy) b['propagationPolicy'] = opts.propagationPolicy;
  if (opts.gracePeriodSeconds !== undefined) b['gracePeriodSeconds'] = opts.gracePeriodSeconds;
  if (opts.preconditions) b['preconditions'] = opts.preconditions;
  if (opts.dryRun) b['dryRun'] = ['All'];
  return b;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function asObject<T extends KubeObject>(v: unknown): T {
  if (!isRecord(v) || !isRecord(v['metadata'])) throw new TransportError('the server answered with something that is not an object');
  return v as unknown as T;
}

function asList<T extends KubeObject>(v: unknown): KubeList<T> {
  if (!isRecord(v) || !Array.isArray(v['items'])) throw new TransportError('the server answered with something that is not a list');
  if (!isRecord(v['metadata'])) v['metadata'] = {};
  return v as unknown as KubeList<T>;
}
