/**
 * @module Response and request helpers every API handler uses: write JSON or a Kubernetes
 * Status with the right code, and read a request body up to a limit (kube-apiserver: 3 MiB).
 */
import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { AbortedError } from '../../base/errors.js';
import { statusErrors, StatusError, type Status } from '../../api/status.js';

/** kube-apiserver's request body limit (MaxRequestBodyBytes). */
export const MAX_BODY_BYTES = 3 * 1024 * 1024;

/** Writes `body` as JSON with `opts.code` (default 200); `opts.headers` are merged in. */
export function writeJson(res: ServerResponse, body: unknown, opts: { code?: number; headers?: Record<string, string> } = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(opts.code ?? 200, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-cache, private',
    ...opts.headers,
  });
  res.end(text);
}

/** Writes a Kubernetes Status with its own code as the HTTP status. */
export function writeStatus(res: ServerResponse, status: Status): void {
  const headers: Record<string, string> = {};
  // kube-apiserver sends Retry-After with 429/503/504 answers that carry retryAfterSeconds.
  if (status.details?.retryAfterSeconds !== undefined) headers['retry-after'] = String(status.details.retryAfterSeconds);
  writeJson(res, status, { code: status.code, headers });
}

/** Writes the Status carried by a StatusError, or a 500 InternalError for anything else. */
export function writeError(res: ServerResponse, err: unknown): void {
  const status = err instanceof StatusError ? err.status : statusErrors.internal(err instanceof Error ? err.message : String(err)).status;
  writeStatus(res, status);
}

/**
 * Answers a connection that is not (or no longer) an HTTP response, such as a refused protocol
 * upgrade, with a Status as a plain HTTP/1.1 response, then closes it.
 */
export function writeStatusToSocket(socket: Duplex, status: Status): void {
  const body = JSON.stringify(status);
  socket.end(`HTTP/1.1 ${status.code} ${STATUS_CODES[status.code] ?? ''}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`);
}

/** Options for {@link readBody}. */
export interface ReadBodyOptions {
  /** Largest accepted body in bytes (default {@link MAX_BODY_BYTES}). */
  limit?: number;
  signal?: AbortSignal;
}

/** Reads the whole request body. Throws a 413 StatusError past the limit, AbortedError on abort. */
export async function readBody(req: IncomingMessage, opts: ReadBodyOptions = {}): Promise<Buffer> {
  const limit = opts.limit ?? MAX_BODY_BYTES;
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw statusErrors.tooLarge(`Request entity too large: limit is ${limit}`);
  const chunks: Buffer[] = [];
  let size = 0;
  const onAbort = (): void => { req.destroy(new AbortedError()); };
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > limit) throw statusErrors.tooLarge(`Request entity too large: limit is ${limit}`);
      chunks.push(chunk);
    }
  } finally {
    opts.signal?.removeEventListener('abort', onAbort);
  }
  return Buffer.concat(chunks, size);
}
