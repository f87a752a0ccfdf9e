/** @module The conformance suite on a real MySQL/MariaDB (skipped with the reason when it is absent). */
import { openBackend } from '../../open.js';
import { runConformance } from '../../testing/conformance.js';
import { mysqlScratch, mysqlUnavailable } from '../../testing/sql-services.js';

runConformance({
  name: 'mysql',
  unavailable: await mysqlUnavailable(),
  tuning: { pollIntervalMs: 100 },
  async database() {
    const db = await mysqlScratch();
    return { open: (tuning) => openBackend(db.endpoint, { tuning }), drop: db.drop };
  },
});
