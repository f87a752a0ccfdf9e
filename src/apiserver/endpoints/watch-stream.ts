/**
 * @module The watch response: a chunked stream of newline-delimited JSON WatchEvents
 * (`{"type":"ADDED","object":{...}}`), Table-row events for `kubectl get -w`, bookmarks, a clean
 * end at timeoutSeconds, and an ERROR event for a resume point that is too old. Encodings are
 * shared between watchers through the cache event's memo; a client whose socket buffer grows
 * past the limit is cut off rather than slowing the others.
 */
import type { ServerResponse } from 'node:http';
import { type ObjectWatchResponse, objectWatchResponse } from '../../base/object-watch.js';
import type { KubeObject } from '../../api/meta/object.js';
import type { Status } from '../../api/status.js';
import type { CacheEvent, EventType } from '../storage/cache-event.js';
import type { WatchSink } from '../storage/watcher.js';
import type { Negotiated } from './negotiate.js';
import { type TransformContext, transformObject } from './respond.js';

/** Buffered bytes beyond which a watcher is considered too slow. */
export const WATCH_BUFFER_LIMIT = 8 * 1024 * 1024;

export interface WatchStreamOptions {
  readonly negotiated: Negotiated;
  readonly transform: TransformContext;
  /** kind/apiVersion of bookmark objects. */
  readonly kind: string;
  readonly apiVersion: string;
  readonly bufferLimit?: number;
}


/** How a watch's events reach the client: JSON lines, or objects for a same-process caller. */
interface EventWriter {
  /** Writes one event; false when the client is too slow. */
  event(type: EventType, obj: KubeObject, ev: CacheEvent | undefined): boolean;
  /** Writes a BOOKMARK or ERROR object as it is. */
  raw(type: 'BOOKMARK' | 'ERROR', obj: unknown): boolean;
}

/** Starts the HTTP response of a watch and returns the sink that feeds it. */
export function startWatchStream(res: ServerResponse, o: WatchStreamOptions, onEnd: () => void): WatchSink & { readonly ended: boolean; error(status: Status): void } {
  // A same-process caller takes plain events as objects: nothing to encode.
  const objects = o.negotiated.transform === 'none' ? objectWatchResponse(res) : undefined;
  const w = objects ? objectWriter(res, objects) : lineWriter(res, o);
  let ended = false;
  const live = (): boolean => !ended && !res.destroyed;
  return {
    get ended() { return ended; },
    send: (type, obj, ev) => live() && w.event(type, obj, ev),
    bookmark(rev, initialEventsEnd) {
      const metadata: Record<string, unknown> = { resourceVersion: String(rev) };
      if (initialEventsEnd) metadata['annotations'] = { 'k8s.io/initial-events-end': 'true' };
      return live() && w.raw('BOOKMARK', { kind: o.kind, apiVersion: o.apiVersion, metadata });
    },
    error(status) {
      if (live()) w.raw('ERROR', status);
    },
    end() {
      if (ended) return;
      ended = true;
      if (!res.destroyed) res.end();
      onEnd();
    },
  };
}

/** Chunked newline-delimited JSON, encodings shared between watchers through the cache event. */
function lineWriter(res: ServerResponse, o: WatchStreamOptions): EventWriter {
  res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-cache, private', 'transfer-encoding': 'chunked' });
  res.flushHeaders();
  const limit = o.bufferLimit ?? WATCH_BUFFER_LIMIT;
  const n = o.negotiated;
  const table = n.transform === 'Table';
  let first = true;

  const write = (chunk: Buffer): boolean => {
    res.write(chunk);
    return res.writableLength <= limit;
  };

  const encode = (type: EventType | 'ERROR' | 'BOOKMARK', obj: unknown): Buffer => Buffer.from(`{"type":"${type}","object":${JSON.stringify(obj)}}\n`);

  const eventLine = (type: EventType, obj: KubeObject, ev: CacheEvent | undefined): Buffer => {
    if (!table && n.transform === 'none') {
      if (!ev) return encode(type, obj);
      const which = obj === ev.obj ? 'cur' : 'prev';
      return ev.memoize(`json:${type}:${which}`, () => encode(type, obj));
    }
    const headers = first;
    const build = () => encode(type, transformObject(obj, n, { ...o.transform, noHeaders: !headers }));
    if (!ev) return build();
    const which = obj === ev.obj ? 'cur' : 'prev';
    return ev.memoize(`${n.transform}:${n.transformVersion}:${o.transform.include}:${headers}:${type}:${which}`, build);
  };

  return {
    event(type, obj, ev) {
      const line = eventLine(type, obj, ev);
      first = false;
      return write(line);
    },
    raw: (type, obj) => write(encode(type, obj)),
  };
}

/** Events as objects (shared with the cache, unencoded) for a response that takes them. */
function objectWriter(res: ServerResponse, out: ObjectWatchResponse): EventWriter {
  out.startObjectWatch();
  res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-cache, private' });
  res.flushHeaders();
  return { event: (type, obj) => out.writeWatchObject(type, obj), raw: (type, obj) => out.writeWatchObject(type, obj) };
}

/** Upstream picks a random timeout between --min-request-timeout (1800 s) and twice that. */
export function defaultWatchTimeoutSeconds(): number {
  return 1800 + Math.floor(Math.random() * 1800);
}

