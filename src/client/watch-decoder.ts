/**
 * @module Decodes a watch response body: newline-delimited `{"type","object"}` events. ERROR
 * events become thrown typed errors (a 410 Expired tells the reflector to relist).
 */
import { errorFromStatus, asStatus, TransportError } from './errors.js';
import { failure } from '../api/status.js';
import type { KubeObject, WatchEvent, WatchEventType } from './types.js';

const TYPES: ReadonlySet<string> = new Set(['ADDED', 'MODIFIED', 'DELETED', 'BOOKMARK']);

/** Turns one decoded line into an event, or throws for ERROR events and malformed input. */
export function parseWatchLine<T extends KubeObject>(line: string): WatchEvent<T> {
  let v: unknown;
  try {
    v = JSON.parse(line);
  } catch (err) {
    throw new TransportError(`malformed watch event: ${line.slice(0, 120)}`, { cause: err });
  }
  return watchEventOf<T>(v, () => line.slice(0, 120));
}

/** Checks one decoded event (`{type, object}`); throws for ERROR events and malformed ones. */
export function watchEventOf<T extends KubeObject>(v: unknown, describe: () => string = () => JSON.stringify(v).slice(0, 120)): WatchEvent<T> {
  const ev = v as { type?: unknown; object?: unknown };
  if (typeof ev !== 'object' || ev === null) throw new TransportError(`malformed watch event: ${describe()}`);
  if (ev.type === 'ERROR') {
    const st = asStatus(ev.object);
    throw errorFromStatus(st ?? failure(500, 'InternalError', `watch error: ${JSON.stringify(ev.object).slice(0, 200)}`));
  }
  const obj = ev.object as { metadata?: unknown } | null | undefined;
  if (typeof ev.type !== 'string' || !TYPES.has(ev.type) || typeof obj !== 'object' || obj === null || typeof obj.metadata !== 'object' || obj.metadata === null) {
    throw new TransportError(`malformed watch event: ${describe()}`);
  }
  return { type: ev.type as WatchEventType, object: obj as T };
}

/** Yields the events of a same-process watch (shared objects, see base/object-watch.ts). */
export async function* watchObjects<T extends KubeObject>(events: AsyncIterable<unknown>): AsyncIterable<WatchEvent<T>> {
  for await (const ev of events) yield watchEventOf<T>(ev);
}

/** Yields the events of a watch body until it ends; throws on ERROR events. */
export async function* decodeWatch<T extends KubeObject>(body: AsyncIterable<Uint8Array>): AsyncIterable<WatchEvent<T>> {
  const dec = new TextDecoder();
  let buf = '';
  for await (const chunk of body) {
    buf += dec.decode(chunk, { stream: true });
    let start = 0;
    let nl: number;
    while ((nl = buf.indexOf('\n', start)) >= 0) {
      const line = buf.slice(start, nl).trim();
      start = nl + 1;
      if (line) yield parseWatchLine<T>(line);
    }
    buf = buf.slice(start);
  }
  const rest = (buf + dec.decode()).trim();
  if (rest) yield parseWatchLine<T>(rest);
}
