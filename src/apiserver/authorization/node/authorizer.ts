/**
 * @module The Node authorizer (plugin/pkg/auth/authorizer/node): a kubelet, `system:node:<name>`
 * in group `system:nodes`, may read a secret, config map, persistent volume claim or volume only
 * when a pod bound to its node references it, request tokens only for its pods' service
 * accounts, see only its own Node (and its pods, listed with `spec.nodeName=<node>`), and write
 * only its own Lease and CSINode. Everything else a node does is checked against the system:node
 * rules. Other users get no opinion, so RBAC decides for them.
 */
import type { KubeObject } from '../../../api/meta/object.js';
import { objectAt, stringAt } from '../../../api/meta/object.js';
import type { AuthorizationAttributes, RuleList } from '../authorizer.js';
import { NODE_RULES } from '../rbac/bootstrap-policy.js';
import { rulesAllow } from '../rbac/rules.js';
import { ALLOW, NO_OPINION, type Opinion, type OpinionAuthorizer } from '../union.js';
import { podReferences } from './pod-references.js';

export const NODES_GROUP = 'system:nodes';
const NODE_PREFIX = 'system:node:';

/** The node a user is, or undefined for users that are not kubelets (nodeidentifier). */
export function nodeNameOf(user: { readonly name: string; readonly groups: readonly string[] }): string | undefined {
  if (!user.groups.includes(NODES_GROUP) || !user.name.startsWith(NODE_PREFIX)) return undefined;
  return user.name.slice(NODE_PREFIX.length);
}

/** What the authorizer reads: pods, claims and volume attachments (synchronous, cached). */
export interface NodeGraphSource {
  /** Changes whenever any of the listed objects change (memoization key). */
  revision(): string;
  pods(): readonly KubeObject[];
  claim(namespace: string, name: string): KubeObject | undefined;
  volumeAttachment(name: string): KubeObject | undefined;
}

/** Per node: `ns/name` keys of what its pods reference. */
interface NodeEdges {
  readonly pods: Set<string>;
  readonly secrets: Set<string>;
  readonly configMaps: Set<string>;
  readonly claims: Set<string>;
  readonly volumes: Set<string>;
  readonly serviceAccounts: Set<string>;
}

const emptyEdges = (): NodeEdges => ({ pods: new Set(), secrets: new Set(), configMaps: new Set(), claims: new Set(), volumes: new Set(), serviceAccounts: new Set() });

const NO_RELATIONSHIP = (node: string) => ({ decision: 'noOpinion', reason: `no relationship found between node '${node}' and this object` }) as const;

export class NodeAuthorizer implements OpinionAuthorizer {
  readonly name = 'Node';
  private graph = new Map<string, NodeEdges>();
  private graphRev = '';

  constructor(private readonly source: NodeGraphSource) {}

  private edges(node: string): NodeEdges {
    const rev = this.source.revision();
    if (rev !== this.graphRev) {
      this.graph = this.build();
      this.graphRev = rev;
    }
    return this.graph.get(node) ?? emptyEdges();
  }

  private build(): Map<string, NodeEdges> {
    const graph = new Map<string, NodeEdges>();
    for (const pod of this.source.pods()) {
      const node = stringAt(objectAt(pod, 'spec'), 'nodeName');
      if (!node) continue;
      let e = graph.get(node);
      if (!e) graph.set(node, e = emptyEdges());
      const ns = pod.metadata.namespace ?? '';
      e.pods.add(`${ns}/${pod.metadata.name ?? ''}`);
      const refs = podReferences(pod);
      for (const s of refs.secrets) e.secrets.add(`${ns}/${s}`);
      for (const c of refs.configMaps) e.configMaps.add(`${ns}/${c}`);
      e.serviceAccounts.add(`${ns}/${refs.serviceAccount}`);
      for (const c of refs.claims) {
        e.claims.add(`${ns}/${c}`);
        const pv = stringAt(objectAt(this.source.claim(ns, c), 'spec'), 'volumeName');
        if (pv) e.volumes.add(pv);
      }
    }
    return graph;
  }

