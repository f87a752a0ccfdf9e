/**
 * @module GET ?watch=true: a streamed watch of a collection (or of one object named in the URL),
 * ended by timeoutSeconds, by the client going away, or by the cache cutting it off.
 */
import { StatusError, statusErrors } from '../../../api/status.js';
import { FieldSelector } from '../../../api/fields/selector.js';
import { watchObjects, type WatchHandle } from '../../registry/generic/watch.js';
import { type ApiCall, contextOf } from '../call.js';
import { negotiateOutput } from '../negotiate.js';
import { parseListQuery } from '../query.js';
import { defaultWatchTimeoutSeconds, startWatchStream } from '../watch-stream.js';
import { transformContext } from './read.js';

const NOT_STREAMABLE = 'only the following media types are accepted: application/json, application/json;stream=watch, application/vnd.kubernetes.protobuf;stream=watch';

export async function watchCollection(call: ApiCall): Promise<void> {
  const n = negotiateOutput(call.req.headers.accept, { transformable: true, protobuf: false, list: true });
  if (n.encoding !== 'json') throw statusErrors.notAcceptable(NOT_STREAMABLE);
  const q = parseListQuery(call.query, call.served.store.strategy.fieldLabels, { watch: true });
  let fields = q.fields;
  if (call.info.name) {
    // GET .../pods/<name>?watch=1 watches one object: a metadata.name selector, as upstream rewrites it.
    fields = new FieldSelector([...fields.terms, { field: 'metadata.name', op: '=', value: call.info.name }]);
  }
  const rv = Number(q.resourceVersion ?? '');
  // A resume point in the future: wait briefly for the store, then 504 before any stream starts.
  if (Number.isInteger(rv) && rv > 0 && !q.sendInitialEvents) await call.served.store.atLeast(rv);
  const def = call.served.def;
  let handle: WatchHandle | undefined;
  let timer: NodeJS.Timeout | undefined;
  const sink = startWatchStream(call.res, {
    negotiated: n, transform: transformContext(call, q.includeObject), kind: def.kind, apiVersion: call.served.store.apiVersion,
  }, () => {
    clearTimeout(timer);
    handle?.stop();
  });
  const onAbort = () => sink.end('stopped');
  call.signal.addEventListener('abort', onAbort, { once: true });
  call.res.on('close', onAbort);
  try {
    handle = await watchObjects(call.served.store, contextOf(call), {
      labels: q.labels, fields, allowBookmarks: q.allowWatchBookmarks, sendInitialEvents: q.sendInitialEvents ?? false,
      ...(q.resourceVersion !== undefined ? { resourceVersion: q.resourceVersion } : {}),
    }, sink);
  } catch (e) {
    // The stream has started (200): errors travel as an ERROR event, as upstream's cacher sends 410.
    const status = e instanceof StatusError ? e.status : statusErrors.internal(e instanceof Error ? e.message : String(e)).status;
    sink.error(status);
    sink.end('stopped');
    return;
  }
  if (sink.ended) {
    handle.stop();
    return;
  }
  const seconds = q.timeoutSeconds !== undefined && q.timeoutSeconds > 0 ? q.timeoutSeconds : defaultWatchTimeoutSeconds();
  timer = setTimeout(() => {
    // A last bookmark before the timeout ends the stream lets the client resume from there.
    handle?.bookmark();
    sink.end('stopped');
  }, seconds * 1000);
}
