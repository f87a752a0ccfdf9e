/**
 * @module Kubeconfig documents with embedded credentials, shaped as k3s writes
 * `/etc/rancher/k3s/k3s.yaml`: one cluster, user and context, all named `default`.
 */
import { stringify } from 'yaml';

/** What goes into a kubeconfig. */
export interface KubeconfigSpec {
  /** `https://127.0.0.1:6443` */
  readonly server: string;
  readonly caPem: string;
  readonly clientCertPem: string;
  readonly clientKeyPem: string;
  /** Cluster, user and context name (default `default`, as k3s). */
  readonly name?: string;
}

const b64 = (s: string): string => Buffer.from(s).toString('base64');

/** Renders the kubeconfig YAML. */
export function renderKubeconfig(spec: KubeconfigSpec): string {
  const name = spec.name ?? 'default';
  return stringify({
    apiVersion: 'v1',
    clusters: [{ cluster: { 'certificate-authority-data': b64(spec.caPem), server: spec.server }, name }],
    contexts: [{ context: { cluster: name, user: name }, name }],
    'current-context': name,
    kind: 'Config',
    preferences: {},
    users: [{ name, user: { 'client-certificate-data': b64(spec.clientCertPem), 'client-key-data': b64(spec.clientKeyPem) } }],
  }, { lineWidth: 0 });
}