  authorize(a: AuthorizationAttributes): Opinion {
    const node = nodeNameOf(a.user);
    if (node === undefined) return NO_OPINION;
    if (!node) return { decision: 'noOpinion', reason: 'unknown node' };
    if (!a.resourceRequest) return this.byRules(a);
    const key = `${a.namespace}/${a.name}`;
    if (a.apiGroup === '') {
      switch (a.resource) {
        case 'secrets': return this.readNamespaced(a, node, this.edges(node).secrets.has(key));
        case 'configmaps': return this.readNamespaced(a, node, this.edges(node).configMaps.has(key));
        case 'persistentvolumeclaims':
          if (a.subresource === 'status') return ['get', 'update', 'patch'].includes(a.verb) && this.edges(node).claims.has(key) ? this.byRules(a) : NO_RELATIONSHIP(node);
          return this.getOnly(a, node, this.edges(node).claims.has(key));
        case 'persistentvolumes': return this.getOnly(a, node, this.edges(node).volumes.has(a.name));
        case 'serviceaccounts':
          if (a.subresource !== 'token') break;
          if (a.verb !== 'create') return { decision: 'noOpinion', reason: `can only create tokens for individual service accounts` };
          return this.edges(node).serviceAccounts.has(key) ? ALLOW : NO_RELATIONSHIP(node);
        case 'nodes':
          // A kubelet reads only its own Node (list and watch pin it with metadata.name).
          if (['get', 'list', 'watch'].includes(a.verb) && !a.subresource) return a.name === node ? ALLOW : { decision: 'noOpinion', reason: `node '${node}' cannot read node '${a.name}'` };
          break;
        case 'pods':
          if (a.subresource) break;
          if (a.verb === 'get') return this.edges(node).pods.has(key) ? ALLOW : NO_RELATIONSHIP(node);
          if (a.verb === 'list' || a.verb === 'watch') {
            return fieldSelectorPins(a.fieldSelector, 'spec.nodeName', node) ? ALLOW : { decision: 'noOpinion', reason: `can only list/watch pods with spec.nodeName field selector` };
          }
          break;
      }
    }
    // A create names no object yet: NodeRestriction checks the new object's name instead.
    const sameName = a.verb === 'create' || a.name === node;
    if (a.apiGroup === 'coordination.k8s.io' && a.resource === 'leases') {
      return a.namespace === 'kube-node-lease' && sameName && ['get', 'create', 'update', 'patch', 'delete'].includes(a.verb)
        ? ALLOW : { decision: 'noOpinion', reason: `can only access node lease with the same name as the requesting node` };
    }
    if (a.apiGroup === 'storage.k8s.io' && a.resource === 'csinodes') {
      return sameName && ['get', 'create', 'update', 'patch', 'delete'].includes(a.verb) ? ALLOW : { decision: 'noOpinion', reason: `can only access CSINode with the same name as the requesting node` };
    }
    if (a.apiGroup === 'storage.k8s.io' && a.resource === 'volumeattachments') {
      const va = this.source.volumeAttachment(a.name);
      return a.verb === 'get' && stringAt(objectAt(va, 'spec'), 'nodeName') === node ? ALLOW : NO_RELATIONSHIP(node);
    }
    return this.byRules(a);
  }

  /** A kubelet's rules: system:node's, narrowed per object by the graph (so the list is incomplete). */
  rulesFor(user: { readonly name: string; readonly groups: readonly string[] }): RuleList {
    if (nodeNameOf(user) === undefined) return { resourceRules: [], nonResourceRules: [], incomplete: false };
    const resourceRules = NODE_RULES.filter((r) => r.resources?.length).map((r) => ({ verbs: [...r.verbs], apiGroups: [...(r.apiGroups ?? [])], resources: [...(r.resources ?? [])] }));
    return { resourceRules, nonResourceRules: [], incomplete: true };
  }

  private byRules(a: AuthorizationAttributes): Opinion {
    return rulesAllow(a, NODE_RULES) ? ALLOW : NO_OPINION;
  }

  private readNamespaced(a: AuthorizationAttributes, node: string, related: boolean): Opinion {
    if (!['get', 'list', 'watch'].includes(a.verb)) return { decision: 'noOpinion', reason: `can only read resources of this type` };
    if (!a.name) return { decision: 'noOpinion', reason: 'No Object name found' };
    if (a.subresource) return { decision: 'noOpinion', reason: `cannot read subresource` };
    return related ? ALLOW : NO_RELATIONSHIP(node);
  }

  private getOnly(a: AuthorizationAttributes, node: string, related: boolean): Opinion {
    if (a.verb !== 'get') return { decision: 'noOpinion', reason: `can only get individual resources of this type` };
    return related ? ALLOW : NO_RELATIONSHIP(node);
  }
}

/** True when a raw field selector requires `field=value` (one of its comma-separated terms). */
export function fieldSelectorPins(selector: string | undefined, field: string, value: string): boolean {
  if (!selector) return false;
  return selector.split(',').some((term) => {
    const t = term.trim();
    return t === `${field}=${value}` || t === `${field}==${value}`;
  });
}
