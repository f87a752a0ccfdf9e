/**
 * @module The API server as a component: the served resources (from the schema catalog) on a
 * datastore, the request pipeline (the listener's ApiHandler), and the bootstrap objects.
 * `start` runs the steps in order; `stop` ends watches and caches.
 */
import type { Auditor } from './audit/auditor.js';
import type { Backend } from '../datastore/backend.js';
import { catalog } from '../api/schema/catalog.js';
import type { ResourceDef } from '../api/schema/types.js';
import { AdmissionChain } from './admission/admission.js';
import { namespaceLifecycle } from './admission/namespace-lifecycle.js';
import type { Authorizer } from './authorization/authorizer.js';
import { bootstrap } from './bootstrap.js';
import { ApiRequestHandler, type ConnectHandler, type PathHandler } from './endpoints/api-handler.js';
import type { BodyCodec } from './endpoints/codec.js';
import { catalogCodec } from './endpoints/catalog-codec.js';
import { openapiPaths } from './endpoints/openapi.js';
import { OpenAPIDocuments, type OpenAPIExtra } from '../api/schema/codecs.js';
import { GIT_VERSION } from '../base/version.js';
import type { Patcher } from './endpoints/patchers.js';
import { applyPatchers, registrySchemas } from './endpoints/apply-patchers.js';
import { CustomResourceController } from './apiextensions/crd-controller.js';
import { customResourceCodec } from './apiextensions/custom-codec.js';
import { builtinRegistry } from './registry/builtin.js';
import { ServiceIpRange } from './registry/core/allocators.js';
import type { ResourceRegistry } from './registry/resources.js';
import type { TokenReviewer } from './registry/reviews.js';
import type { ObjectCodec } from './storage/codec.js';
import { type ComponentProbe, ComponentStatusStore } from './registry/core/component-statuses.js';

export type { Auditor };

export interface ApiServerOptions {
  readonly backend: Backend;
  /** --service-cidr (the first IPv4 one). Default 10.43.0.0/16. */
  readonly serviceCidr?: string;
  /** --service-node-port-range as "30000-32767". */
  readonly nodePortRange?: string;
  /** Served resources; default every catalog resource. */
  readonly resources?: readonly ResourceDef[];
  /** The admission chain, or a function building it from the registry; default NamespaceLifecycle alone. */
  readonly admission?: AdmissionChain | ((registry: ResourceRegistry) => AdmissionChain);
  readonly authorizer?: Authorizer;
  readonly codec?: BodyCodec;
  readonly patchers?: ReadonlyMap<string, Patcher>;
  readonly connectors?: ReadonlyMap<string, ConnectHandler>;
  readonly paths?: readonly PathHandler[];
  readonly historyLimit?: number;
  /** Answers TokenReviews (the security issue's token authenticators). */
  readonly tokenReviewer?: TokenReviewer;
  /** Wraps resources' storage codecs (secrets encryption at rest). */
  readonly storageCodec?: (def: ResourceDef, prefix: string, codec: ObjectCodec) => ObjectCodec;
  /** Audits requests (--audit-policy-file and --audit-log-path). */
  readonly auditor?: Auditor;
}

/**
 * Every catalog resource the API server stores itself. metrics.k8s.io is served by the metrics
 * add-on (kube-apiserver aggregates metrics-server), never from the datastore.
 */
export function defaultResources(): ResourceDef[] {
  return catalog().resources.filter((r) => r.group !== 'metrics.k8s.io');
}

export class ApiServer {
  private constructor(
    readonly registry: ResourceRegistry,
    readonly handler: ApiRequestHandler,
    readonly kubernetesServiceIP: string,
    private readonly openapi: OpenApiState,
    readonly customResources: CustomResourceController,
  ) {}

