/**
 * @module A leader-election candidate in its own process, for tests that kill it:
 * `node elector-child.js <kubeconfig> <identity> [leaseMs renewMs retryMs]` prints
 * `leading <identity>` when it leads and `stopped <identity>` when it stops leading; SIGTERM
 * stops it cleanly (releasing the lease), SIGKILL simulates a crash.
 */
import { clientFromKubeconfig } from '../client.js';
import { LeaderElector } from '../leader-election.js';
import { setLogSink } from '../../base/log.js';

async function main(argv: readonly string[]): Promise<void> {
  const [kubeconfig, identity, lease, renew, retry] = argv;
  if (!kubeconfig || !identity) return;
  setLogSink({ write: () => undefined });
  const ctl = new AbortController();
  process.on('SIGTERM', () => ctl.abort());
  const elector = new LeaderElector({
    client: clientFromKubeconfig(kubeconfig), namespace: 'kube-system', name: 'test-election', identity,
    ...(lease ? { leaseDurationMs: Number(lease) } : {}), ...(renew ? { renewDeadlineMs: Number(renew) } : {}), ...(retry ? { retryPeriodMs: Number(retry) } : {}),
    onStartedLeading: () => { process.stdout.write(`leading ${identity}\n`); },
    onStoppedLeading: () => { process.stdout.write(`stopped ${identity}\n`); },
  });
  await elector.run(ctl.signal);
  process.exit(0);
}

void main(process.argv.slice(2));
