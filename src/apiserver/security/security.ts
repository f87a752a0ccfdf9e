/**
 * @module The security layer of the API server, assembled: authentication (client
 * certificates, service-account and bootstrap tokens, k3s's supervisor basic auth), authorization
 * (system:masters, Node, RBAC, as k3s's `--authorization-mode=Node,RBAC`), impersonation, the
 * admission chain, the serviceaccounts/token subresource and the RBAC bootstrap policy.
 * Built before the API server (which takes its authorizer, token reviewer and admission chain),
 * attached to the registry once the API server exists, started after the bootstrap objects.
 */
import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { StartupError } from '../../base/errors.js';
import type { AdmissionChain } from '../admission/admission.js';
import type { QuotaTracker } from '../admission/plugins/resource-quota/quota.js';
import { type Authenticator, AuthenticatorChain, type UserInfo } from '../auth/authenticator.js';
import { SupervisorBasicAuthenticator } from '../auth/basic.js';
import { BootstrapTokenAuthenticator } from '../auth/bootstrap-token.js';
import { ImpersonatingHandler } from '../auth/impersonation.js';
import { tokenRequestSubresource } from '../auth/serviceaccount/token-request.js';
import { issuerDiscovery } from '../auth/serviceaccount/issuer-discovery.js';
import { type ServiceAccountLookup, ServiceAccountTokens } from '../auth/serviceaccount/tokens.js';
import { BearerTokenAuthenticator, TokenAuthenticatorChain } from '../auth/token-authenticator.js';
import { X509Authenticator } from '../auth/x509.js';
import type { AuthorizationAttributes, Authorizer, Decision, RuleList } from '../authorization/authorizer.js';
import { NodeAuthorizer } from '../authorization/node/authorizer.js';
import { RegistryNodeGraphSource } from '../authorization/node/source.js';
import { ClusterRoleAggregator } from '../authorization/rbac/aggregation.js';
import { RbacAuthorizer } from '../authorization/rbac/authorizer.js';
import { reconcileBootstrapPolicy } from '../authorization/rbac/reconcile.js';
import { RegistryRbacSource } from '../authorization/rbac/source.js';
import { UnionAuthorizer, privilegedGroupAuthorizer } from '../authorization/union.js';
import type { ApiHandler } from '../http/handler.js';
import type { TokenReviewer } from '../registry/reviews.js';
import type { ResourceRegistry } from '../registry/resources.js';
import { type AdmissionSettings, buildAdmissionChain } from './admission-chain.js';
import { RegistryLookup } from './lookup.js';
import { NamespaceDefaults } from './namespace-defaults.js';
import { LegacyTokenController } from './legacy-tokens.js';
import { SupervisorHandler } from './supervisor.js';
import { AgentEndpoints } from './agent-endpoints.js';
import { inProcessClient } from '../../client/client.js';
import type { CertificateAuthority } from '../../pki/authority.js';
import type { SecretsEncryption } from '../storage/encryption/secrets-encryption.js';

export interface SecurityOptions {
  /** The client CA bundle (client-ca.crt): client certificates it signed authenticate. */
  readonly clientCaPem: string;
  /** The server CA bundle, published in every namespace as kube-root-ca.crt. */
  readonly serverCaPem: string;
  /** service.key: the first key signs service account tokens, every key verifies. */
  readonly serviceKeyPem: string;
  /** server/cred/passwd for the supervisor's basic auth (absent: no basic auth). */
  readonly passwdText?: string;
  /** --service-account-issuer; default https://kubernetes.default.svc.<clusterDomain>. */
  readonly issuer?: string;
  /** --api-audiences; default the issuer and "k3s". */
  readonly apiAudiences?: readonly string[];
  readonly clusterDomain?: string;
  readonly maxTokenExpirationSeconds?: number;
  /** Settings of the built-in admission plugins (--kube-apiserver-arg). */
  readonly admission?: AdmissionSettings;
}

