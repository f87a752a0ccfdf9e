/**
 * @module What every registry call carries about its request: the namespace from the URL, the
 * authenticated user, dryRun, the field manager, and a sink for Warning headers.
 */

import type { UserInfo } from '../../auth/authenticator.js';

export type { UserInfo };

export interface RequestContext {
  /** The namespace of the URL; '' for cluster-scoped requests and all-namespace lists. */
  readonly namespace: string;
  readonly user?: UserInfo;
  /** dryRun=All: run everything, persist nothing. */
  readonly dryRun: boolean;
  /** The fieldManager parameter (or one derived from the User-Agent). */
  readonly fieldManager?: string;
  /** Warnings for `Warning: 299 - "..."` response headers; registry code appends. */
  readonly warnings: string[];
  /** The subresource being written ('' for the main resource). */
  readonly subresource?: string;
  /** A server-side apply patch: managedFields are already up to date (operation Apply). */
  readonly applyPatch?: boolean;
  readonly signal?: AbortSignal;
}

/** A context for in-process callers (bootstrap, controllers' in-process client). */
export function systemContext(namespace = '', opts: { dryRun?: boolean; fieldManager?: string } = {}): RequestContext {
  const ctx: { -readonly [K in keyof RequestContext]?: RequestContext[K] } = {
    namespace, dryRun: opts.dryRun ?? false, warnings: [],
    user: { name: 'system:apiserver', groups: ['system:masters'] },
  };
  if (opts.fieldManager) ctx.fieldManager = opts.fieldManager;
  return ctx as RequestContext;
}
