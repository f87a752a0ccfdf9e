/**
 * @module The API serving certificate's subject alternative names, as k3s computes them: the
 * `kubernetes` service names, localhost and loopback, the first IP of each service CIDR, the
 * node's hostname, name and addresses, the advertise and bind addresses, and every --tls-san.
 */
import { isIP } from 'node:net';
import { cidrIndexedIp, formatIp, parseCidr } from '../base/cidr.js';
import type { ServerConfig } from './config.js';

/** DNS names and IPs for serving-kube-apiserver.crt. */
export interface ServingSans {
  readonly dnsNames: readonly string[];
  readonly ips: readonly string[];
}

/** Computes the SAN list; `hostname` is the machine's host name. */
export function servingSans(config: ServerConfig, hostname: string): ServingSans {
  const dns = new Set<string>(['kubernetes', 'kubernetes.default', 'kubernetes.default.svc', `kubernetes.default.svc.${config.networking.clusterDomain}`, 'localhost']);
  const ips = new Set<string>(['127.0.0.1', '::1']);
  for (const c of config.networking.serviceCidrs) {
    const cidr = parseCidr(c);
    const first = cidr && cidrIndexedIp(cidr, 1);
    if (first) ips.add(formatIp(first));
  }
  for (const name of [hostname.toLowerCase(), config.node.name]) if (name) dns.add(name);
  for (const ip of [...config.node.ips, ...config.node.externalIps]) ips.add(ip);
  if (config.listener.advertiseAddress) ips.add(config.listener.advertiseAddress);
  const bind = config.listener.bindAddress;
  if (bind !== '0.0.0.0' && bind !== '::') ips.add(bind);
  for (const san of config.listener.tlsSans) (isIP(san) ? ips : dns).add(san);
  return { dnsNames: [...dns], ips: [...ips] };
}
