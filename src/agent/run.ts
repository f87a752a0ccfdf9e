/**
 * @module `k3ts agent` with simulated nodes: k3s's join path far enough to run kubelets that need
 * no containers. TLS bootstrap against the supervisor, the node password file, one
 * `client-kubelet.crt` (system:node:<name>) per simulated node, then SimulatedNodes with one HTTPS
 * client per node, so the server's Node authorizer and NodeRestriction see each node as itself.
 */
import { sleep } from '../base/async.js';
import { AbortedError, JoinError, messageOf } from '../base/errors.js';
import { logger } from '../base/log.js';
import { type Client, clientForConnection } from '../client/client.js';
import { SimulatedNodes, simulatedNodeNames } from '../kubelet/simulated/simulated-nodes.js';
import type { AgentRunConfig } from './config.js';
import { ensureNodePassword, nodePasswordFile } from './node-password.js';
import { SupervisorClient } from './supervisor-client.js';

const log = logger('agent');

/** A running agent. */
export interface RunningAgent {
  readonly simulated: SimulatedNodes;
  /** Stops the nodes' loops and closes their connections. */
  close(): Promise<void>;
}

export interface AgentOptions {
  readonly signal: AbortSignal;
  /** The default data dir (/var/lib/rancher/k3s): the node password then lives in /etc/rancher/node. */
  readonly defaultDataDir: string;
}

const PEM_CERTS = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----\n?/g;
const PEM_KEY = /-----BEGIN (?:EC |RSA )?PRIVATE KEY-----[\s\S]*?-----END (?:EC |RSA )?PRIVATE KEY-----\n?/;

/** Splits k3s's certificate answer (the chain, then the key) into its parts. */
export function splitCertKey(pem: string): { cert: string; key: string } {
  const cert = (pem.match(PEM_CERTS) ?? []).join('');
  const key = PEM_KEY.exec(pem)?.[0] ?? '';
  if (!cert || !key) throw new JoinError('the server answered the certificate request without a certificate and key');
  return { cert, key };
}

const refused = (err: unknown): boolean =>
  err instanceof JoinError && (err.status === 401 || err.status === 403 || err.message.startsWith('token CA hash'));

/** Retries `fn` while the server is not ready (anything but a refusal), as k3s's agent waits. */
async function untilServerAnswers<T>(what: string, fn: () => Promise<T>, signal: AbortSignal): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      if (signal.aborted || refused(err)) throw err;
      log.info(`Waiting to retrieve ${what}; server is not ready: ${messageOf(err)}`);
      await sleep(Math.min(5_000, 250 * 2 ** attempt), signal);
    }
  }
}

/** Fetches one kubelet client certificate per node name, a few at a time. */
async function kubeletCertificates(sup: SupervisorClient, names: readonly string[], opts: { password: string; passwordFile: string; signal: AbortSignal }): Promise<Map<string, { cert: string; key: string }>> {
  const certs = new Map<string, { cert: string; key: string }>();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < names.length) {
      const name = names[next++] as string;
      const headers = { 'k3s-Node-Name': name, 'k3s-Node-Password': opts.password };
      try {
        const body = await untilServerAnswers('the kubelet client certificate', () => sup.get('/v1-k3s/client-kubelet.crt', headers, opts.signal), opts.signal);
        certs.set(name, splitCertKey(body.toString('utf8')));
      } catch (err) {
        if (!(err instanceof JoinError) || err.status !== 403) throw err;
        // k3s's agent message for a password the server's Secret does not match.
        throw new JoinError(`${name}: Node password rejected, duplicate hostname or contents of '${opts.passwordFile}' may not match server node-passwd entry, try enabling a unique node name with the --with-node-id flag`, { cause: err, status: 403 });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(8, names.length) }, worker));
  return certs;
}

/** Joins the server and starts the simulated nodes; resolves once every node is registered. */
export async function startAgent(config: AgentRunConfig, opts: AgentOptions): Promise<RunningAgent> {
  const signal = opts.signal;
  const sup = await untilServerAnswers('the server CA', () => SupervisorClient.connect(config.serverUrl, config.token.parsed, signal), signal);
  const passwordFile = nodePasswordFile(config.dataDir, { defaultDataDir: opts.defaultDataDir });
  const password = await ensureNodePassword(passwordFile);
  const sim = config.simulation;
  const certs = await kubeletCertificates(sup, simulatedNodeNames(sim.nodes, sim.namePrefix), { password, passwordFile, signal });
  log.info(`got kubelet client certificates for ${certs.size} simulated nodes from ${config.serverUrl}`);
  const clients: Client[] = [];
  const connect = (c: { cert?: string; key?: string }): Client => {
    const client = clientForConnection({ server: config.serverUrl, ca: sup.caPem, ...c });
    clients.push(client);
    return client;
  };
  const nodes = new SimulatedNodes({
    // Each node talks through its own certificate (clientFor); the base client is never used.
    client: connect({}), count: sim.nodes, namePrefix: sim.namePrefix, capacity: { ...sim.capacity }, zones: sim.zones,
    // As real kubelets: the server's node IPAM gives each node its pod CIDR, so ranges never overlap.
    podCidrs: 'assigned',
    labels: Object.fromEntries(sim.labels.map((l) => [l.key, l.value])),
    taints: sim.taints.map((t) => ({ key: t.key, ...(t.value ? { value: t.value } : {}), effect: t.effect })),
    clientFor: (name) => {
      const c = certs.get(name);
      if (!c) throw new JoinError(`no kubelet client certificate for node ${name}`);
      return connect(c);
    },
  });
  const ctl = new AbortController();
  const stop = (): void => ctl.abort();
  signal.addEventListener('abort', stop, { once: true });
  const running = nodes.run(ctl.signal);
  const close = async (): Promise<void> => {
    ctl.abort();
    signal.removeEventListener('abort', stop);
    await running.catch(() => undefined);
    for (const c of clients) c.close();
  };
  try {
    await Promise.race([nodes.registeredNodes(), running]);
    // Registration gives up quietly when stopped; a stopped agent is not up.
    if (ctl.signal.aborted) throw new AbortedError('stopped before the simulated nodes registered');
  } catch (err) {
    await close();
    throw err;
  }
  return { simulated: nodes, close };
}
