/**
 * @module `k3ts server` assembly: a straight line of named, awaited steps
 * (datastore → certificates and credentials (shared through the datastore) → API server →
 * listener → [scheduler, simulated nodes] → kubeconfig → ready),
 * each failure wrapped with the step's name, and every started part stopped in reverse.
 */
import { AuditLog } from '../apiserver/audit/audit-log.js';
import { Auditor } from '../apiserver/audit/auditor.js';
import { hostname } from 'node:os';
import { messageOf, PkiError, StartupError } from '../base/errors.js';
import { join } from 'node:path';
import { secretsEqual } from '../pki/token.js';
import { Lifecycle } from '../base/lifecycle.js';
import { logger } from '../base/log.js';
import { GIT_VERSION } from '../base/version.js';
import type { ServerConfig } from './config.js';
import { HealthRegistry } from '../apiserver/endpoints/health.js';
import { notFoundHandler, type ApiHandler } from '../apiserver/http/handler.js';
import { ensureServerCredentials } from '../pki/credentials.js';
import { ensureServerTls } from '../pki/server-tls.js';
import { localServerUrl, writeAdminKubeconfig } from './kubeconfig.js';
import { startListener } from './listener.js';
import { servingSans } from './sans.js';
import { openBackend } from '../datastore/open.js';
import type { Backend } from '../datastore/backend.js';
import { loadBootstrapData, saveBootstrapData, storedServerSecret } from './bootstrap-data.js';
import { ApiServer } from '../apiserver/apiserver.js';
import { startControllerManager } from './controller-manager.js';
import { startSchedulingComponents } from './components.js';
import { Security } from '../apiserver/security/security.js';
import { SecretsEncryption } from '../apiserver/storage/encryption/secrets-encryption.js';

const log = logger('server');

/** A running server. */
export interface RunningServer {
  /** The port actually listened on (differs from the config when it was 0). */
  readonly port: number;
  /** https://127.0.0.1:<port> (or the bind address). */
  readonly url: string;
  readonly health: HealthRegistry;
  /** Stops everything in reverse start order; idempotent. */
  close(): Promise<void>;
}

/** Hooks for tests and for the parts that plug in later. */
export interface StartOptions {
  readonly signal?: AbortSignal;
  /** Serves the API; default answers 404 for every path. */
  readonly api?: ApiHandler;
  readonly now?: Date;
}

/** The first IPv4 service CIDR (the service IP allocator is single-stack for now). */
function firstIpv4(cidrs: readonly string[]): string {
  return cidrs.find((c) => !c.includes(':')) ?? '10.43.0.0/16';
}

/** The address the `kubernetes` endpoints advertise: --advertise-address, the node IP, or the bind address. */
function advertiseAddress(config: ServerConfig): string {
  const bind = config.listener.bindAddress;
  return config.listener.advertiseAddress ?? config.node.ips.find((ip) => !ip.includes(':')) ?? (bind === '0.0.0.0' || bind === '::' ? '127.0.0.1' : bind);
}

async function step<T>(name: string, fn: () => Promise<T> | T, opts: { signal?: AbortSignal | undefined } = {}): Promise<T> {
  opts.signal?.throwIfAborted();
  const started = performance.now();
  try {
    const v = await fn();
    log.v(1, `${name}: done in ${(performance.now() - started).toFixed(1)} ms`);
    return v;
  } catch (err) {
    throw new StartupError(`${name}: ${messageOf(err)}`, { cause: err });
  }
}

/**
 * Certificates and join credentials, shared through the datastore with the other servers of the
 * cluster (bootstrap data): loaded first when another server stored them, stored otherwise.
 */
