/**
 * @module Calling an admission webhook: an AdmissionReview v1 POSTed over HTTPS to the webhook's
 * `url`, or to its `service` (resolved to a ready endpoint, as kube-apiserver does with
 * aggregator routing, TLS server name `<service>.<namespace>.svc`), trusting its `caBundle`,
 * with the webhook's timeout appended as `?timeout=<n>s`. Errors read like kube-apiserver's
 * (`failed to call webhook: Post "<url>": context deadline exceeded`).
 */
import { request } from 'node:https';
import { isPlainObject } from '../../../api/meta/object.js';

/** Where a service-addressed webhook really is. */
export type ServiceResolver = (namespace: string, name: string, port: number) => Promise<{ host: string; port: number } | undefined>;

export class WebhookCallError extends Error {}

export interface WebhookTarget {
  readonly url: URL;
  /** TLS server name (service-addressed webhooks). */
  readonly servername?: string;
  readonly ca?: string;
}

/** The URL and TLS settings of a webhook's clientConfig. */
export async function resolveTarget(clientConfig: unknown, resolve: ServiceResolver): Promise<WebhookTarget> {
  if (!isPlainObject(clientConfig)) throw new WebhookCallError('webhook has no clientConfig');
  const ca = typeof clientConfig['caBundle'] === 'string' && clientConfig['caBundle'] ? Buffer.from(clientConfig['caBundle'], 'base64').toString('utf8') : undefined;
  if (typeof clientConfig['url'] === 'string') {
    let url: URL;
    try {
      url = new URL(clientConfig['url']);
    } catch {
      throw new WebhookCallError(`invalid webhook url ${JSON.stringify(clientConfig['url'])}`);
    }
    if (url.protocol !== 'https:') throw new WebhookCallError(`webhook url must use https: ${url.toString()}`);
    return { url, ...(ca ? { ca } : {}) };
  }
  const svc = clientConfig['service'];
  if (!isPlainObject(svc)) throw new WebhookCallError('webhook clientConfig has neither url nor service');
  const ns = String(svc['namespace'] ?? ''), name = String(svc['name'] ?? '');
  const port = typeof svc['port'] === 'number' ? svc['port'] : 443;
  const at = await resolve(ns, name, port);
  const path = typeof svc['path'] === 'string' ? svc['path'] : '/';
  if (!at) throw new WebhookCallError(`service "${name}" in namespace "${ns}" has no ready endpoints`);
  return { url: new URL(`https://${at.host.includes(':') ? `[${at.host}]` : at.host}:${at.port}${path}`), servername: `${name}.${ns}.svc`, ...(ca ? { ca } : {}) };
}

/** POSTs `review` and returns the parsed response body. */
export function postReview(target: WebhookTarget, review: unknown, opts: { timeoutSeconds: number; signal?: AbortSignal }): Promise<Record<string, unknown>> {
  const url = new URL(target.url);
  url.searchParams.set('timeout', `${opts.timeoutSeconds}s`);
  const shown = url.toString();
  const body = JSON.stringify(review);
  return new Promise((resolve, reject) => {
    const timeout = AbortSignal.timeout(opts.timeoutSeconds * 1000);
    const signal = opts.signal ? AbortSignal.any([timeout, opts.signal]) : timeout;
    const fail = (why: string) => reject(new WebhookCallError(`failed to call webhook: Post "${shown}": ${why}`));
    if (signal.aborted) return fail('context deadline exceeded');
    const req = request(url, {
      method: 'POST', signal, ...(target.ca ? { ca: target.ca } : {}), ...(target.servername ? { servername: target.servername } : {}),
      headers: { 'content-type': 'application/json', accept: 'application/json', 'content-length': Buffer.byteLength(body) },
    }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        size += c.length;
        // kube-apiserver refuses webhook answers above its request size limit as well.
        if (size > 3 * 1024 * 1024) { req.destroy(); fail('response body too large'); return; }
        chunks.push(c);
      });
      res.on('error', (e) => fail(e.message));
      res.on('end', () => {
        if ((res.statusCode ?? 0) < 200 || (res.statusCode ?? 0) >= 300) return fail(`unexpected status ${res.statusCode ?? 0}`);
        try {
          const v: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
          if (!isPlainObject(v)) return fail('response is not an AdmissionReview');
          resolve(v);
        } catch {
          fail('response is not valid JSON');
        }
      });
    });
    req.on('error', (e) => fail(signal.aborted ? 'context deadline exceeded' : e.message));
    req.end(body);
  });
}