/** Every key in a PEM file (private keys yield their public halves too). */
export function keysOf(pem: string): { privateKeys: KeyObject[]; publicKeys: KeyObject[] } {
  const privateKeys: KeyObject[] = [];
  const publicKeys: KeyObject[] = [];
  for (const m of pem.matchAll(/-----BEGIN ([A-Z ]+)-----[\s\S]*?-----END \1-----/g)) {
    const block = m[0];
    if ((m[1] ?? '').endsWith('PRIVATE KEY')) {
      const k = createPrivateKey(block);
      privateKeys.push(k);
      publicKeys.push(createPublicKey(k));
    } else if (m[1] === 'PUBLIC KEY' || m[1] === 'RSA PUBLIC KEY') {
      publicKeys.push(createPublicKey(block));
    }
  }
  return { privateKeys, publicKeys };
}

/** What exists once the security layer is attached to the registry. */
interface Attached {
  readonly registry: ResourceRegistry;
  readonly rbacSource: RegistryRbacSource;
  readonly rbac: RbacAuthorizer;
  readonly union: UnionAuthorizer;
  readonly aggregator: ClusterRoleAggregator;
  readonly namespaceDefaults: NamespaceDefaults;
  readonly legacyTokens: LegacyTokenController;
}

export class Security {
  readonly tokens: ServiceAccountTokens;
  readonly lookup: LateLookup;
  readonly authenticator: Authenticator;
  private readonly tokenChain: TokenAuthenticatorChain;
  private readonly maxTokenExpirationSeconds: number | undefined;
  private readonly serverCaPem: string;
  private readonly publicKeys: readonly KeyObject[];
  private attached: Attached | undefined;
  private quota: QuotaTracker | undefined;

  /** Until attach(), every authorization is denied (nothing can be asked before the registry exists). */
  readonly authorizer: Authorizer = {
    authorize: (a: AuthorizationAttributes): Promise<Decision> | Decision => this.attached ? this.attached.union.authorize(a) : { allowed: false, reason: 'the authorizer is not ready' },
    rulesFor: (user: UserInfo, ns: string): Promise<RuleList> | RuleList => this.attached ? this.attached.union.rulesFor(user, ns) : { resourceRules: [], nonResourceRules: [], incomplete: true },
  };

  /** Answers TokenReviews with the bearer token authenticators. */
  readonly tokenReviewer: TokenReviewer = async (token, audiences) => {
    const r = await this.tokenChain.authenticateToken(token, audiences);
    if (!r) return { error: 'token is not recognized' };
    if ('error' in r) return { error: r.error };
    return { user: r.user, audiences: [...r.audiences] };
  };

  constructor(o: SecurityOptions) {
    const keys = keysOf(o.serviceKeyPem);
    const signing = keys.privateKeys[0];
    if (!signing) throw new StartupError('service.key holds no private key to sign service account tokens with');
    const issuer = o.issuer ?? `https://kubernetes.default.svc.${o.clusterDomain ?? 'cluster.local'}`;
    const apiAudiences = o.apiAudiences ?? [issuer, 'k3s'];
    this.lookup = new LateLookup();
    this.tokens = new ServiceAccountTokens({ privateKey: signing, publicKeys: keys.publicKeys, issuer, apiAudiences, lookup: this.lookup });
    this.publicKeys = keys.publicKeys;
    const bootstrap = new BootstrapTokenAuthenticator({ secret: (name) => this.lookup.secret('kube-system', name), apiAudiences });
    this.tokenChain = new TokenAuthenticatorChain([this.tokens, bootstrap]);
    const chain: Authenticator[] = [new X509Authenticator(o.clientCaPem), new BearerTokenAuthenticator(this.tokenChain)];
    if (o.passwdText !== undefined) chain.push(new SupervisorBasicAuthenticator(o.passwdText));
    this.authenticator = new AuthenticatorChain(chain);
    this.maxTokenExpirationSeconds = o.maxTokenExpirationSeconds;
    this.serverCaPem = o.serverCaPem;
    this.admissionSettings = o.admission ?? {};
  }

  private readonly admissionSettings: AdmissionSettings;

