/**
 * @module List continuation tokens in kube-apiserver's format: base64url of
 * `{"v":"meta.k8s.io/v1","rv":<list revision>,"start":"<next key relative to the prefix>"}`.
 * Every page is read at the token's revision; rv -1 means "the current revision" (the token
 * handed out when the original revision has been compacted).
 */
import { isPlainObject } from '../../api/meta/object.js';
import { statusErrors } from '../../api/status.js';

export interface ContinueToken {
  /** The revision every page is read at; -1 for the current one. */
  readonly rv: number;
  /** The first key of the next page, relative to the list prefix. */
  readonly start: string;
}

export function encodeContinue(token: ContinueToken): string {
  return Buffer.from(JSON.stringify({ v: 'meta.k8s.io/v1', rv: token.rv, start: token.start })).toString('base64url');
}

/** Decodes a token; a malformed one is a 400 as kube-apiserver words it. */
export function decodeContinue(s: string): ContinueToken {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(s, 'base64url').toString('utf8'));
  } catch {
    throw statusErrors.badRequest('continue key is not valid: illegal base64 data or JSON');
  }
  if (!isPlainObject(parsed) || parsed['v'] !== 'meta.k8s.io/v1') {
    throw statusErrors.badRequest('continue key is not valid: server does not recognize this encoded key');
  }
  const rv = parsed['rv'];
  const start = parsed['start'];
  if (typeof rv !== 'number' || !Number.isInteger(rv) || typeof start !== 'string' || start === '' || start.startsWith('/') || start.includes('..')) {
    throw statusErrors.badRequest('continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)');
  }
  return { rv, start };
}

/** The start key to continue after `lastKey` (the next possible key in order). */
export function nextKeyAfter(prefix: string, lastKey: string): string {
  return `${lastKey.slice(prefix.length)}\u0000`;
}

export const CONTINUE_EXPIRED_MESSAGE = 'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.';