async function prepareCredentials(config: ServerConfig, backend: Backend, now: Date | undefined) {
  const sans = servingSans(config, hostname());
  for (let attempt = 0; ; attempt++) {
    const stored = await storedServerSecret(config.dataDir);
    const given = config.token?.parsed.password;
    if (given !== undefined && stored !== undefined && !secretsEqual(given, stored)) {
      // Checked before the datastore is consulted so the message names the real mistake.
      throw new PkiError(`the token given by ${config.token?.source ?? '--token'} does not match the token this server was created with (${join(config.dataDir, 'server', 'token')}); start with that token, or without --token`);
    }
    const tokenSecret = given ?? stored;
    const loaded = await loadBootstrapData(backend, { dataDir: config.dataDir, tokenSecret });
    const tls = await ensureServerTls(config.dataDir, { servingDnsNames: sans.dnsNames, servingIps: sans.ips, ...(now ? { now } : {}) });
    const creds = await ensureServerCredentials(config.dataDir, { caBundle: tls.serverCa.bundlePem, token: config.token, agentToken: config.agentToken });
    if (loaded) log.info('using the cluster CA and keys stored in the datastore by the first server');
    // Another server may store its data between our look and our write: then take theirs.
    if (loaded || await saveBootstrapData(backend, { dataDir: config.dataDir, tokenSecret: creds.serverPassword }) || attempt > 0) return { tls, creds };
  }
}

