/** @module The conformance suite on the memory driver (named databases survive a restart). */
import { randomUUID } from 'node:crypto';
import { runConformance } from '../../testing/conformance.js';
import { dropMemoryDatabase } from './memory-log.js';
import { openMemory } from './memory-driver.js';

runConformance({
  name: 'memory',
  async database() {
    const name = randomUUID();
    return {
      open: (tuning) => openMemory(name, tuning),
      drop: async () => dropMemoryDatabase(name),
    };
  },
});
