/**
 * @module The status kube-apiserver's naming and establishing controllers give a CRD: the names
 * accepted (a name another CRD of the group already holds is refused: `"widgets" is already in
 * use`), and the NamesAccepted and Established conditions (Established once names are accepted
 * and the resource is served: InitialNamesAccepted).
 */
import { isObject, type JsonObject } from '../merge/json.js';

export interface CRDNames {
  plural?: string;
  singular?: string;
  shortNames?: string[];
  kind?: string;
  listKind?: string;
  categories?: string[];
}

export interface CRDCondition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  lastTransitionTime?: string;
  reason?: string;
  message?: string;
}

const obj = (v: unknown): JsonObject => (isObject(v) ? v : {});
const names = (v: unknown): CRDNames => obj(v) as CRDNames;

/**
 * The names a CRD may have and its NamesAccepted/Established conditions, given the other CRDs
 * (their accepted names); `now` stamps changed conditions. Established needs `served` (the API
 * server serves the resource).
 */
export function crdStatus(crd: JsonObject, others: readonly JsonObject[], opts: { now: string; served: boolean }): { acceptedNames: CRDNames; conditions: CRDCondition[] } {
  const spec = obj(crd['spec']);
  const status = obj(crd['status']);
  const group = spec['group'];
  const requested = names(spec['names']);
  const accepted = names(status['acceptedNames']);
  const resources = new Set<string>();
  const kinds = new Set<string>();
  for (const o of others) {
    if (obj(o['spec'])['group'] !== group || obj(o['metadata'])['name'] === obj(crd['metadata'])['name']) continue;
    const a = names(obj(o['status'])['acceptedNames']);
    for (const n of [a.plural, a.singular, ...(a.shortNames ?? [])]) if (n) resources.add(n);
    for (const n of [a.kind, a.listKind]) if (n) kinds.add(n);
  }
  const out: CRDNames = { ...accepted };
  let problem: { reason: string; message: string } | undefined;
  const fresh = (want: string | undefined, had: string | undefined, used: Set<string>) => want === had || !want || !used.has(want);
  const check = (key: 'plural' | 'singular' | 'kind' | 'listKind', used: Set<string>, reason: string) => {
    if (fresh(requested[key], accepted[key], used)) {
      if (requested[key] !== undefined) out[key] = requested[key];
    } else problem = { reason, message: `"${requested[key]}" is already in use` };
  };
  check('plural', resources, 'PluralConflict');
  check('singular', resources, 'SingularConflict');
  const taken = (requested.shortNames ?? []).filter((s) => !(accepted.shortNames ?? []).includes(s) && resources.has(s));
  if (taken.length) problem = { reason: 'ShortNamesConflict', message: taken.map((s) => `"${s}" is already in use`).join(', ') };
  else if (requested.shortNames) out.shortNames = requested.shortNames;
  check('kind', kinds, 'KindConflict');
  check('listKind', kinds, 'ListKindConflict');
  if (requested.categories) out.categories = requested.categories;
  const namesAccepted: CRDCondition = problem
    ? { type: 'NamesAccepted', status: 'False', ...problem }
    : { type: 'NamesAccepted', status: 'True', reason: 'NoConflicts', message: 'no conflicts found' };
  const established: CRDCondition = !problem && opts.served
    ? { type: 'Established', status: 'True', reason: 'InitialNamesAccepted', message: 'the initial names have been accepted' }
    : { type: 'Established', status: 'False', reason: problem ? 'NotAccepted' : 'Installing', message: problem ? 'not all names are accepted' : 'the initial names have been accepted' };
  const previous = Array.isArray(status['conditions']) ? status['conditions'] as CRDCondition[] : [];
  const stamp = (c: CRDCondition): CRDCondition => {
    const old = previous.find((p) => p.type === c.type);
    return { ...c, lastTransitionTime: old && old.status === c.status && old.lastTransitionTime ? old.lastTransitionTime : opts.now };
  };
  // An Established CRD stays established (its served resource does not go away on a rename clash).
  const wasEstablished = previous.find((p) => p.type === 'Established' && p.status === 'True');
  return { acceptedNames: out, conditions: [stamp(namesAccepted), wasEstablished ?? stamp(established)] };
}