/** Starts the server described by `config`. Resolves once /readyz answers ok. */
export async function startServer(config: ServerConfig, opts: StartOptions = {}): Promise<RunningServer> {
  const life = new Lifecycle();
  let started = false;
  const health = new HealthRegistry();
  let shuttingDown = false;
  try {
    log.info(`Starting k3ts ${GIT_VERSION}, data dir ${config.dataDir}`);
    if (!config.components.disableAgent) log.warn('the node agent (kubelet, containerd) is not implemented yet: this server runs the control plane only, as with --disable-agent');
    const backend = await step('opening datastore', () => openBackend(config.datastore.endpoint ?? '', {
      dataDir: config.dataDir, caFile: config.datastore.caFile, certFile: config.datastore.certFile, keyFile: config.datastore.keyFile,
    }), { signal: opts.signal });
    life.defer('datastore', () => backend.close());
    const { tls, creds } = await step('preparing certificates and tokens', () => prepareCredentials(config, backend, opts.now), { signal: opts.signal });
    for (const f of tls.written) log.info(`wrote ${f}`);
    log.info(`Server node token is available at ${creds.paths.token}`);
    const security = await step('preparing authentication', () => new Security({
      clientCaPem: tls.clientCa.bundlePem, serverCaPem: tls.serverCa.bundlePem, serviceKeyPem: tls.serviceKeyPem, clusterDomain: config.networking.clusterDomain,
      passwdText: `${creds.serverPassword},server,server,k3s:server\n${creds.nodePassword},node,node,k3s:agent\n`,
      admission: {
        podSecurity: config.apiServerArgs.podSecurity,
        notReadyTolerationSeconds: config.apiServerArgs.notReadyTolerationSeconds,
        unreachableTolerationSeconds: config.apiServerArgs.unreachableTolerationSeconds,
      },
    }), { signal: opts.signal });
    const psa = config.apiServerArgs.podSecurity;
    if (psa && psa.audit.level !== 'privileged' && !config.apiServerArgs.audit?.logPath) {
      log.warn(`${config.apiServerArgs.admissionControlConfigFile ?? ''}: the PodSecurity audit default (${psa.audit.level}) shows only in the audit log, which is off (no audit-log-path)`);
    }
    const encryption = await step('loading secrets encryption', () => SecretsEncryption.open(config.dataDir, config.secretsEncryption), { signal: opts.signal });
    encryption.attach(backend);
    life.defer('secrets encryption', () => encryption.settled());
    const auditor = openAuditor(config.apiServerArgs.audit);
    if (auditor) life.defer('audit log', () => auditor.close());
    const api = opts.api ? undefined : await step('starting API server', () => ApiServer.start({
      backend, serviceCidr: firstIpv4(config.networking.serviceCidrs),
      nodePortRange: `${config.networking.serviceNodePortRange.min}-${config.networking.serviceNodePortRange.max}`,
      authorizer: security.authorizer, tokenReviewer: security.tokenReviewer, admission: (registry) => security.admission(registry),
      storageCodec: (def, prefix, codec) => encryption.wrap(def, prefix, codec), paths: [security.issuerDiscovery()],
      ...(auditor ? { auditor } : {}),
    }), { signal: opts.signal });
    if (api) life.defer('API server', () => api.stop());
    if (api) {
      await step('starting authorization', () => security.attach(api.registry), { signal: opts.signal });
      life.defer('authorization', () => security.stop());
    }
    health.add('etcd', async () => { await backend.currentRevision(); });
    health.add('ping', () => undefined);
    health.add('log', () => undefined);
    health.add('poststarthook/k3ts-startup', () => { if (!started) throw new Error('not finished'); });
    // kube-apiserver fails readiness first when it starts to shut down, so load balancers drain it.
    health.add('shutdown', () => { if (shuttingDown) throw new Error('process is shutting down'); }, { endpoints: ['readyz'] });
    const listener = await step('starting listener', () => startListener({
      bindAddress: config.listener.bindAddress, port: config.listener.httpsPort,
      certPem: tls.serving.certPem, keyPem: tls.serving.keyPem,
      clientCaPem: tls.clientCa.bundlePem, serverCaPem: tls.serverCa.bundlePem,
      health, authenticator: security.authenticator,
      api: opts.api ?? (api ? security.wrap(api.handler, { encryption, clientCa: tls.clientCa }) : notFoundHandler),
    }), { signal: opts.signal });
    life.defer('listener', () => listener.close());
    life.defer('readiness', () => { shuttingDown = true; });
    const url = localServerUrl(config.listener.bindAddress, listener.port);
    log.info(`Listening on ${config.listener.bindAddress}:${listener.port}`);
    if (api) {
      await step('creating cluster bootstrap objects', () => api.bootstrap({
        advertiseAddress: advertiseAddress(config), securePort: config.listener.advertisePort ?? listener.port,
      }), { signal: opts.signal });
      await step('reconciling RBAC bootstrap policy', () => security.start(), { signal: opts.signal });
      if (!config.components.disableControllerManager) {
        const cm = await step('starting controller manager', () => startControllerManager(api, {
          serverCa: tls.serverCa, clientCa: tls.clientCa, clusterCidrs: config.networking.clusterCidrs, args: config.controllerManager,
        }), { signal: opts.signal });
        life.defer('controller manager', () => cm.stop());
      }
    }
    if (api) {
      const scheduling = await step('starting scheduler and simulated nodes', () => startSchedulingComponents(api, config), { signal: opts.signal });
      life.defer('scheduler and simulated nodes', () => scheduling.stop());
    }
    await step('writing kubeconfig', () => writeAdminKubeconfig(config.kubeconfig.path, { url, tls, mode: config.kubeconfig.mode, group: config.kubeconfig.group }), { signal: opts.signal });
    log.info(`Wrote kubeconfig ${config.kubeconfig.path}`);
    started = true;
    log.info('k3ts is up and running');
    return { port: listener.port, url, health, close: () => life.close() };
  } catch (err) {
    await life.close().catch((e: unknown) => log.error(`cleanup after failed start: ${messageOf(e)}`));
    throw err;
  }
}

/** The audit log --kube-apiserver-arg asks for; kube-apiserver writes nothing without both a policy and a path. */
function openAuditor(a: ServerConfig['apiServerArgs']['audit']): Auditor | undefined {
  if (!a) return undefined;
  if (!a.policy || !a.logPath) {
    log.warn(a.policy ? 'audit-policy-file without audit-log-path: no audit log is written' : 'audit-log-path without audit-policy-file: no audit events are written (as kube-apiserver)');
    return undefined;
  }
  log.info(`writing audit events to ${a.logPath}`);
  try {
    return new Auditor(a.policy, new AuditLog({ path: a.logPath, maxBytes: a.maxSizeMb * 1024 * 1024, maxBackups: a.maxBackups, maxAgeDays: a.maxAgeDays }));
  } catch (err) {
    throw new StartupError(`cannot open the audit log ${a.logPath} (--kube-apiserver-arg audit-log-path): ${messageOf(err)}`);
  }
}
