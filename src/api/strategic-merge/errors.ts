/**
 * @module The errors a strategic merge patch can raise, as kube-apiserver reports them: malformed
 * directives are 400 BadRequest, lists of lists and retainKeys mismatches 422 Invalid (with
 * apimachinery's generic message), and the remaining merge failures (a missing merge key, a
 * value of the wrong kind) a 500 with an empty reason whose message kubectl prints after
 * `Error from server:`.
 */
import { failure, StatusError } from '../status.js';
import { goType, goValue } from './go-format.js';

export const SMP_MESSAGES = {
  badJsonDoc: 'invalid JSON document',
  noListOfLists: 'lists of lists are not supported',
  primitiveList: 'invalid patch format of primitive list',
  retainKeys: 'invalid patch format of retainKeys',
  setElementOrder: 'invalid patch format of setElementOrder list',
  retainKeysContent: "patch content doesn't match retainKeys list",
  unsupported: 'strategic merge patch format is not supported',
} as const;

/** 400 BadRequest with one of the format messages. */
export function smpBadRequest(message: string): StatusError {
  return new StatusError(failure(400, 'BadRequest', message));
}

/** 422 as apimachinery's NewGenericServerResponse builds it: the detail text is not kept. */
export function smpUnprocessable(): StatusError {
  return new StatusError(failure(422, 'Invalid', 'the server rejected our request due to an error in our request', {}));
}

/** An error that is no API status upstream: 500 with an empty reason. */
export function smpInternal(message: string): StatusError {
  return new StatusError(failure(500, '', message));
}

export const smpErrors = {
  noMergeKey: (m: unknown, key: string) => smpInternal(`map: ${goValue(m)} does not contain declared merge key: ${key}`),
  badArgType: (expected: 'map' | 'slice', actual: unknown) =>
    smpInternal(`expected a ${expected === 'map' ? 'map[string]interface {}' : '[]interface {}'}, but received a ${goType(actual)}`),
  badPatchType: (t: unknown, m: unknown) => smpInternal(`unknown patch type: ${typeof t === 'string' ? t : `%!s(${goType(t)}=${goValue(t)})`} in map: ${goValue(m)}`),
  notAMap: (index: number) => smpInternal(`value for key ${index} is not a map.`),
  mergingLists: () => smpInternal('merging lists cannot yet be specified in the patch'),
  noMergeKeyDeclared: (name: string) => smpInternal(`cannot merge lists without merge key for ${name}`),
  elementTypes: (lists: readonly unknown[][]) => smpInternal(`list element types are not identical: ${goValue(lists)}`),
  noElements: () => smpInternal('no elements in any of the given slices'),
  orderMismatch: (patchList: unknown, order: unknown) =>
    smpInternal(`The order in patch list:\n${goValue(patchList)}\n doesn't match $setElementOrder list:\n${goValue(order)}\n`),
};
