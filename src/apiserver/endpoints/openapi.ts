/**
 * @module /openapi/v2 and /openapi/v3 as kube-openapi serves them: v2 as gnostic protobuf (with
 * the exact Content-Type client-go parses) or JSON by Accept; the v3 index pointing at
 * `/openapi/v3/<gv>?hash=<etag>`, each document immutable-cacheable under its current hash and
 * 301-redirected from a stale one; ETags and 304s. The documents come from a provider that is
 * asked at every request, so custom resources show up as soon as it changes.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { statusErrors } from '../../api/status.js';
import { parseAccept } from './negotiate.js';
import type { PathHandler } from './api-handler.js';

/** A rendered document and its ETag (kube-openapi: SHA-512, upper-case hex). */
export interface RenderedDocument {
  readonly body: Buffer;
  readonly etag: string;
  readonly contentType: string;
}

/** What the OpenAPI routes serve; the schema catalog's OpenAPIDocuments satisfies it. */
export interface OpenApiDocuments {
  v3Index(): RenderedDocument;
  v3(gvPath: string): RenderedDocument | undefined;
  v2Json(): RenderedDocument;
  v2Protobuf(): RenderedDocument;
}

const V2_PROTO_ACCEPT = 'application/com.github.proto-openapi.spec.v2@v1.0+protobuf';
const V2_PROTO_ACCEPT_ALT = 'application/com.github.proto-openapi.spec.v2.v1.0+protobuf';

function send(req: IncomingMessage, res: ServerResponse, doc: RenderedDocument, headers: Record<string, string>): void {
  const etag = `"${doc.etag}"`;
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, { etag, ...headers });
    res.end();
    return;
  }
  res.writeHead(200, { 'content-type': doc.contentType, 'content-length': String(doc.body.length), etag, vary: 'Accept', ...headers });
  res.end(req.method === 'HEAD' ? undefined : doc.body);
}

/** Which v2 form the Accept header wants: protobuf, JSON, or none (406). */
function v2Form(accept: string | undefined): 'protobuf' | 'json' | undefined {
  const ranges = parseAccept(accept);
  if (ranges.length === 0) return 'json';
  for (const r of ranges) {
    if (r.type === V2_PROTO_ACCEPT || r.type === V2_PROTO_ACCEPT_ALT) return 'protobuf';
    if (r.type === 'application/json' || r.type === '*/*' || r.type === 'application/*') return 'json';
  }
  return undefined;
}

function v3Acceptable(accept: string | undefined): boolean {
  const ranges = parseAccept(accept);
  return ranges.length === 0 || ranges.some((r) => r.type === 'application/json' || r.type === '*/*' || r.type === 'application/*');
}

/** The PathHandler serving /openapi/v2 and /openapi/v3[/<gv>] from `docs()`. */
export function openapiPaths(docs: () => OpenApiDocuments): PathHandler {
  return (req, res, path, query) => {
    if (path === '/openapi/v2') {
      const form = v2Form(req.headers.accept);
      if (!form) throw statusErrors.notAcceptable(`only the following media types are accepted: application/json, ${V2_PROTO_ACCEPT_ALT}`);
      const d = docs();
      send(req, res, form === 'protobuf' ? d.v2Protobuf() : d.v2Json(), { 'cache-control': 'no-cache, private' });
      return true;
    }
    if (path === '/openapi/v3' || path === '/openapi/v3/') {
      if (!v3Acceptable(req.headers.accept)) throw statusErrors.notAcceptable('only the following media types are accepted: application/json');
      send(req, res, docs().v3Index(), { 'cache-control': 'no-cache, private' });
      return true;
    }
    if (!path.startsWith('/openapi/v3/')) return false;
    const gv = path.slice('/openapi/v3/'.length);
    const doc = docs().v3(gv);
    if (!doc) throw statusErrors.pathNotFound();
    if (!v3Acceptable(req.headers.accept)) throw statusErrors.notAcceptable('only the following media types are accepted: application/json');
    const hash = query.get('hash');
    if (hash === null) {
      send(req, res, doc, { 'cache-control': 'no-cache, private' });
    } else if (hash === doc.etag) {
      // A document under its own hash never changes: clients may keep it a year.
      send(req, res, doc, { 'cache-control': 'public, immutable', expires: new Date(Date.now() + 365 * 24 * 3600 * 1000).toUTCString() });
    } else {
      res.writeHead(301, { location: `/openapi/v3/${gv}?hash=${doc.etag}`, 'cache-control': 'no-cache, private', 'content-length': '0' });
      res.end();
    }
    return true;
  };
}
