/**
 * @module Version facts: the k3ts release and the Kubernetes API level it serves. The
 * `/version` endpoint and `k3ts --version` both read these, so they can never disagree.
 */

/** The k3ts release (package.json `version`). */
export const K3TS_VERSION = '0.1.0';

/** The Kubernetes release whose API k3ts serves. */
export const KUBERNETES_VERSION = { major: 1, minor: 33, patch: 3 } as const;

/** `v1.33.3+k3ts`: the Kubernetes version with the distribution suffix, as k3s does (`+k3s1`). */
export const GIT_VERSION = `v${KUBERNETES_VERSION.major}.${KUBERNETES_VERSION.minor}.${KUBERNETES_VERSION.patch}+k3ts`;

/** The Go-style platform string (`linux/amd64`) for this process. */
export function platform(): string {
  const arch: Record<string, string> = { x64: 'amd64', arm64: 'arm64', arm: 'arm', ia32: '386', s390x: 's390x', ppc64: 'ppc64le' };
  return `${process.platform}/${arch[process.arch] ?? process.arch}`;
}
