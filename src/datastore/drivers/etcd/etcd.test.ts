/**
 * @module The conformance suite on a real etcd 3.4 started on loopback (skipped when etcd is
 * not installed). One etcd serves the whole file; cases keep to their own key prefixes.
 */
import { after } from 'node:test';
import { openBackend } from '../../open.js';
import { runConformance } from '../../testing/conformance.js';
import { etcdUnavailable, startEtcd, type EtcdServer } from '../../testing/etcd-server.js';

const unavailable = etcdUnavailable();
const etcd: EtcdServer | undefined = unavailable ? undefined : await startEtcd();
after(() => etcd?.stop());

runConformance({
  name: 'etcd',
  unavailable,
  async database() {
    return { open: (tuning) => openBackend(etcd!.endpoint, { tuning }), drop: async () => undefined };
  },
});
