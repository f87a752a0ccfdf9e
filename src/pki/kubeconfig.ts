/**
 * @module Kubeconfig documents with embedded credentials, shaped as k3s writes
 * `/etc/rancher/k3s/k3s.yaml`: one cluster, user and context, all named `default`.
 */

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

/** A YAML scalar for a value that may hold YAML punctuation (URLs with brackets, names). */
const scalar = (s: string): string => JSON.stringify(s);

/**
 * Renders the kubeconfig YAML. A fixed template (as k3s uses) rather than a YAML library:
 * every value is base64 or JSON-quoted, so the text is always well-formed.
 */
export function renderKubeconfig(spec: KubeconfigSpec): string {
  const name = scalar(spec.name ?? 'default');
  return `apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: ${b64(spec.caPem)}
    server: ${scalar(spec.server)}
  name: ${name}
contexts:
- context:
    cluster: ${name}
    user: ${name}
  name: ${name}
current-context: ${name}
kind: Config
preferences: {}
users:
- name: ${name}
  user:
    client-certificate-data: ${b64(spec.clientCertPem)}
    client-key-data: ${b64(spec.clientKeyPem)}
`;
}
