/**
 * @module The entry point components get: a Client over one transport, handing out typed
 * ResourceClients, plus the two ways to build one (kubeconfig over HTTPS, or in-process).
 */
import { HttpsTransport, type ConnectionConfig } from './https-transport.js';
import { InProcessTransport, type LocalHandler, type LocalUser } from './in-process-transport.js';
import { loadKubeconfig } from './kubeconfig.js';
import { ResourceClient } from './resource-client.js';
import { RestClient, type RestClientOptions } from './rest-client.js';
import type { ResourceType } from './resource-type.js';
import type { Transport } from './transport.js';
import type { KubeObject } from './types.js';

/** A connection to one API server; cheap to share between components. */
export class Client {
  private readonly cache = new Map<ResourceType, ResourceClient<KubeObject>>();
  private readonly metaCache = new Map<ResourceType, ResourceClient<KubeObject>>();

  constructor(readonly rest: RestClient) {}

  /** The verbs of one resource, typed as `T`. */
  resource<T extends KubeObject>(type: ResourceType): ResourceClient<T> {
    let rc = this.cache.get(type);
    if (!rc) {
      rc = new ResourceClient<KubeObject>(this.rest, type);
      this.cache.set(type, rc);
    }
    return rc as unknown as ResourceClient<T>;
  }

  /** Verbs that read only metadata (PartialObjectMetadata) of one resource. */
  metadata(type: ResourceType): ResourceClient<KubeObject> {
    let rc = this.metaCache.get(type);
    if (!rc) {
      rc = new ResourceClient<KubeObject>(this.rest, type, { metadataOnly: true });
      this.metaCache.set(type, rc);
    }
    return rc;
  }

  /** The same connection, announcing another User-Agent (one per controller, as kube-controller-manager does). */
  withUserAgent(userAgent: string): Client {
    return new Client(this.rest.withUserAgent(userAgent));
  }

  close(): void {
    this.rest.transport.close();
  }
}

/** A client over any transport. */
export function clientFor(transport: Transport, opts: RestClientOptions = {}): Client {
  return new Client(new RestClient(transport, opts));
}

/** A client over HTTPS for a kubeconfig file's context. */
export function clientFromKubeconfig(file: string, opts: RestClientOptions & { context?: string } = {}): Client {
  const kc = loadKubeconfig(file, opts.context !== undefined ? { context: opts.context } : {});
  return clientFor(new HttpsTransport(kc.connection), opts);
}

/** A client over HTTPS with explicit connection settings. */
export function clientForConnection(conn: ConnectionConfig, opts: RestClientOptions = {}): Client {
  return clientFor(new HttpsTransport(conn), opts);
}

/** A client that calls the API server's handler in this process, as `user`. */
export function inProcessClient(handler: LocalHandler, opts: RestClientOptions & { user?: LocalUser } = {}): Client {
  return clientFor(new InProcessTransport(handler, opts.user ? { user: opts.user } : {}), opts);
}
