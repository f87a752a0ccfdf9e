/**
 * @module `GET /version`: the Kubernetes version.Info JSON kube-apiserver returns (kubectl
 * `version` reads gitVersion and warns on minor skew), reporting the API level k3ts serves.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { statusErrors } from '../../api/status.js';
import { GIT_VERSION, K3TS_VERSION, KUBERNETES_VERSION, platform } from '../../base/version.js';
import { writeError, writeJson } from '../http/respond.js';

/** The version.Info fields, in the order kube-apiserver writes them. */
export interface VersionInfo {
  readonly major: string;
  readonly minor: string;
  readonly emulationMajor: string;
  readonly emulationMinor: string;
  readonly minCompatibilityMajor: string;
  readonly minCompatibilityMinor: string;
  readonly gitVersion: string;
  readonly gitCommit: string;
  readonly gitTreeState: string;
  readonly buildDate: string;
  readonly goVersion: string;
  readonly compiler: string;
  readonly platform: string;
}

const BUILD_DATE = new Date().toISOString().replace(/\.\d+Z$/, 'Z');

/** The version this process reports. */
export function versionInfo(): VersionInfo {
  const { major, minor } = KUBERNETES_VERSION;
  return {
    major: String(major),
    minor: String(minor),
    emulationMajor: String(major),
    emulationMinor: String(minor),
    // A 1.33 control plane stays compatible with 1.32 (kube's default minimum compatibility).
    minCompatibilityMajor: String(major),
    minCompatibilityMinor: String(minor - 1),
    gitVersion: GIT_VERSION,
    gitCommit: `k3ts-${K3TS_VERSION}`,
    gitTreeState: 'clean',
    buildDate: BUILD_DATE,
    // The runtime k3ts is built on; kube-apiserver reports its Go version here.
    goVersion: `node${process.versions.node}`,
    compiler: 'tsc',
    platform: platform(),
  };
}

/** Serves `/version` (GET or HEAD). */
export function handleVersion(req: IncomingMessage, res: ServerResponse): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    writeError(res, statusErrors.methodNotAllowed());
    return;
  }
  writeJson(res, versionInfo());
}
