/** @module The conformance suite on a real PostgreSQL (skipped with the reason when it is absent). */
import { openBackend } from '../../open.js';
import { runConformance } from '../../testing/conformance.js';
import { pgScratch, pgUnavailable } from '../../testing/sql-services.js';

runConformance({
  name: 'postgres',
  unavailable: await pgUnavailable(),
  tuning: { pollIntervalMs: 200 },
  async database() {
    const db = await pgScratch();
    return { open: (tuning) => openBackend(db.endpoint, { tuning }), drop: db.drop };
  },
});
