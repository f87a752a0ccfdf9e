// bench/scale: runs the API latency probe in its own process, so the load generator's event
// loop does not add to the latencies it reports. Prints the results as one JSON line when its
// stdin closes.  node dist/bench/scale/probe-main.js <kubeconfig> <namespace> <intervalMs>
import { setLogSink } from '../../src/base/log.js';
import { clientFromKubeconfig } from '../../src/client/client.js';
import type { Node, Pod } from '../../src/client/kinds/core.js';
import { resources } from '../../src/client/resources.js';
import { ApiProbe } from './probe.js';

setLogSink({ write: () => undefined });
const [kubeconfig = '', namespace = 'default', interval = '100'] = process.argv.slice(2);
const client = clientFromKubeconfig(kubeconfig, { userAgent: 'k3ts-bench-probe' });
const nodeNames = (await client.resource<Node>(resources.nodes).list({ limit: 500 })).items.map((n) => n.metadata.name ?? '');
let podNames: string[] = [];
const sample = (): void => {
  void client.resource<Pod>(resources.pods).list({ namespace, limit: 500 }).then((l) => { podNames = l.items.map((p) => p.metadata.name ?? ''); }, () => undefined);
};
sample();
const refresh = setInterval(sample, 2000);
const probe = new ApiProbe(client, { namespace, nodeNames, podNames: () => podNames, intervalMs: Number(interval) });
probe.start();
process.stdout.write('ready\n');
process.stdin.resume();
process.stdin.on('end', () => {
  clearInterval(refresh);
  void probe.stop().then(() => {
    process.stdout.write(`${JSON.stringify(probe.results())}\n`);
    client.close();
    process.exit(0);
  });
});
