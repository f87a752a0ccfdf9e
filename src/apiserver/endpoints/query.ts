/**
 * @module Query parameters of API requests, parsed and validated as kube-apiserver does:
 * list/watch options (selectors, limit, continue, resourceVersion[Match], timeoutSeconds,
 * allowWatchBookmarks, sendInitialEvents), write options (dryRun, fieldManager,
 * fieldValidation) and table options (includeObject).
 */
import { checkFieldLabels, type FieldLabelPolicy, FieldSelector, parseFieldSelector } from '../../api/fields/selector.js';
import { parseLabelSelector } from '../../api/labels/parse.js';
import { LabelSelector, SelectorParseError } from '../../api/labels/selector.js';
import type { IncludeObject } from '../../api/printers/registry.js';
import { statusErrors } from '../../api/status.js';
import { type FieldError, fieldErrors, invalidError } from '../../api/validation/field-errors.js';
import type { FieldValidation } from './codec.js';
import { managerOrUserAgent, validateFieldManager } from '../../api/fieldmanager/manager-name.js';
import type { ListOptions } from '../registry/generic/list.js';

/** List options as the registry takes them, plus the watch and table parameters. */
export interface ListQuery extends Omit<ListOptions, 'readOnly'> {
  readonly timeoutSeconds?: number;
  readonly allowWatchBookmarks: boolean;
  readonly sendInitialEvents?: boolean;
  readonly watch: boolean;
  readonly includeObject: IncludeObject;
}

const bool = (v: string | null) => v === 'true' || v === '1';

function intParam(q: URLSearchParams, name: string): number | undefined {
  const v = q.get(name);
  if (v === null || v === '') return undefined;
  if (!/^-?\d+$/.test(v)) throw statusErrors.badRequest(`invalid ${name} parameter: strconv.ParseInt: parsing ${JSON.stringify(v)}: invalid syntax`);
  return Number(v);
}

/** Parses list and watch parameters; selector fields are checked against `fieldLabels`. */
export function parseListQuery(q: URLSearchParams, fieldLabels: FieldLabelPolicy, opts: { watch: boolean }): ListQuery {
  let labels = LabelSelector.everything;
  let fields = FieldSelector.everything;
  try {
    const ls = q.get('labelSelector');
    if (ls) labels = parseLabelSelector(ls);
    const fs = q.get('fieldSelector');
    if (fs) fields = checkFieldLabels(parseFieldSelector(fs), fieldLabels);
  } catch (e) {
    if (e instanceof SelectorParseError) throw statusErrors.badRequest(e.message);
    throw e;
  }
  const errs: FieldError[] = [];
  const rv = q.get('resourceVersion') ?? undefined;
  const matchRaw = q.get('resourceVersionMatch') ?? undefined;
  const watch = opts.watch;
  let match: 'Exact' | 'NotOlderThan' | undefined;
  if (matchRaw) {
    if (matchRaw !== 'Exact' && matchRaw !== 'NotOlderThan') errs.push(fieldErrors.notSupported('resourceVersionMatch', matchRaw, ['Exact', 'NotOlderThan']));
    else match = matchRaw;
  }
  const sendRaw = q.get('sendInitialEvents');
  const sendInitialEvents = sendRaw === null ? undefined : bool(sendRaw);
  if (sendInitialEvents !== undefined) {
    if (!watch) errs.push(fieldErrors.forbidden('sendInitialEvents', 'sendInitialEvents is forbidden for list'));
    else if (match !== 'NotOlderThan') errs.push(fieldErrors.forbidden('resourceVersionMatch', "sendInitialEvents requires setting resourceVersionMatch to NotOlderThan"));
  } else if (match) {
    if (watch) errs.push(fieldErrors.forbidden('resourceVersionMatch', 'resourceVersionMatch is forbidden for watch unless sendInitialEvents is provided'));
    else if (!rv) errs.push(fieldErrors.forbidden('resourceVersionMatch', 'resourceVersionMatch is forbidden unless resourceVersion is provided'));
    else if (match === 'Exact' && rv === '0') errs.push(fieldErrors.forbidden('resourceVersionMatch', 'resourceVersionMatch "exact" is forbidden for resourceVersion "0"'));
  }
  const limit = intParam(q, 'limit');
  const cont = q.get('continue') ?? undefined;
  if (cont && match) errs.push(fieldErrors.forbidden('resourceVersionMatch', 'resourceVersionMatch is forbidden when continue is provided'));
  if (errs.length) throw invalidError('ListOptions', 'meta.k8s.io', '', errs);
  const include = q.get('includeObject') ?? 'Metadata';
  if (include !== 'None' && include !== 'Metadata' && include !== 'Object') {
    throw statusErrors.badRequest(`includeObject: unsupported value ${JSON.stringify(include)}: supported values: "None", "Metadata", "Object"`);
  }
  const out: { -readonly [K in keyof ListQuery]?: ListQuery[K] } = {
    labels, fields, watch, allowWatchBookmarks: bool(q.get('allowWatchBookmarks')), includeObject: include,
  };
  if (limit !== undefined && limit > 0) out.limit = limit;
  if (cont) out.continue = cont;
  if (rv !== undefined) out.resourceVersion = rv;
  if (match) out.resourceVersionMatch = match;
  if (sendInitialEvents !== undefined) out.sendInitialEvents = sendInitialEvents;
  const ts = intParam(q, 'timeoutSeconds');
  if (ts !== undefined) out.timeoutSeconds = ts;
  return out as ListQuery;
}

export interface WriteQuery {
  readonly dryRun: boolean;
  readonly fieldManager?: string;
  readonly fieldValidation: FieldValidation;
  readonly force?: boolean;
}

/** Parses dryRun, fieldManager, fieldValidation (default Warn, as since Kubernetes 1.23) and force. */
export function parseWriteQuery(q: URLSearchParams, optionsKind: string, userAgent: string | undefined): WriteQuery {
  const errs: FieldError[] = [];
  const dry = q.getAll('dryRun');
  dry.forEach((d, i) => {
    if (d !== 'All') errs.push(fieldErrors.notSupported(`dryRun[${i}]`, d, ['All']));
  });
  const fm = q.get('fieldManager') ?? undefined;
  if (fm !== undefined) errs.push(...validateFieldManager(fm));
  const fvRaw = q.get('fieldValidation') ?? '';
  let fieldValidation: FieldValidation = 'Warn';
  if (fvRaw) {
    if (fvRaw === 'Strict' || fvRaw === 'Warn' || fvRaw === 'Ignore') fieldValidation = fvRaw;
    else errs.push(fieldErrors.notSupported('fieldValidation', fvRaw, ['Ignore', 'Strict', 'Warn']));
  }
  if (errs.length) throw invalidError(optionsKind, 'meta.k8s.io', '', errs);
  const out: { -readonly [K in keyof WriteQuery]?: WriteQuery[K] } = { dryRun: dry.length > 0, fieldValidation };
  const manager = managerOrUserAgent(fm, userAgent);
  if (manager) out.fieldManager = manager;
  const force = q.get('force');
  if (force !== null) out.force = bool(force);
  return out as WriteQuery;
}

