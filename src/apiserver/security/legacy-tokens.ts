/**
 * @module The legacy service account token controller (kube-controller-manager's tokens
 * controller): a Secret of type `kubernetes.io/service-account-token` annotated with
 * `kubernetes.io/service-account.name` is filled with a non-expiring token for that service
 * account, the cluster CA and the namespace, and annotated with the account's uid. Secrets for
 * accounts that do not exist are left alone (the token would be refused anyway).
 */
import type { KubeObject } from '../../api/meta/object.js';
import { StatusError } from '../../api/status.js';
import type { ServiceAccountTokens } from '../auth/serviceaccount/tokens.js';
import { systemContext } from '../registry/rest/context.js';
import type { ResourceRegistry } from '../registry/resources.js';
import { ObjectView } from './object-view.js';
import { Reconciler } from './reconciler.js';

export const SA_TOKEN_TYPE = 'kubernetes.io/service-account-token';
const NAME_ANNOTATION = 'kubernetes.io/service-account.name';
const UID_ANNOTATION = 'kubernetes.io/service-account.uid';

const b64 = (s: string) => Buffer.from(s).toString('base64');

export class LegacyTokenController {
  private readonly secrets: ObjectView | undefined;
  private readonly serviceAccounts: ObjectView | undefined;
  private readonly loop: Reconciler | undefined;

  constructor(registry: ResourceRegistry, private readonly tokens: ServiceAccountTokens, private readonly caPem: string) {
    this.secrets = ObjectView.of(registry, '', 'v1', 'secrets');
    this.serviceAccounts = ObjectView.of(registry, '', 'v1', 'serviceaccounts');
    if (this.secrets && this.serviceAccounts) this.loop = new Reconciler('legacy-service-account-tokens', [this.secrets, this.serviceAccounts], () => this.pass());
  }

  start(): Promise<void> {
    return this.loop?.start() ?? Promise.resolve();
  }

  private async pass(): Promise<void> {
    if (!this.secrets || !this.serviceAccounts) return;
    for (const secret of this.secrets.list()) {
      if (secret['type'] !== SA_TOKEN_TYPE || secret.metadata.deletionTimestamp) continue;
      const ns = secret.metadata.namespace ?? '';
      const saName = secret.metadata.annotations?.[NAME_ANNOTATION];
      if (!saName) continue;
      const data = (secret['data'] ?? {}) as Record<string, unknown>;
      if (typeof data['token'] === 'string' && data['token']) continue;
      const sa = this.serviceAccounts.cached(ns, saName);
      if (!sa?.metadata.uid) continue;
      const wantUid = secret.metadata.annotations?.[UID_ANNOTATION];
      if (wantUid && wantUid !== sa.metadata.uid) continue;
      const token = this.tokens.issueLegacy(ns, { name: saName, uid: sa.metadata.uid }, secret.metadata.name ?? '');
      await this.secrets.store.update(systemContext(ns), secret.metadata.name ?? '', (prev: KubeObject | undefined) => {
        if (!prev) throw new Error('vanished');
        prev.metadata.annotations = { ...prev.metadata.annotations, [UID_ANNOTATION]: sa.metadata.uid ?? '' };
        prev['data'] = { ...(prev['data'] as Record<string, unknown> | undefined), token: b64(token), 'ca.crt': b64(this.caPem), namespace: b64(ns) };
        delete prev.metadata.resourceVersion;
        return prev;
      }).catch((e: unknown) => {
        if (!(e instanceof StatusError && e.status.code === 404)) throw e;
      });
    }
  }

  stop(): void {
    this.loop?.stop();
  }
}
