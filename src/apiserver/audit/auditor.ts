/**
 * @module Auditing of API requests: the policy picks a level per request; for every level but
 * None the auditor writes an audit.k8s.io/v1 Event at RequestReceived, at ResponseStarted for
 * watches, and at ResponseComplete with the answer's code, each stage unless the policy omits
 * it. Events carry metadata (who, what, from where, the outcome); at level Request also the
 * decoded request body (`requestObject`), at RequestResponse also the answer (`responseObject`).
 * Handlers hand the bodies over through `auditRecordOf(res)`.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { UserInfo } from '../registry/rest/context.js';
import type { AuditSink } from './audit-log.js';
import { type AuditLevel, type AuditPolicy, type AuditStage, type AuditedRequest, auditLevel } from './policy.js';

/** RFC 3339 with microseconds, as audit timestamps are written. */
function microTime(d = new Date()): string {
  return d.toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

/** One audited request's record; `started` and `completed` write the later stages. */
export interface AuditRecord {
  /** Added to the events of the later stages (admission plugins write here). */
  readonly annotations: Record<string, string>;
  /** True when the level records the request body (Request, RequestResponse). */
  readonly wantsRequest: boolean;
  /** The decoded request body (kept only when the level records it; not changed afterwards). */
  requestObject(v: unknown): void;
  /** The answer's body (kept only at RequestResponse; not changed afterwards). */
  responseObject(v: unknown): void;
  started(code: number): void;
  completed(code: number): void;
}

/** The record of the request a response answers, while it is being audited. */
const records = new WeakMap<object, AuditRecord>();

/** The audit record of the request `res` answers (undefined when it is not audited). */
export function auditRecordOf(res: object): AuditRecord | undefined {
  return records.get(res);
}

export interface AuditTarget {
  readonly verb: string;
  readonly user: UserInfo;
  readonly objectRef?: { readonly resource: string; readonly subresource: string; readonly namespace: string; readonly name: string; readonly apiGroup: string; readonly apiVersion: string };
  readonly path: string;
}

export class Auditor {
  constructor(private readonly policy: AuditPolicy, private readonly sink: AuditSink) {}

  /**
   * Starts the record of a request answered by `res` (undefined when the policy does not audit
   * it); the record completes when `res` closes.
   */
  begin(req: IncomingMessage, res: ServerResponse, t: AuditTarget): AuditRecord | undefined {
    const o = t.objectRef;
    const asked: AuditedRequest = {
      user: t.user.name, groups: t.user.groups, verb: t.verb,
      ...(o ? { resource: { group: o.apiGroup, resource: o.resource, subresource: o.subresource, namespace: o.namespace, name: o.name } } : { path: t.path }),
    };
    const { level, omitStages } = auditLevel(this.policy, asked);
    if (level === 'None') return undefined;
    const base = this.event(req, t, level);
    const annotations: Record<string, string> = {};
    const wantsRequest = level === 'Request' || level === 'RequestResponse';
    let request: unknown;
    let response: unknown;
    const emit = (stage: AuditStage, code?: number): void => {
      if (omitStages.has(stage)) return;
      this.sink.write({
        ...base, stage, ...(request !== undefined ? { requestObject: request } : {}),
        ...(stage === 'ResponseComplete' && response !== undefined ? { responseObject: response } : {}),
        ...(code !== undefined ? { responseStatus: { metadata: {}, code } } : {}), stageTimestamp: microTime(),
        ...(Object.keys(annotations).length ? { annotations: { ...annotations } } : {}),
      });
    };
    emit('RequestReceived');
    let done = false;
    const record: AuditRecord = {
      annotations, wantsRequest,
      requestObject: (v) => { if (wantsRequest) request = v; },
      responseObject: (v) => { if (level === 'RequestResponse') response = v; },
      started: (code) => emit('ResponseStarted', code),
      completed: (code) => {
        if (done) return;
        done = true;
        records.delete(res);
        emit('ResponseComplete', code);
      },
    };
    records.set(res, record);
    res.once('close', () => record.completed(res.statusCode));
    return record;
  }

  close(): void {
    this.sink.close();
  }

  private event(req: IncomingMessage, t: AuditTarget, level: AuditLevel): Record<string, unknown> {
    const forwarded = String(req.headers['x-forwarded-for'] ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    const remote = req.socket?.remoteAddress;
    const o = t.objectRef;
    const objectRef = o ? {
      resource: o.resource, ...(o.namespace ? { namespace: o.namespace } : {}), ...(o.name ? { name: o.name } : {}),
      ...(o.apiGroup ? { apiGroup: o.apiGroup } : {}), apiVersion: o.apiVersion, ...(o.subresource ? { subresource: o.subresource } : {}),
    } : undefined;
    const u = t.user;
    return {
      kind: 'Event', apiVersion: 'audit.k8s.io/v1', level, auditID: randomUUID(),
      requestURI: req.url ?? '/', verb: t.verb,
      user: { username: u.name, ...(u.uid ? { uid: u.uid } : {}), groups: [...u.groups], ...(u.extra ? { extra: u.extra } : {}) },
      sourceIPs: [...forwarded, ...(remote && !forwarded.includes(remote) ? [remote] : [])],
      ...(req.headers['user-agent'] ? { userAgent: req.headers['user-agent'] } : {}),
      ...(objectRef ? { objectRef } : {}),
      requestReceivedTimestamp: microTime(),
    };
  }
}
