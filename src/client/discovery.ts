/**
 * @module API discovery for components that handle every resource (garbage collector,
 * namespace controller): the legacy documents `/api`, `/api/v1`, `/apis`, `/apis/<g>/<v>`,
 * turned into ResourceTypes with their verbs; and the kind → resource mapping for owner
 * references.
 */
import type { Client } from './client.js';
import type { ResourceType } from './resource-type.js';

export interface DiscoveredResource extends ResourceType {
  readonly verbs: readonly string[];
  /** True for the group's preferred version. */
  readonly preferred: boolean;
}

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

function resourcesOf(doc: unknown, group: string, version: string, preferred: boolean): DiscoveredResource[] {
  const out: DiscoveredResource[] = [];
  for (const r of arr(isRec(doc) ? doc['resources'] : undefined)) {
    if (!isRec(r) || typeof r['name'] !== 'string' || r['name'].includes('/')) continue;
    out.push({
      group, version, resource: r['name'], kind: String(r['kind'] ?? ''), namespaced: r['namespaced'] === true,
      verbs: arr(r['verbs']).map(String), preferred,
    });
  }
  return out;
}

/** Every served top-level resource of every version (subresources excluded). */
export async function discoverResources(client: Client, signal?: AbortSignal): Promise<DiscoveredResource[]> {
  const get = (path: string): Promise<unknown> => client.rest.json({ method: 'GET', path, signal });
  const out: DiscoveredResource[] = [];
  const core = await get('/api');
  for (const v of arr(isRec(core) ? core['versions'] : undefined)) out.push(...resourcesOf(await get(`/api/${String(v)}`), '', String(v), true));
  const groups = await get('/apis');
  const docs: Promise<DiscoveredResource[]>[] = [];
  for (const g of arr(isRec(groups) ? groups['groups'] : undefined)) {
    if (!isRec(g)) continue;
    const name = String(g['name'] ?? '');
    const pref = isRec(g['preferredVersion']) ? String(g['preferredVersion']['version'] ?? '') : '';
    for (const v of arr(g['versions'])) {
      if (!isRec(v)) continue;
      const version = String(v['version'] ?? '');
      docs.push(get(`/apis/${name}/${version}`).then((d) => resourcesOf(d, name, version, version === pref)).catch(() => []));
    }
  }
  for (const d of await Promise.all(docs)) out.push(...d);
  return out;
}

/** Finds the resource for an owner reference's apiVersion and kind. */
export class KindIndex {
  private readonly byKind = new Map<string, DiscoveredResource>();

  constructor(resources: readonly DiscoveredResource[]) {
    for (const r of resources) this.byKind.set(`${r.group ? `${r.group}/` : ''}${r.version}|${r.kind}`, r);
  }

  lookup(apiVersion: string, kind: string): DiscoveredResource | undefined {
    return this.byKind.get(`${apiVersion}|${kind}`);
  }
}
