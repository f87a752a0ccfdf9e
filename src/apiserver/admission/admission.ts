/**
 * @module The admission hook of the request pipeline (k8s.io/apiserver/pkg/admission): mutating
 * plugins run on the decoded object before the registry prepares and validates it; validating
 * plugins run after the strategy validated, just before storage. The security issue adds the
 * plugin chain (NamespaceLifecycle, LimitRanger, ServiceAccount, PodSecurity, webhooks, ...).
 */
import type { KubeObject } from '../../api/meta/object.js';
import type { UserInfo } from '../registry/rest/context.js';

export type Operation = 'CREATE' | 'UPDATE' | 'DELETE' | 'CONNECT';

export interface AdmissionAttributes {
  readonly operation: Operation;
  readonly group: string;
  readonly version: string;
  readonly kind: string;
  /** The kind's group and version when not the resource's (a subresource's: autoscaling/v1 Scale on apps/v1 deployments). */
  readonly kindGroupVersion?: { readonly group: string; readonly version: string };
  readonly resource: string;
  readonly subresource: string;
  readonly namespace: string;
  readonly name: string;
  /** The incoming object (mutating plugins may change it); absent for DELETE. */
  readonly object: KubeObject | undefined;
  /** The stored object for UPDATE and DELETE. */
  readonly oldObject: KubeObject | undefined;
  readonly user: UserInfo | undefined;
  readonly dryRun: boolean;
  /** Warning headers for the response (`Warning: 299 - "..."`); plugins may append. */
  readonly warnings?: string[];
  /** Annotations for the request's audit event, when it is audited; plugins may add. */
  readonly auditAnnotations?: Record<string, string>;
}

/** A plugin that may change the object. Throws a StatusError to reject. */
export interface MutatingPlugin {
  readonly name: string;
  handles(op: Operation): boolean;
  admit(attrs: AdmissionAttributes): void | Promise<void>;
}

/** A plugin that may only accept or reject. Throws a StatusError to reject. */
export interface ValidatingPlugin {
  readonly name: string;
  handles(op: Operation): boolean;
  validate(attrs: AdmissionAttributes): void | Promise<void>;
}

/** The ordered admission chain. */
export class AdmissionChain {
  constructor(readonly mutating: readonly MutatingPlugin[] = [], readonly validating: readonly ValidatingPlugin[] = []) {}

  async admit(attrs: AdmissionAttributes): Promise<void> {
    for (const p of this.mutating) if (p.handles(attrs.operation)) await p.admit(attrs);
  }

  async validate(attrs: AdmissionAttributes): Promise<void> {
    for (const p of this.validating) if (p.handles(attrs.operation)) await p.validate(attrs);
  }

  get empty(): boolean {
    return this.mutating.length === 0 && this.validating.length === 0;
  }
}
