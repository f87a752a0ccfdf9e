/**
 * @module Resolves `k3ts server`'s flag values into the typed, frozen ServerConfig (its shape is
 * declared by the server in src/server/config.ts). Pure: flag values plus host facts in, a
 * ServerConfig or a ConfigError naming the flag and where its value came from out.
 */
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { cidrIndexedIp, formatIp, parseCidr } from '../base/cidr.js';
import { DEFAULTS } from './defaults.js';
import { DISABLE_ITEMS, ENCRYPTION_PROVIDERS, FLANNEL_BACKENDS, type DisableItem, type FlannelBackend, type ServerConfig } from '../server/config.js';
import { resolveApiServerArgs } from './apiserver-args.js';
import { resolveControllerManagerArgs } from './controller-manager-args.js';
import { absolutePath, deepFreeze, resolveDataDir, resolveLog, resolveNode, resolveSimulation, resolveToken } from './common.js';
import type { HostFacts } from './host.js';
import { badValue, type FlagSettings } from './settings.js';
import { cidrList, fileMode, ip, ipList, isDnsSubdomain, oneOf, port, portRange } from './validate.js';



const DATASTORE_SCHEMES = ['sqlite', 'postgres', 'postgresql', 'mysql', 'http', 'https', 'unix'];

function flannelBackend(s: FlagSettings): FlannelBackend {
  const b = s.string('flannel-backend');
  if (!b) return DEFAULTS.flannelBackend;
  // k3s removed these two backends and fails with a pointer to the replacement.
  if (b.value === 'ipsec' || b.value === 'wireguard') throw badValue({ name: 'flannel-backend', source: b.source }, `"${b.value}" was removed from k3s; use wireguard-native`);
  return oneOf('flannel-backend', b, { allowed: FLANNEL_BACKENDS });
}