  /** Builds the registry and the request pipeline; call bootstrap() once the listener's port is known. */
  static async start(o: ApiServerOptions): Promise<ApiServer> {
    const cidr = o.serviceCidr ?? '10.43.0.0/16';
    const [lo, hi] = (o.nodePortRange ?? '30000-32767').split('-').map(Number);
    const base = lo ?? 30000;
    const registry = builtinRegistry(o.backend, o.resources ?? defaultResources(), {
      serviceCidr: cidr, nodePortBase: base, nodePortSize: (hi ?? 32767) - base + 1, ...(o.historyLimit ? { historyLimit: o.historyLimit } : {}),
      ...(o.authorizer ? { authorizer: o.authorizer } : {}), ...(o.tokenReviewer ? { tokenReviewer: o.tokenReviewer } : {}),
      ...(o.storageCodec ? { storageCodec: o.storageCodec } : {}),
    });
    // Without a chain from the security layer, NamespaceLifecycle still guards namespaces.
    const admission = typeof o.admission === 'function' ? o.admission(registry) : o.admission ?? new AdmissionChain([], [namespaceLifecycle(registry)]);
    const docs = new OpenApiState();
    const openapi = openapiPaths(() => docs.current());
    // Custom resources come and go with their CRDs; their schemas join the OpenAPI documents.
    const crds = new CustomResourceController(registry, o.backend, {
      ...(o.historyLimit ? { historyLimit: o.historyLimit } : {}), onOpenApi: (extra) => docs.set(extra),
    });
    const isCustom = (g: { group: string; version: string; kind: string }) => crds.isCustom(g);
    const handler = new ApiRequestHandler({
      registry, admission, codec: customResourceCodec(o.codec ?? catalogCodec(), (g) => crds.schemaFor(g), isCustom),
      paths: [openapi, ...(o.paths ?? [])], ...(o.authorizer ? { authorizer: o.authorizer } : {}),
      // Strategic merge patch and server-side apply, unless the caller brings its own.
      patchers: new Map([...applyPatchers(registrySchemas(registry, isCustom)), ...(o.patchers ?? [])]),
      ...(o.connectors ? { connectors: o.connectors } : {}), ...(o.auditor ? { auditor: o.auditor } : {}),
    });
    // Namespace checks on every create read the namespaces' watch cache.
    await registry.get('', 'v1', 'namespaces')?.store.watchCache().ready();
    await crds.start();
    return new ApiServer(registry, handler, new ServiceIpRange(cidr).at(1), docs, crds);
  }

  /** Reports a component (scheduler, controller-manager) in `kubectl get componentstatuses`. */
  registerComponent(name: string, probe: ComponentProbe): void {
    const store = this.registry.get('', 'v1', 'componentstatuses')?.store;
    if (store instanceof ComponentStatusStore) store.register(name, probe);
  }

  /**
   * Serves extra OpenAPI schemas and resources beside the catalog's (custom resources): the
   * next /openapi request sees them, under new hashes.
   */
  setOpenApiExtra(extra: OpenAPIExtra): void {
    this.openapi.set(extra);
  }

  /**
   * Creates the objects every cluster starts with (system namespaces, the `kubernetes` Service
   * and its endpoints at `advertiseAddress`:`securePort`). Idempotent; run at every start.
   */
  bootstrap(o: { advertiseAddress: string; securePort: number }): Promise<void> {
    return bootstrap(this.registry, { kubernetesServiceIP: this.kubernetesServiceIP, ...o });
  }

  stop(): void {
    this.customResources.stop();
    this.registry.stop();
  }
}

/** The OpenAPI documents served now: the catalog's plus the current extras, rendered lazily. */
class OpenApiState {
  private docs: OpenAPIDocuments | undefined;
  private extra: OpenAPIExtra | undefined;

  current(): OpenAPIDocuments {
    this.docs ??= new OpenAPIDocuments(undefined, { version: GIT_VERSION, ...(this.extra ? { extra: this.extra } : {}) });
    return this.docs;
  }

  set(extra: OpenAPIExtra): void {
    this.extra = extra;
    this.docs = undefined;
  }
}
