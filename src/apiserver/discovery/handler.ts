/**
 * @module Serves /api, /apis, /apis/<group>, /api/v1 and /apis/<group>/<version>. For /api and
 * /apis the exact Accept picks the aggregated form (v2 or v2beta1, answered with the exact
 * Content-Type client-go keys on) or the legacy one. Documents are rebuilt only when the served
 * resources change, and carry an ETag.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { statusErrors } from '../../api/status.js';
import type { ResourceRegistry } from '../registry/resources.js';
import { parseAccept } from '../endpoints/negotiate.js';
import { aggregatedDiscovery, apiGroup, apiGroupList, apiResourceList, apiVersions } from './documents.js';
import { type GroupLayout, layout } from './groups.js';

type Doc = { readonly body: string; readonly etag: string };

const AGG_TYPE = (v: string) => `application/json;g=apidiscovery.k8s.io;v=${v};as=APIGroupDiscoveryList`;

export class DiscoveryHandler {
  private gen = -1;
  private groups: GroupLayout[] = [];
  private readonly docs = new Map<string, Doc>();

  constructor(private readonly registry: ResourceRegistry) {}

  private refresh(): void {
    if (this.gen === this.registry.generation) return;
    this.gen = this.registry.generation;
    this.groups = layout(this.registry.all());
    this.docs.clear();
  }

  private doc(key: string, make: () => unknown): Doc {
    let d = this.docs.get(key);
    if (!d) {
      const body = JSON.stringify(make());
      d = { body, etag: `"${createHash('sha256').update(body).digest('hex').slice(0, 32)}"` };
      this.docs.set(key, d);
    }
    return d;
  }

  /** The aggregated version the Accept header asks for, if any. */
  private aggregated(req: IncomingMessage): 'v2' | 'v2beta1' | undefined {
    for (const r of parseAccept(req.headers.accept)) {
      if (r.type !== 'application/json') continue;
      if (r.params['g'] === 'apidiscovery.k8s.io' && r.params['as'] === 'APIGroupDiscoveryList' && (r.params['v'] === 'v2' || r.params['v'] === 'v2beta1')) return r.params['v'];
      if (r.params['as'] === undefined) return undefined;
    }
    return undefined;
  }

  private write(req: IncomingMessage, res: ServerResponse, d: Doc, type: string): void {
    if (req.headers['if-none-match'] === d.etag) {
      res.writeHead(304, { etag: d.etag });
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': type, 'content-length': String(Buffer.byteLength(d.body)), etag: d.etag, 'cache-control': 'no-cache, private', vary: 'Accept' });
    res.end(req.method === 'HEAD' ? undefined : d.body);
  }

  /** `/api` or `/apis`. */
  serveRoot(req: IncomingMessage, res: ServerResponse, which: 'api' | 'apis'): void {
    this.refresh();
    const agg = this.aggregated(req);
    const core = this.groups.filter((g) => g.name === '');
    const named = this.groups.filter((g) => g.name !== '');
    if (agg) {
      this.write(req, res, this.doc(`${which}:${agg}`, () => aggregatedDiscovery(which === 'api' ? core : named, agg)), AGG_TYPE(agg));
      return;
    }
    const host = req.headers.host ?? '127.0.0.1:6443';
    if (which === 'api') this.write(req, res, this.doc(`api:${host}`, () => apiVersions(host)), 'application/json');
    else this.write(req, res, this.doc('apis', () => apiGroupList(named)), 'application/json');
  }

  /** `/apis/<group>`. */
  serveGroup(req: IncomingMessage, res: ServerResponse, group: string): void {
    this.refresh();
    const g = this.groups.find((x) => x.name === group && group !== '');
    if (!g) throw statusErrors.pathNotFound();
    this.write(req, res, this.doc(`group:${group}`, () => apiGroup(g)), 'application/json');
  }

  /** `/api/v1` or `/apis/<group>/<version>`. */
  serveGroupVersion(req: IncomingMessage, res: ServerResponse, group: string, version: string): void {
    this.refresh();
    const v = this.groups.find((x) => x.name === group)?.versions.find((x) => x.version === version);
    if (!v) throw statusErrors.pathNotFound();
    this.write(req, res, this.doc(`gv:${group}/${version}`, () => apiResourceList(group, version, v.resources)), 'application/json');
  }
}
