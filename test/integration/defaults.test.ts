/**
 * `k3ts server` with k3s's default paths (/var/lib/rancher/k3s, /etc/rancher/k3s/k3s.yaml) and
 * `k3ts kubectl` finding that kubeconfig by itself. Runs in a private mount namespace with
 * overlays on /etc and /var/lib whose writable layers are in a temp dir, so the host's folders
 * are never touched; skips when not root or when `unshare` or overlayfs is missing.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../src/base/testing/ports.js';
import { BIN, kubectlPath, tmpDir } from './harness.js';

/** True when a private mount namespace with an overlay mount can be made here. */
function canIsolate(): boolean {
  if ((process.getuid?.() ?? 1) !== 0) return false;
  const d = mkdtempSync(join(tmpdir(), 'k3ts-ovl-'));
  try {
    for (const s of ['l', 'u', 'w', 'm']) mkdirSync(join(d, s));
    const probe = `mount --make-rprivate / && mount -t overlay overlay -o lowerdir=${d}/l,upperdir=${d}/u,workdir=${d}/w ${d}/m`;
    return spawnSync('unshare', ['-m', 'sh', '-c', probe]).status === 0;
  } finally {
    rmSync(d, { recursive: true, force: true });
  }
}
const canUnshare = canIsolate();

test('k3ts server uses k3s\'s default data dir and kubeconfig, and k3ts kubectl finds it', {
  skip: (!canUnshare && 'needs root, unshare -m and overlayfs (to keep /etc and /var/lib untouched)') || (!kubectlPath(33) && 'kubectl not installed'),
}, async (t) => {
  const dir = tmpDir(t);
  const script = join(dir, 'run.sh');
  const port = await freePort();
  writeFileSync(script, `set -e
mount --make-rprivate /
mkdir -p ${dir}/etc-up ${dir}/etc-work ${dir}/lib-up ${dir}/lib-work
mount -t overlay overlay -o lowerdir=/etc,upperdir=${dir}/etc-up,workdir=${dir}/etc-work /etc
mount -t overlay overlay -o lowerdir=/var/lib,upperdir=${dir}/lib-up,workdir=${dir}/lib-work /var/lib
export HOME=${dir} K3S_CONFIG_FILE=${dir}/none.yaml
${BIN} server --https-listen-port ${port} > ${dir}/server.log 2>&1 &
pid=$!
for i in $(seq 1 300); do grep -q "up and running" ${dir}/server.log && break; kill -0 $pid; sleep 0.1; done
${BIN} kubectl get --raw /readyz
echo
stat -c '%a %n' /etc/rancher/k3s/k3s.yaml /var/lib/rancher/k3s/server/token /var/lib/rancher/k3s/server/tls/server-ca.key
kill -TERM $pid
wait $pid
echo "exit=$?"
`);
  const hostHadKubeconfig = existsSync('/etc/rancher/k3s/k3s.yaml');
  const r = spawnSync('unshare', ['-m', 'sh', script], { encoding: 'utf8', timeout: 60_000, env: { PATH: process.env['PATH'] ?? '' } });
  assert.equal(r.status, 0, `${r.stdout}\n${r.stderr}`);
  // The writes landed in the overlay's upper layer, not on the host.
  assert.equal(existsSync('/etc/rancher/k3s/k3s.yaml'), hostHadKubeconfig);
  assert.equal(existsSync(join(dir, 'etc-up', 'rancher', 'k3s', 'k3s.yaml')), true);
  assert.equal(r.stdout, `ok
600 /etc/rancher/k3s/k3s.yaml
600 /var/lib/rancher/k3s/server/token
600 /var/lib/rancher/k3s/server/tls/server-ca.key
exit=0
`);
});
