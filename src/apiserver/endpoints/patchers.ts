/**
 * @module Patch appliers by patch type. JSON patch (RFC 6902) and JSON merge patch (RFC 7386)
 * are built in; strategic merge patch and server-side apply plug in here (the apply issue).
 * A type without an applier is 415 UnsupportedMediaType.
 */
import { StatusError, failure, statusErrors } from '../../api/status.js';
import type { KubeObject } from '../../api/meta/object.js';
import type { GroupVersionKind } from '../../api/schema/types.js';
import { MAX_JSON_PATCH_OPERATIONS, PatchApplyError, PatchDecodeError, applyJsonPatch, decodeJsonPatch } from '../../api/patch/json-patch.js';
import { applyMergePatch } from '../../api/patch/merge-patch.js';

export interface PatchRequest {
  /** The raw patch body. */
  readonly body: Buffer;
  readonly gvk: GroupVersionKind;
  readonly fieldManager?: string;
  readonly force?: boolean;
  /** The subresource being patched ('' for the main resource). */
  readonly subresource: string;
}

export interface Patcher {
  /** Applies the patch to `current` (undefined when the object does not exist: only apply creates). Returns the new object as JSON. */
  apply(current: KubeObject | undefined, req: PatchRequest): unknown | Promise<unknown>;
  /** True when a missing object is created by this patch type (server-side apply). */
  readonly createsMissing: boolean;
}

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch (e) {
    throw statusErrors.badRequest(`error decoding patch: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** 422 the way upstream answers a patch that does not apply. */
function rejected(message: string): StatusError {
  return new StatusError(failure(422, 'Invalid', 'the server rejected our request due to an error in our request',
    { causes: [{ reason: 'UnexpectedServerResponse', message }] }));
}

export const jsonPatcher: Patcher = {
  createsMissing: false,
  apply(current, req) {
    let ops;
    try {
      ops = decodeJsonPatch(parseJson(req.body));
    } catch (e) {
      if (e instanceof PatchDecodeError) throw statusErrors.badRequest(e.message);
      throw e;
    }
    if (ops.length > MAX_JSON_PATCH_OPERATIONS) {
      throw new StatusError(failure(413, 'RequestEntityTooLarge', `The allowed maximum operations in a JSON patch is ${MAX_JSON_PATCH_OPERATIONS}, got ${ops.length}`));
    }
    try {
      return applyJsonPatch(current, ops);
    } catch (e) {
      if (e instanceof PatchApplyError) throw rejected(e.message);
      throw e;
    }
  },
};

export const mergePatcher: Patcher = {
  createsMissing: false,
  apply(current, req) {
    const patch = parseJson(req.body);
    if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) throw statusErrors.badRequest('Invalid JSON Patch');
    return applyMergePatch(current, patch);
  },
};

/** The built-in appliers. */
export function builtinPatchers(): Map<string, Patcher> {
  return new Map<string, Patcher>([['json', jsonPatcher], ['merge', mergePatcher]]);
}
