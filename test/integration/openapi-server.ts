/**
 * @module A minimal HTTP server for kubectl tests of the OpenAPI documents: legacy discovery
 * (/api, /apis, /api/v1, /apis/<g>/<v>) built from the catalog's resources, and /openapi/v2 and
 * /openapi/v3 served from OpenAPIDocuments as kube-openapi serves them (ETag, hash redirects).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { OpenAPIDocuments } from '../../src/api/schema/openapi/documents.js';
import type { ResourceDef } from '../../src/api/schema/types.js';

export interface OpenAPITestServer {
  readonly url: string;
  /** Requests seen, as `METHOD path?query Accept`. */
  readonly requests: string[];
  close(): Promise<void>;
}

function discovery(docs: OpenAPIDocuments, path: string): unknown {
  const resources = docs.source.resources;
  const gvs = [...new Set(resources.filter((r) => r.group).map((r) => `${r.group}/${r.version}`))].sort();
  if (path === '/api') return { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1' }] };
  if (path === '/apis') {
    return { kind: 'APIGroupList', apiVersion: 'v1', groups: gvs.map((gv) => {
      const [group, version] = gv.split('/');
      return { name: group, versions: [{ groupVersion: gv, version }], preferredVersion: { groupVersion: gv, version } };
    }) };
  }
  const gv = path === '/api/v1' ? 'v1' : path.replace(/^\/apis\//, '');
  const served = resources.filter((r) => (r.group ? `${r.group}/${r.version}` : r.version) === gv);
  if (!served.length) return undefined;
  const entry = (r: ResourceDef) => {
    const e: Record<string, unknown> = { name: r.plural, singularName: r.singular, namespaced: r.namespaced, kind: r.kind, verbs: r.verbs };
    if (r.shortNames) e['shortNames'] = r.shortNames;
    if (r.categories) e['categories'] = r.categories;
    return e;
  };
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: gv, resources: served.map(entry) };
}

function handle(docs: OpenAPIDocuments, req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://x');
  const send = (code: number, body: Buffer | string, type: string, headers: Record<string, string> = {}) => {
    res.writeHead(code, { 'content-type': type, ...headers });
    res.end(body);
  };
  if (url.pathname === '/openapi/v2') {
    const accept = req.headers.accept ?? '';
    const r = accept.includes('protobuf') ? docs.v2Protobuf() : docs.v2Json();
    return send(200, r.body, r.contentType, { etag: `"${r.etag}"`, vary: 'Accept' });
  }
  if (url.pathname === '/openapi/v3') return send(200, docs.v3Index().body, 'application/json');
  if (url.pathname.startsWith('/openapi/v3/')) {
    const gv = url.pathname.slice('/openapi/v3/'.length);
    const r = docs.v3(gv);
    if (!r) return send(404, '{}', 'application/json');
    const hash = url.searchParams.get('hash');
    if (hash && hash !== r.etag) return send(301, '', 'text/plain', { location: `/openapi/v3/${gv}?hash=${r.etag}` });
    return send(200, r.body, 'application/json', hash ? { etag: `"${r.etag}"`, 'cache-control': 'public, immutable' } : { etag: `"${r.etag}"` });
  }
  const d = discovery(docs, url.pathname);
  if (d) return send(200, JSON.stringify(d), 'application/json');
  send(404, JSON.stringify({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', reason: 'NotFound', code: 404, message: 'the server could not find the requested resource' }), 'application/json');
}

/** Starts the server on a free loopback port. */
export async function startOpenAPIServer(docs: OpenAPIDocuments = new OpenAPIDocuments()): Promise<OpenAPITestServer> {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url} ${req.headers.accept ?? ''}`);
    req.resume();
    req.on('end', () => handle(docs, req, res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
