/**
 * @module The `serviceaccounts/token` subresource (TokenRequest, `kubectl create token`): a
 * bound token for an existing service account, for the requested audiences (default: the API
 * audiences) and lifetime (default one hour, at least ten minutes, capped by
 * --service-account-max-token-expiration), optionally bound to a Pod, Secret or Node that must
 * exist (uid checked) — a pod must run as that service account, and its node is named too.
 */
import { isPlainObject, type KubeObject } from '../../../api/meta/object.js';
import { StatusError, failure, statusErrors } from '../../../api/status.js';
import { type FieldError, fieldErrors, invalidError } from '../../../api/validation/field-errors.js';
import type { Subresource } from '../../registry/resources.js';
import type { Ref } from './claims.js';
import type { ServiceAccountLookup, ServiceAccountTokens } from './tokens.js';

export const TOKEN_REQUEST_KIND = { group: 'authentication.k8s.io', version: 'v1', kind: 'TokenRequest' };

const DEFAULT_EXPIRATION_S = 3600;
const MIN_EXPIRATION_S = 600;
const MAX_EXPIRATION_S = 2 ** 32;

export interface TokenRequestOptions {
  readonly tokens: ServiceAccountTokens;
  readonly lookup: ServiceAccountLookup;
  /** --service-account-max-token-expiration in seconds (undefined: no cap). */
  readonly maxExpirationSeconds?: number;
}

const refOf = (o: KubeObject): Ref => ({ name: o.metadata.name ?? '', uid: o.metadata.uid ?? '' });

function invalid(errs: FieldError[]): StatusError {
  return invalidError('TokenRequest', 'authentication.k8s.io', '', errs);
}

export function tokenRequestSubresource(o: TokenRequestOptions): Subresource {
  return {
    kind: TOKEN_REQUEST_KIND,
    async create(ctx, name, body, opts) {
      const spec = isPlainObject(body['spec']) ? body['spec'] : {};
      const errs: FieldError[] = [];
      const audiences = Array.isArray(spec['audiences']) ? spec['audiences'].filter((a): a is string => typeof a === 'string') : [];
      let expiration = spec['expirationSeconds'] === undefined || spec['expirationSeconds'] === null ? DEFAULT_EXPIRATION_S : Number(spec['expirationSeconds']);
      if (!Number.isInteger(expiration)) errs.push(fieldErrors.invalid('spec.expirationSeconds', spec['expirationSeconds'], 'must be an integer'));
      else if (expiration < MIN_EXPIRATION_S) errs.push(fieldErrors.invalid('spec.expirationSeconds', expiration, 'may not specify a duration less than 10 minutes'));
      else if (expiration > MAX_EXPIRATION_S) errs.push(fieldErrors.invalid('spec.expirationSeconds', expiration, 'may not specify a duration larger than 2^32 seconds'));
      const bound = isPlainObject(spec['boundObjectRef']) ? spec['boundObjectRef'] : undefined;
      const kind = typeof bound?.['kind'] === 'string' ? bound['kind'] : '';
      if (bound && !['Pod', 'Secret', 'Node'].includes(kind)) errs.push(fieldErrors.notSupported('spec.boundObjectRef.kind', kind, ['Pod', 'Node', 'Secret']));
      if (bound && bound['apiVersion'] !== undefined && bound['apiVersion'] !== 'v1') errs.push(fieldErrors.notSupported('spec.boundObjectRef.apiVersion', bound['apiVersion'], ['v1']));
      if (errs.length) throw invalid(errs);
      if (o.maxExpirationSeconds !== undefined && expiration > o.maxExpirationSeconds) expiration = o.maxExpirationSeconds;

      const ns = ctx.namespace;
      const sa = await o.lookup.serviceAccount(ns, name);
      if (!sa) throw statusErrors.notFound({ resource: 'serviceaccounts', group: '' }, name);
      let pod: Ref | undefined, secret: Ref | undefined, node: Ref | undefined;
      if (bound) {
        const boundName = typeof bound['name'] === 'string' ? bound['name'] : '';
        const uid = typeof bound['uid'] === 'string' ? bound['uid'] : '';
        const target = kind === 'Pod' ? await o.lookup.pod(ns, boundName) : kind === 'Secret' ? await o.lookup.secret(ns, boundName) : await o.lookup.node(boundName);
        const plural = `${kind.toLowerCase()}s`;
        if (!target) throw statusErrors.notFound({ resource: plural, group: '' }, boundName);
        if (uid && uid !== target.metadata.uid) {
          throw new StatusError(failure(409, 'Conflict', `Operation cannot be fulfilled on ${plural} "${boundName}": the UID in the bound object reference (${uid}) does not match the UID in record. The object might have been deleted and then recreated`, { name: boundName, kind: plural }));
        }
        if (kind === 'Pod') {
          const podSa = (target['spec'] as Record<string, unknown> | undefined)?.['serviceAccountName'] ?? 'default';
          if (podSa !== name) throw statusErrors.badRequest(`cannot bind token for serviceaccount "${name}" to pod running with different serviceaccount name.`);
          pod = refOf(target);
          const nodeName = (target['spec'] as Record<string, unknown> | undefined)?.['nodeName'];
          const n = typeof nodeName === 'string' && nodeName ? await o.lookup.node(nodeName) : undefined;
          if (n) node = refOf(n);
        } else if (kind === 'Secret') secret = refOf(target);
        else node = refOf(target);
      }
      if (opts.admit) await opts.admit(body, undefined);
      const outSpec: Record<string, unknown> = {
        audiences: audiences.length ? audiences : [...o.tokens.apiAudiences], expirationSeconds: expiration,
        ...(bound ? { boundObjectRef: { kind, apiVersion: 'v1', name: bound['name'], uid: (pod ?? secret ?? node)?.uid } } : {}),
      };
      const out: KubeObject = {
        kind: 'TokenRequest', apiVersion: 'authentication.k8s.io/v1',
        metadata: { name, namespace: ns, creationTimestamp: null } as unknown as KubeObject['metadata'], spec: outSpec,
      };
      if (ctx.dryRun) return { body: { ...out, status: { token: '', expirationTimestamp: null } }, code: 201 };
      const issued = o.tokens.issueBound({
        namespace: ns, serviceAccount: refOf(sa), audiences, expirationSeconds: expiration,
        ...(pod ? { pod } : {}), ...(secret ? { secret } : {}), ...(node ? { node } : {}),
      });
      out['status'] = { token: issued.token, expirationTimestamp: new Date(issued.expiresAt * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z') };
      return { body: out, code: 201 };
    },
  };
}