  /** The admission chain in Kubernetes's order (called by the API server with its registry). */
  admission(registry: ResourceRegistry): AdmissionChain {
    const built = buildAdmissionChain(registry, {
      authorizer: this.authorizer, rbac: () => this.attached && { rbac: this.attached.rbac, source: this.attached.rbacSource }, ...this.admissionSettings,
    });
    this.quota = built.quota;
    return built.chain;
  }

  /** Connects to the API server's registry: authorizers, lookups and the token subresource. */
  async attach(registry: ResourceRegistry): Promise<void> {
    const rbacSource = new RegistryRbacSource(registry);
    const nodeSource = new RegistryNodeGraphSource(registry);
    const lookup = new RegistryLookup(registry);
    await Promise.all([rbacSource.ready(), nodeSource.ready()]);
    const rbac = new RbacAuthorizer(rbacSource);
    const union = new UnionAuthorizer([privilegedGroupAuthorizer, new NodeAuthorizer(nodeSource), rbac]);
    this.lookup.target = lookup;
    const sa = registry.get('', 'v1', 'serviceaccounts');
    if (sa) {
      const subresources = new Map(sa.subresources);
      subresources.set('token', tokenRequestSubresource({ tokens: this.tokens, lookup, ...(this.maxTokenExpirationSeconds ? { maxExpirationSeconds: this.maxTokenExpirationSeconds } : {}) }));
      registry.add({ ...sa, subresources });
    }
    this.attached = { registry, rbacSource, rbac, union, aggregator: new ClusterRoleAggregator(rbacSource.clusterRoles), namespaceDefaults: new NamespaceDefaults(registry, this.serverCaPem),
      legacyTokens: new LegacyTokenController(registry, this.tokens, this.serverCaPem),
    };
  }

  /** Reconciles the bootstrap policy and starts the aggregation controller (after the system namespaces exist). */
  async start(): Promise<void> {
    if (!this.attached) throw new StartupError('the security layer must be attached before it starts');
    await reconcileBootstrapPolicy(this.attached.rbacSource);
    await this.attached.aggregator.start();
    await this.attached.namespaceDefaults.start();
    await this.attached.legacyTokens.start();
    await this.quota?.start();
  }

  /** The service account issuer discovery documents (a path handler for the API server). */
  issuerDiscovery(): ReturnType<typeof issuerDiscovery> {
    return issuerDiscovery({ issuer: this.tokens.issuer, publicKeys: this.publicKeys });
  }

  /**
   * The API handler with the supervisor endpoints and impersonation in front. With `clientCa`,
   * the agent join endpoints are served too (their node-password Secrets written through `handler`).
   */
  wrap(handler: ApiHandler, o: { encryption?: SecretsEncryption; clientCa?: CertificateAuthority } = {}): ApiHandler {
    const agents = o.clientCa && new AgentEndpoints({ clientCa: o.clientCa, serverCaPem: this.serverCaPem, client: inProcessClient(handler, { userAgent: 'k3ts/supervisor' }) });
    return new SupervisorHandler(new ImpersonatingHandler(handler, this.authorizer), { encryption: o.encryption, agents });
  }

  /** RBAC alone (escalation checks, tests). */
  get rbac(): RbacAuthorizer | undefined {
    return this.attached?.rbac;
  }

  stop(): void {
    this.attached?.aggregator.stop();
    this.attached?.namespaceDefaults.stop();
    this.attached?.legacyTokens.stop();
    this.quota?.stop();
  }
}

/** Token lookups before attach() find nothing; afterwards they read the registry. */
class LateLookup implements ServiceAccountLookup {
  target: RegistryLookup | undefined;
  serviceAccount(ns: string, name: string) { return this.target?.serviceAccount(ns, name) ?? Promise.resolve(undefined); }
  secret(ns: string, name: string) { return this.target?.secret(ns, name) ?? Promise.resolve(undefined); }
  pod(ns: string, name: string) { return this.target?.pod(ns, name) ?? Promise.resolve(undefined); }
  node(name: string) { return this.target?.node(name) ?? Promise.resolve(undefined); }
}
