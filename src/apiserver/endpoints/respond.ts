/**
 * @module Writing API answers: an object or list in the negotiated form (JSON, YAML, protobuf,
 * Table, PartialObjectMetadata[List]), a Status for errors, and Warning headers.
 */
import type { ServerResponse } from 'node:http';
import { stringify as toYaml } from 'yaml';
import type { KubeObject } from '../../api/meta/object.js';
import { writeError as writeHttpError } from '../http/respond.js';
import { auditRecordOf } from '../audit/auditor.js';
import { buildTable, printerFor, type IncludeObject } from '../../api/printers/registry.js';
import type { Printer } from '../../api/printers/table.js';
import type { BodyCodec } from './codec.js';
import { type Negotiated, contentTypeOf } from './negotiate.js';

const NO_CACHE = 'no-cache, private';

/** `Warning: 299 - "text"` header values. */
export function warningHeaders(warnings: readonly string[]): string[] {
  return [...new Set(warnings)].map((w) => `299 - ${JSON.stringify(w)}`);
}

/** Writes any thrown value as its Status (500 InternalError for non-Status errors), with Warning headers. */
export function writeError(res: ServerResponse, err: unknown, warnings: readonly string[] = []): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  if (warnings.length) res.setHeader('warning', warningHeaders(warnings));
  writeHttpError(res, err);
}

/** Encodes a body in `encoding`; the bytes and content type. */
export function encodeBody(body: unknown, n: Negotiated, codec: BodyCodec): { bytes: Buffer | Uint8Array; type: string } {
  if (n.encoding === 'yaml') return { bytes: Buffer.from(toYaml(body)), type: contentTypeOf('yaml') };
  if (n.encoding === 'protobuf' && codec.encodeProtobuf) {
    try {
      return { bytes: codec.encodeProtobuf(body), type: contentTypeOf('protobuf') };
    } catch {
      // Kinds without a protobuf form (Tables, custom resources): JSON, which every client accepts too.
    }
  }
  return { bytes: Buffer.from(JSON.stringify(body)), type: 'application/json' };
}

/** Writes a body with `code`, Warning headers and no-cache. */
export function writeBody(res: ServerResponse, code: number, body: unknown, n: Negotiated, codec: BodyCodec, warnings: readonly string[] = []): void {
  auditRecordOf(res)?.responseObject(body);
  const { bytes, type } = encodeBody(body, n, codec);
  const headers: Record<string, string | string[]> = { 'content-type': type, 'cache-control': NO_CACHE, 'content-length': String(bytes.length) };
  if (warnings.length) headers['warning'] = warningHeaders(warnings);
  res.writeHead(code, headers);
  res.end(bytes);
}

/** The metadata-only form of an object (meta.k8s.io PartialObjectMetadata). */
export function partialObject(obj: KubeObject, version: 'v1' | 'v1beta1'): KubeObject {
  return { kind: 'PartialObjectMetadata', apiVersion: `meta.k8s.io/${version}`, metadata: obj.metadata };
}

export interface TransformContext {
  readonly group: string;
  readonly plural: string;
  readonly printer?: Printer;
  /** `includeObject`: what each Table row carries (default Metadata). */
  readonly include: IncludeObject;
  readonly noHeaders?: boolean;
}

/** Applies the negotiated transform to one object. */
export function transformObject(obj: KubeObject, n: Negotiated, t: TransformContext): unknown {
  switch (n.transform) {
    case 'none': return obj;
    case 'PartialObjectMetadata': case 'PartialObjectMetadataList': return partialObject(obj, n.transformVersion);
    case 'Table': {
      const table = buildTable(t.printer ?? printerFor(t.group, t.plural), [obj], {
        apiVersion: `meta.k8s.io/${n.transformVersion}`, include: t.include, objectOf: (o) => rowObject(o, t.include, n.transformVersion),
        ...(t.noHeaders ? { noHeaders: true } : {}),
      });
      if (obj.metadata.resourceVersion) table.metadata.resourceVersion = obj.metadata.resourceVersion;
      return table;
    }
  }
}

function rowObject(o: KubeObject, include: IncludeObject, version: 'v1' | 'v1beta1'): unknown {
  return include === 'Object' ? o : partialObject(o, version);
}

export interface ListBody {
  readonly apiVersion: string;
  readonly kind: string;
  readonly items: readonly KubeObject[];
  readonly resourceVersion: string;
  readonly continue?: string;
  readonly remainingItemCount?: number;
}

/** Applies the negotiated transform to a list. */
export function transformList(list: ListBody, n: Negotiated, t: TransformContext): unknown {
  const meta: Record<string, unknown> = { resourceVersion: list.resourceVersion };
  if (list.continue) meta['continue'] = list.continue;
  if (list.remainingItemCount !== undefined) meta['remainingItemCount'] = list.remainingItemCount;
  switch (n.transform) {
    case 'none':
      return { apiVersion: list.apiVersion, kind: list.kind, metadata: meta, items: list.items };
    case 'PartialObjectMetadata': case 'PartialObjectMetadataList':
      return { kind: 'PartialObjectMetadataList', apiVersion: `meta.k8s.io/${n.transformVersion}`, metadata: meta, items: list.items.map((o) => partialObject(o, n.transformVersion)) };
    case 'Table': {
      const table = buildTable(t.printer ?? printerFor(t.group, t.plural), list.items, {
        apiVersion: `meta.k8s.io/${n.transformVersion}`, include: t.include, objectOf: (o) => rowObject(o, t.include, n.transformVersion),
      });
      table.metadata = meta;
      return table;
    }
  }
}
