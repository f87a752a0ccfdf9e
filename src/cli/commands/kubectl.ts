/**
 * @module `k3ts kubectl ...`: runs the kubectl found on PATH (k3ts bundles none) with the
 * arguments given. Without $KUBECONFIG or --kubeconfig it points kubectl at the admin
 * kubeconfig the server writes, when that file exists, as `k3s kubectl` does.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { homedir } from 'node:os';
import { DEFAULTS } from '../../config/defaults.js';
import { configFileList, loadConfigFiles } from '../config-file.js';
import { SERVER_FLAGS } from '../flags/server.js';
import type { Command } from '../io.js';
import { configLocation, envValues } from '../settings.js';

/** Where the server writes its kubeconfig: config files, then $K3S_KUBECONFIG_OUTPUT, then k3s's default. */
async function serverKubeconfig(env: NodeJS.ProcessEnv): Promise<string> {
  try {
    const files = await configFileList(configLocation(new Map(), env).path);
    const fromFiles = (await loadConfigFiles(SERVER_FLAGS, files)).values.get('write-kubeconfig');
    const fromEnv = envValues(SERVER_FLAGS, env).get('write-kubeconfig');
    const v = (fromFiles ?? fromEnv)?.at(-1)?.value;
    if (typeof v === 'string' && v) return resolve(v);
  } catch {
    // A broken config file is reported by `server`; here the default is good enough.
  }
  return (process.getuid?.() ?? 0) === 0 ? DEFAULTS.kubeconfigRoot : resolve(homedir(), DEFAULTS.kubeconfigUser);
}

function hasKubeconfigFlag(argv: readonly string[]): boolean {
  return argv.some((a) => a === '--kubeconfig' || a.startsWith('--kubeconfig='));
}

export const kubectlCommand: Command = {
  name: 'kubectl',
  summary: 'Run kubectl',
  async run(argv, io) {
    const env = { ...io.env };
    if (!env['KUBECONFIG'] && !hasKubeconfigFlag(argv)) {
      const path = await serverKubeconfig(io.env);
      if (existsSync(path)) env['KUBECONFIG'] = path;
    }
    return new Promise<number>((done) => {
      const child = spawn('kubectl', [...argv], { stdio: 'inherit', env });
      child.on('error', (err: NodeJS.ErrnoException) => {
        io.stderr.write(err.code === 'ENOENT' ? `${io.app} kubectl: no kubectl on PATH; k3ts does not bundle one, install kubectl\n` : `${io.app} kubectl: ${err.message}\n`);
        done(1);
      });
      child.on('exit', (code, sig) => done(code ?? (sig ? 128 : 1)));
    });
  },
};
