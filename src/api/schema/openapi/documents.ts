/**
 * @module The served OpenAPI documents, rendered once and cached as bytes with their ETags: the
 * v3 index and per-group-version documents, and v2 as JSON and as gnostic protobuf. The API
 * server mounts these on /openapi/v3, /openapi/v3/<gv>?hash=<etag> and /openapi/v2. Build a new
 * instance (withExtra) when custom resources change; hashes change with the content.
 */
import { createHash } from 'node:crypto';
import { catalog as builtinCatalog, type Catalog } from '../catalog.js';
import { gnosticDocument, OPENAPI_V2_PROTOBUF } from './gnostic.js';
import type { Json } from './schemas.js';
import { OpenAPISource, type OpenAPIExtra, type OpenAPIOptions } from './source.js';
import { groupVersionPaths, openapiV3Document, openapiV3Index } from './v3.js';
import { openapiV2Document } from './v2.js';

export { OPENAPI_V2_PROTOBUF } from './gnostic.js';

/** A rendered document. */
export interface Rendered {
  readonly body: Buffer;
  /** Upper-case hex SHA-512 of the body, as kube-openapi computes its ETag and v3 hash. */
  readonly etag: string;
  readonly contentType: string;
}

/** The ETag kube-openapi gives a document: SHA-512 of its bytes in upper-case hex. */
export function etagOf(body: Uint8Array): string {
  return createHash('sha512').update(body).digest('hex').toUpperCase();
}

function render(body: Buffer, contentType: string): Rendered {
  return { body, etag: etagOf(body), contentType };
}

const json = (doc: Json) => render(Buffer.from(JSON.stringify(doc)), 'application/json');

/** Every OpenAPI document of a catalog (plus extras), rendered lazily and cached. */
export class OpenAPIDocuments {
  readonly source: OpenAPISource;
  private readonly v3Docs = new Map<string, Rendered | null>();
  private v3IndexDoc: Rendered | undefined;
  private v2JsonDoc: Rendered | undefined;
  private v2ProtoDoc: Rendered | undefined;

  constructor(readonly catalog: Catalog = builtinCatalog(), private readonly opts: OpenAPIOptions = {}) {
    this.source = new OpenAPISource(catalog, opts);
  }

  /** The same documents with other extras (custom resources). */
  withExtra(extra: OpenAPIExtra): OpenAPIDocuments {
    return new OpenAPIDocuments(this.catalog, { ...this.opts, extra });
  }

  /** Group-version paths served under /openapi/v3/ (`api/v1`, `apis/apps/v1`, ...). */
  groupVersions(): string[] {
    return groupVersionPaths(this.source);
  }

  /** `/openapi/v3/<gvPath>`; undefined for a group-version that is not served. */
  v3(gvPath: string): Rendered | undefined {
    let r = this.v3Docs.get(gvPath);
    if (r === undefined) {
      const doc = openapiV3Document(this.source, gvPath);
      r = doc ? json(doc) : null;
      this.v3Docs.set(gvPath, r);
    }
    return r ?? undefined;
  }

  /** `/openapi/v3`: the index, each entry pointing at `?hash=<etag>` of its document. */
  v3Index(): Rendered {
    this.v3IndexDoc ??= json(openapiV3Index(this.source, (p) => this.v3(p)?.etag ?? ''));
    return this.v3IndexDoc;
  }

  /** `/openapi/v2` as JSON. */
  v2Json(): Rendered {
    this.v2JsonDoc ??= json(openapiV2Document(this.source));
    return this.v2JsonDoc;
  }

  /** `/openapi/v2` as gnostic protobuf (what kubectl asks for). */
  v2Protobuf(): Rendered {
    this.v2ProtoDoc ??= render(Buffer.from(gnosticDocument(openapiV2Document(this.source))), OPENAPI_V2_PROTOBUF);
    return this.v2ProtoDoc;
  }
}

/** The v3 index of a catalog (pure; hashes computed from the documents). */
export function openapiV3IndexOf(cat: Catalog = builtinCatalog(), opts: OpenAPIOptions = {}): Json {
  return JSON.parse(new OpenAPIDocuments(cat, opts).v3Index().body.toString('utf8')) as Json;
}

/** The v3 document of one group-version path (pure). */
export function openapiV3(gvPath: string, cat: Catalog = builtinCatalog(), opts: OpenAPIOptions = {}): Json | undefined {
  return openapiV3Document(new OpenAPISource(cat, opts), gvPath);
}

/** The v2 document as JSON (pure). */
export function openapiV2(cat: Catalog = builtinCatalog(), opts: OpenAPIOptions = {}): Json {
  return openapiV2Document(new OpenAPISource(cat, opts));
}

/** The v2 document as gnostic protobuf bytes (pure). */
export function openapiV2Protobuf(cat: Catalog = builtinCatalog(), opts: OpenAPIOptions = {}): Uint8Array {
  return gnosticDocument(openapiV2(cat, opts));
}
