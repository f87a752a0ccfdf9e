/**
 * @module Content negotiation as kube-apiserver does it: the Accept header picks JSON, YAML,
 * protobuf (when a codec is mounted), or a transformed answer (meta.k8s.io Table or
 * PartialObjectMetadata[List], v1 or v1beta1); nothing acceptable is 406 NotAcceptable.
 * Request bodies are JSON, YAML or protobuf by Content-Type (JSON when absent).
 */
import { statusErrors } from '../../api/status.js';

export type Encoding = 'json' | 'yaml' | 'protobuf';
export type Transform = 'none' | 'Table' | 'PartialObjectMetadata' | 'PartialObjectMetadataList';

export interface Negotiated {
  readonly encoding: Encoding;
  readonly transform: Transform;
  /** meta.k8s.io version of the transform (v1 or v1beta1). */
  readonly transformVersion: 'v1' | 'v1beta1';
  /** A JSON stream was asked for (`;stream=watch`). */
  readonly stream: boolean;
}

export const JSON_ONLY: Negotiated = { encoding: 'json', transform: 'none', transformVersion: 'v1', stream: false };

export interface MediaRange {
  readonly type: string;
  readonly params: Readonly<Record<string, string>>;
  readonly q: number;
}

/** Parses an Accept header into media ranges in preference order (stable for equal q). */
export function parseAccept(header: string | undefined): MediaRange[] {
  if (!header) return [];
  const out: Array<MediaRange & { i: number }> = [];
  header.split(',').forEach((part, i) => {
    const [type, ...ps] = part.split(';').map((s) => s.trim());
    if (!type) return;
    const params: Record<string, string> = {};
    let q = 1;
    for (const p of ps) {
      const eq = p.indexOf('=');
      if (eq < 0) continue;
      const k = p.slice(0, eq).trim().toLowerCase();
      const v = p.slice(eq + 1).trim().replace(/^"|"$/g, '');
      if (k === 'q') q = Number(v);
      else params[k] = v;
    }
    if (Number.isNaN(q) || q <= 0) return;
    out.push({ type: type.toLowerCase(), params, q, i });
  });
  return out.sort((a, b) => b.q - a.q || a.i - b.i).map(({ type, params, q }) => ({ type, params, q }));
}

const NOT_ACCEPTABLE = 'only the following media types are accepted: application/json, application/yaml, application/vnd.kubernetes.protobuf';

/**
 * Chooses the response form for an object or list answer. `transformable` is false for verbs
 * that never transform (create, update, ...); `protobuf` says whether a protobuf codec exists.
 */
export function negotiateOutput(accept: string | undefined, opts: { transformable: boolean; protobuf: boolean; list: boolean }): Negotiated {
  const ranges = parseAccept(accept);
  if (ranges.length === 0) return JSON_ONLY;
  for (const r of ranges) {
    const encoding = encodingOf(r.type, opts.protobuf);
    if (!encoding) continue;
    const as = r.params['as'];
    const stream = r.params['stream'] === 'watch';
    if (as === undefined) return { encoding, transform: 'none', transformVersion: 'v1', stream };
    if (!opts.transformable) continue;
    const g = r.params['g'];
    const v = r.params['v'];
    if (g !== 'meta.k8s.io' || (v !== 'v1' && v !== 'v1beta1')) continue;
    if (as === 'Table') return { encoding, transform: 'Table', transformVersion: v, stream };
    if (as === 'PartialObjectMetadata' && !opts.list) return { encoding, transform: 'PartialObjectMetadata', transformVersion: v, stream };
    if (as === 'PartialObjectMetadataList' && opts.list) return { encoding, transform: 'PartialObjectMetadataList', transformVersion: v, stream };
    // A PartialObjectMetadata request for a list (or the reverse) is accepted as the matching form.
    if (as === 'PartialObjectMetadata' || as === 'PartialObjectMetadataList') {
      return { encoding, transform: opts.list ? 'PartialObjectMetadataList' : 'PartialObjectMetadata', transformVersion: v, stream };
    }
  }
  throw statusErrors.notAcceptable(NOT_ACCEPTABLE);
}

function encodingOf(type: string, protobuf: boolean): Encoding | undefined {
  switch (type) {
    case 'application/json': case '*/*': case 'application/*': return 'json';
    case 'application/yaml': return 'yaml';
    case 'application/vnd.kubernetes.protobuf': return protobuf ? 'protobuf' : undefined;
    default: return undefined;
  }
}

/** The Content-Type of an encoding. */
export function contentTypeOf(e: Encoding): string {
  return e === 'json' ? 'application/json' : e === 'yaml' ? 'application/yaml' : 'application/vnd.kubernetes.protobuf';
}

/** A request body's encoding from its Content-Type; 415 for anything else. */
export function bodyEncoding(contentType: string | undefined, protobuf: boolean): Encoding {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === '' || type === 'application/json') return 'json';
  if (type === 'application/yaml') return 'yaml';
  if (type === 'application/vnd.kubernetes.protobuf' && protobuf) return 'protobuf';
  throw statusErrors.unsupportedMediaType(type);
}

export type PatchType = 'json' | 'merge' | 'strategic' | 'apply';

const PATCH_TYPES: Readonly<Record<string, PatchType>> = {
  'application/json-patch+json': 'json',
  'application/merge-patch+json': 'merge',
  'application/strategic-merge-patch+json': 'strategic',
  'application/apply-patch+yaml': 'apply',
};

/** The patch type of a PATCH request; 415 with the accepted list for anything else. */
export function patchType(contentType: string | undefined): PatchType {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const t = PATCH_TYPES[type];
  if (t) return t;
  throw statusErrors.unsupportedMediaType(type);
}