function datastoreEndpoint(s: FlagSettings): string | undefined {
  const e = s.string('datastore-endpoint');
  if (!e?.value) return undefined;
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(e.value)?.[1]?.toLowerCase();
  if (!scheme || !DATASTORE_SCHEMES.includes(scheme)) {
    // Never echo the value: a DSN carries a password.
    throw badValue({ name: 'datastore-endpoint', source: e.source }, `expected sqlite://, postgres://, mysql:// or http(s)://<etcd> endpoints${scheme ? `, not ${scheme}://` : ''}`);
  }
  return e.value;
}

function tlsSans(s: FlagSettings): string[] {
  return s.list('tls-san').items.map((it) => {
    const v = it.value.trim();
    if (isIP(v)) return ip('tls-san', { value: v, source: it.source });
    if (!isDnsSubdomain(v.replace(/^\*\./, '').toLowerCase())) throw badValue({ name: 'tls-san', source: it.source }, `"${v}" is neither an IP address nor a DNS name`);
    return v.toLowerCase();
  });
}

/** The 10th address of each service CIDR: k3s's default cluster DNS (10.43.0.10). */
function defaultClusterDns(serviceCidrs: readonly string[]): string[] {
  return serviceCidrs.map((c) => formatIp(cidrIndexedIp(parseCidr(c) as NonNullable<ReturnType<typeof parseCidr>>, DEFAULTS.clusterDnsIndex) as NonNullable<ReturnType<typeof cidrIndexedIp>>));
}

function disableItems(s: FlagSettings): DisableItem[] {
  const out: DisableItem[] = [];
  for (const it of s.list('disable').items) {
    const item = oneOf('disable', { value: it.value.trim(), source: it.source }, { allowed: DISABLE_ITEMS });
    if (!out.includes(item)) out.push(item);
  }
  return out;
}


/** Builds the frozen ServerConfig; throws ConfigError naming the offending flag and its origin. */
export function resolveServerConfig(s: FlagSettings, host: HostFacts): ServerConfig {
  const bind = s.string('bind-address');
  const adv = s.string('advertise-address');
  const advPort = s.int('advertise-port');
  const kubeconfig = s.string('write-kubeconfig')?.value;
  const mode = s.string('write-kubeconfig-mode');
  const clusterCidrs = cidrList('cluster-cidr', s.list('cluster-cidr'));
  const serviceCidrs = cidrList('service-cidr', s.list('service-cidr'));
  const svc = serviceCidrs.length ? serviceCidrs : [DEFAULTS.serviceCidr];
  const dns = ipList('cluster-dns', s.list('cluster-dns'), { perFamily: true });
  const domain = s.string('cluster-domain');
  if (domain && !isDnsSubdomain(domain.value)) throw badValue({ name: 'cluster-domain', source: domain.source }, `"${domain.value}" is not a DNS domain such as cluster.local`);
  const range = s.string('service-node-port-range');
  const httpsPort = s.int('https-listen-port');
  const optionalPath = (name: string): string | undefined => {
    const v = s.string(name)?.value;
    return v ? absolutePath(host, v) : undefined;
  };
  const config: ServerConfig = {
    command: 'server',
    log: resolveLog(s, host),
    dataDir: resolveDataDir(s, host),
    listener: {
      bindAddress: bind?.value ? ip('bind-address', bind) : DEFAULTS.bindAddress,
      httpsPort: httpsPort ? port('https-listen-port', httpsPort, { allowZero: true }) : DEFAULTS.httpsListenPort,
      advertiseAddress: adv?.value ? ip('advertise-address', adv) : undefined,
      advertisePort: advPort && advPort.value !== 0 ? port('advertise-port', advPort, { allowZero: false }) : undefined,
      tlsSans: tlsSans(s),
    },
    kubeconfig: {
      path: kubeconfig ? absolutePath(host, kubeconfig) : host.uid === 0 ? DEFAULTS.kubeconfigRoot : resolve(host.home, DEFAULTS.kubeconfigUser),
      mode: mode?.value ? fileMode('write-kubeconfig-mode', mode) : DEFAULTS.kubeconfigMode,
      group: s.string('write-kubeconfig-group')?.value || undefined,
    },
    token: resolveToken(s, host, { flag: 'token' }),
    agentToken: resolveToken(s, host, { flag: 'agent-token' }),
    datastore: {
      endpoint: datastoreEndpoint(s),
      caFile: optionalPath('datastore-cafile'),
      certFile: optionalPath('datastore-certfile'),
      keyFile: optionalPath('datastore-keyfile'),
    },
    networking: {
      clusterCidrs: clusterCidrs.length ? clusterCidrs : [DEFAULTS.clusterCidr],
      serviceCidrs: svc,
      clusterDns: dns.length ? dns : defaultClusterDns(svc),
      clusterDomain: domain?.value || DEFAULTS.clusterDomain,
      serviceNodePortRange: portRange('service-node-port-range', range ?? { value: DEFAULTS.serviceNodePortRange, source: { kind: 'default' } }),
      flannelBackend: flannelBackend(s),
    },
    components: {
      disable: disableItems(s),
      disableAgent: s.bool('disable-agent')?.value ?? false,
      disableScheduler: s.bool('disable-scheduler')?.value ?? false,
      disableControllerManager: s.bool('disable-controller-manager')?.value ?? false,
      disableCloudController: s.bool('disable-cloud-controller')?.value ?? false,
      disableKubeProxy: s.bool('disable-kube-proxy')?.value ?? false,
      disableNetworkPolicy: s.bool('disable-network-policy')?.value ?? false,
      disableHelmController: s.bool('disable-helm-controller')?.value ?? false,
    },
    node: resolveNode(s, host),
    simulation: resolveSimulation(s),
    controllerManager: resolveControllerManagerArgs(s, clusterCidrs.length ? clusterCidrs : [DEFAULTS.clusterCidr]),
    apiServerArgs: resolveApiServerArgs(s, (path) => host.readFile(path)),
    secretsEncryption: {
      enabled: s.bool('secrets-encryption')?.value ?? false,
      provider: oneOf('secrets-encryption-provider', s.string('secrets-encryption-provider') ?? { value: 'aescbc', source: { kind: 'default' } }, { allowed: ENCRYPTION_PROVIDERS }),
    },
  };
  return deepFreeze(config);
}
