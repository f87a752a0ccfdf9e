/**
 * @module The API server's request pipeline, plugged into the HTTPS listener: parse the path,
 * authorize, then discovery, OpenAPI, or a resource verb on the addressed store (or one of its
 * subresources, or a connect handler for streaming subresources). Every failure leaves as a
 * Status with the right code; nothing a client sends can crash the server.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { statusErrors, StatusError } from '../../api/status.js';
import { logger } from '../../base/log.js';
import { AdmissionChain } from '../admission/admission.js';
import { type AuthorizationAttributes, type Authorizer, alwaysAllow, forbiddenMessage } from '../authorization/authorizer.js';
import { DiscoveryHandler } from '../discovery/handler.js';
import type { UserInfo } from '../registry/rest/context.js';
import type { ApiHandler, RequestContext as HttpRequestContext } from '../http/handler.js';
import type { ResourceRegistry, ServedResource } from '../registry/resources.js';
import { type ApiCall, type ApiEnv } from './call.js';
import { type BodyCodec, basicCodec } from './codec.js';
import { deleteCollection, deleteObject } from './handlers/delete.js';
import { patchObject } from './handlers/patch.js';
import { getObject, listCollection } from './handlers/read.js';
import { serveSubresource } from './handlers/subresource.js';
import { watchCollection } from './handlers/watch.js';
import { createObject, updateObject } from './handlers/write.js';
import { type Patcher, builtinPatchers } from './patchers.js';
import { type ResourceRequest, parseRequestInfo } from './request-info.js';
import { writeError } from './respond.js';
import { InflightLimiter } from './inflight.js';
import type { AuditRecord, Auditor } from '../audit/auditor.js';

const log = logger('apiserver');

/** Warnings kube-apiserver 1.33 adds to every request for a deprecated resource. */
const DEPRECATED: Readonly<Record<string, string>> = {
  '/v1/endpoints': 'v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice',
  '/v1/componentstatuses': 'v1 ComponentStatus is deprecated in v1.19+',
};

const LONG_RUNNING = new Set(['log', 'exec', 'attach', 'portforward', 'proxy']);

/** A handler for a streaming subresource (log, exec, attach, portforward, proxy). */
export type ConnectHandler = (call: ApiCall) => Promise<void>;

/** Non-resource paths the server also serves (OpenAPI documents, ...); returns false when not its path. */
export type PathHandler = (req: IncomingMessage, res: ServerResponse, path: string, query: URLSearchParams) => boolean | Promise<boolean>;

export interface ApiHandlerOptions {
  readonly registry: ResourceRegistry;
  readonly codec?: BodyCodec;
  readonly admission?: AdmissionChain;
  readonly authorizer?: Authorizer;
  /** Extra patch appliers (strategic, apply) by patch type. */
  readonly patchers?: ReadonlyMap<string, Patcher>;
  /** Connect handlers by `group/resource/subresource`. */
  readonly connectors?: ReadonlyMap<string, ConnectHandler>;
  /** Non-resource paths, tried in order (OpenAPI). */
  readonly paths?: readonly PathHandler[];
  /** --max-requests-inflight / --max-mutating-requests-inflight (400 / 200). */
  readonly maxInflight?: { readonly reading: number; readonly mutating: number };
  /** Writes audit events for the requests its policy selects. */
  readonly auditor?: Auditor;
}

/** A list or watch pinned to one name by `metadata.name=<n>` is authorized as that name (RequestInfoFactory does the same). */
function selectedName(verb: string, fieldSelector: string | undefined): string {
  if (!fieldSelector || (verb !== 'list' && verb !== 'watch')) return '';
  for (const term of fieldSelector.split(',')) {
    const m = /^\s*metadata\.name\s*==?\s*(.*?)\s*$/.exec(term);
    if (m) return m[1] ?? '';
  }
  return '';
}

/** A request URL's path and query. */
function splitUrl(url: string): { path: string; query: URLSearchParams } {
  const qi = url.indexOf('?');
  return { path: qi < 0 ? url : url.slice(0, qi), query: new URLSearchParams(qi < 0 ? '' : url.slice(qi + 1)) };
}

