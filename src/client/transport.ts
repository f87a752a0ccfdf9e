/**
 * @module The one interface every way of reaching the API server implements: send a request,
 * get a status, headers and a streamed body. The REST client (retries, errors, decoding) sits
 * on top and never knows whether bytes crossed a socket.
 */

import type { ObjectWatchEvent } from '../base/object-watch.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface TransportRequest {
  readonly method: HttpMethod;
  /** Absolute path with its query string: `/api/v1/namespaces/default/pods?watch=true`. */
  readonly path: string;
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: Uint8Array;
}

export interface TransportResponse {
  readonly status: number;
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string>>;
  /** The body, readable once. Watches stream here until the server ends them or the signal aborts. */
  readonly body: AsyncIterable<Uint8Array>;
  /**
   * A same-process watch answers with its events as shared objects instead of a body
   * (base/object-watch.ts); when present, the body carries nothing.
   */
  readonly events?: AsyncIterable<ObjectWatchEvent>;
}

export interface TransportRequestOptions {
  /** Aborts the request and, once answered, the body stream. */
  readonly signal?: AbortSignal | undefined;
}

/**
 * Sends requests to an API server. Implementations throw TransportError when no HTTP answer
 * arrives, and AbortedError when the signal aborts; any HTTP status is a normal response.
 */
export interface Transport {
  request(req: TransportRequest, opts?: TransportRequestOptions): Promise<TransportResponse>;
  /** Releases sockets or other resources; requests after close fail. */
  close(): void;
}

/** Reads a whole body into one buffer. */
export async function readBody(body: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of body) chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(c.buffer, c.byteOffset, c.byteLength));
  return chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
}

/** A body of zero or one chunk, as an async iterable. */
export async function* singleChunk(data: Uint8Array | undefined): AsyncIterable<Uint8Array> {
  if (data && data.byteLength > 0) yield data;
}