const isWatch = (query: URLSearchParams): boolean => query.get('watch') === 'true' || query.get('watch') === '1';

export class ApiRequestHandler implements ApiHandler {
  readonly env: ApiEnv;
  private readonly authorizer: Authorizer;
  private readonly discovery: DiscoveryHandler;
  private readonly connectors: ReadonlyMap<string, ConnectHandler>;
  private readonly paths: readonly PathHandler[];
  private readonly inflight: InflightLimiter;
  private readonly auditor: Auditor | undefined;

  constructor(o: ApiHandlerOptions) {
    this.auditor = o.auditor;
    this.inflight = new InflightLimiter(o.maxInflight?.reading, o.maxInflight?.mutating);
    const patchers = builtinPatchers();
    for (const [k, v] of o.patchers ?? []) patchers.set(k, v);
    this.env = { registry: o.registry, codec: o.codec ?? basicCodec, admission: o.admission ?? new AdmissionChain(), patchers };
    this.authorizer = o.authorizer ?? alwaysAllow;
    this.discovery = new DiscoveryHandler(o.registry);
    this.connectors = o.connectors ?? new Map();
    this.paths = o.paths ?? [];
  }

  /** Serves one request for an authenticated user (the ApiHandler contract of the listener). */
  async handle(req: IncomingMessage, res: ServerResponse, rc: HttpRequestContext): Promise<void> {
    const { user, signal } = rc;
    const url = req.url ?? '/';
    const { path, query } = splitUrl(url);
    const warnings: string[] = [];
    let release: (() => void) | undefined;
    let audit: AuditRecord | undefined;
    try {
      const method = req.method ?? 'GET';
      const info = parseRequestInfo(method, path, isWatch(query));
      audit = this.beginAudit(req, res, user, info, path, query);
      // Long-running requests (watches, streams) do not take an in-flight slot.
      const longRunning = info.kind === 'resource' && (info.verb === 'watch' || LONG_RUNNING.has(info.subresource));
      if (!longRunning) release = this.inflight.acquire(method, user.groups);
      if (info.kind === 'badMethod') throw statusErrors.methodNotAllowed();
      if (info.kind === 'resource') {
        await this.serveResource(req, res, info, query, user, signal, warnings, audit?.annotations);
        // A watch goes on streaming: its response has started.
        if (info.verb === 'watch' && res.headersSent && !res.writableEnded) audit?.started(res.statusCode);
        return;
      }
      await this.authorize({ user, verb: method.toLowerCase(), resourceRequest: false, namespace: '', apiGroup: '', apiVersion: '', resource: '', subresource: '', name: '', path }, audit?.annotations);
      if (info.kind !== 'other' && method !== 'GET' && method !== 'HEAD') throw statusErrors.methodNotAllowed();
      switch (info.kind) {
        case 'api': case 'apis': this.discovery.serveRoot(req, res, info.kind); return;
        case 'group': this.discovery.serveGroup(req, res, info.group); return;
        case 'groupVersion': this.discovery.serveGroupVersion(req, res, info.group, info.version); return;
        default:
          for (const p of this.paths) if (await p(req, res, path, query)) return;
          throw statusErrors.pathNotFound();
      }
    } catch (e) {
      if (!(e instanceof StatusError)) log.error(`${req.method ?? ''} ${url}: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
      writeError(res, e, warnings);
    } finally {
      release?.();
    }
  }

  /** Audits a request refused before it got here (no credentials the listener accepts): 401, no user. */
  auditUnauthenticated(req: IncomingMessage, res: ServerResponse): void {
    if (!this.auditor) return;
    const { path, query } = splitUrl(req.url ?? '/');
    this.beginAudit(req, res, { name: '', groups: [] }, parseRequestInfo(req.method ?? 'GET', path, isWatch(query)), path, query);
  }

  /** Starts the audit record of a request, ended when its response closes. */
  private beginAudit(req: IncomingMessage, res: ServerResponse, user: UserInfo, info: ReturnType<typeof parseRequestInfo>, path: string, query: URLSearchParams): AuditRecord | undefined {
    return this.auditor?.begin(req, res, {
      verb: info.kind === 'resource' ? info.verb : (req.method ?? 'GET').toLowerCase(), user, path,
      ...(info.kind === 'resource' ? { objectRef: {
        resource: info.resource, subresource: info.subresource, namespace: info.namespace,
        name: info.name || selectedName(info.verb, query.get('fieldSelector') ?? undefined), apiGroup: info.group, apiVersion: info.version,
      } } : {}),
    });
  }

  private async authorize(a: AuthorizationAttributes, auditAnnotations?: Record<string, string>): Promise<void> {
    const d = await this.authorizer.authorize(a);
    if (auditAnnotations) {
      auditAnnotations['authorization.k8s.io/decision'] = d.allowed ? 'allow' : 'forbid';
      auditAnnotations['authorization.k8s.io/reason'] = d.reason ?? '';
    }
    if (d.allowed) return;
    const msg = forbiddenMessage(a, d.reason);
    if (!a.resourceRequest) throw new StatusError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: msg, reason: 'Forbidden', details: {}, code: 403 });
    throw statusErrors.forbidden({ resource: a.resource, group: a.apiGroup }, a.name, msg.slice(msg.indexOf('is forbidden: ') + 'is forbidden: '.length));
  }

  private resolve(info: ResourceRequest): ServedResource {
    const served = this.env.registry.get(info.group, info.version, info.resource);
    if (!served) throw statusErrors.pathNotFound();
    const def = served.def;
    // A namespace in the URL of a cluster-scoped resource is not a route.
    if (!def.namespaced && info.namespace) throw statusErrors.pathNotFound();
    if (def.namespaced && !info.namespace && info.name) throw statusErrors.pathNotFound();
    return served;
  }

  private async serveResource(req: IncomingMessage, res: ServerResponse, info: ResourceRequest, query: URLSearchParams, user: UserInfo, signal: AbortSignal, warnings: string[], auditAnnotations: Record<string, string> | undefined): Promise<void> {
    const served = this.resolve(info);
    const def = served.def;
    const fieldSelector = query.get('fieldSelector') ?? undefined;
    await this.authorize({
      user, verb: info.verb, resourceRequest: true, namespace: info.namespace, apiGroup: info.group, apiVersion: info.version,
      resource: info.resource, subresource: info.subresource, name: info.name || selectedName(info.verb, fieldSelector), path: req.url ?? '',
      ...(fieldSelector ? { fieldSelector } : {}),
    }, auditAnnotations);
    const deprecation = DEPRECATED[`${def.group}/${def.version}/${def.plural}`];
    if (deprecation) warnings.push(deprecation);
    const call: ApiCall = { req, res, info, query, served, user, signal, env: this.env, warnings, auditAnnotations };
    if (info.subresource) {
      const sub = served.subresources.get(info.subresource);
      if (sub) return serveSubresource(call, sub);
      const connect = this.connectors.get(`${info.group}/${info.resource}/${info.subresource}`);
      if (connect) return connect(call);
      if (def.subresources?.some((s) => s.name === info.subresource)) {
        throw statusErrors.unavailable(`the ${info.resource}/${info.subresource} subresource is not available on this server yet`);
      }
      throw statusErrors.pathNotFound();
    }
    const verbs = def.verbs as readonly string[];
    const allowed = (v: string) => verbs.includes(v);
    switch (info.verb) {
      case 'get': if (!allowed('get')) break; return getObject(call);
      case 'list': if (!allowed('list')) break; return listCollection(call);
      case 'watch': if (!allowed('watch')) break; return watchCollection(call);
      case 'create':
        if (!allowed('create') || info.name) break;
        if (def.namespaced && !info.namespace) break;
        return createObject(call);
      case 'update': if (!allowed('update') || !info.name) break; return updateObject(call);
      case 'patch': if (!allowed('patch') || !info.name) break; return patchObject(call);
      case 'delete': if (!allowed('delete')) break; return deleteObject(call);
      case 'deletecollection':
        if (!allowed('deletecollection') || (def.namespaced && !info.namespace)) break;
        return deleteCollection(call);
    }
    throw statusErrors.methodNotAllowed();
  }
}
