/**
 * @module Shutdown on SIGINT/SIGTERM: the first signal aborts the returned signal so the
 * command stops in order; a second one exits at once (an operator insisting).
 */
import { logger } from '../base/log.js';

const log = logger('signals');

/** An AbortSignal that aborts on the first SIGINT or SIGTERM; `dispose` removes the handlers. */
export function shutdownSignal(): { signal: AbortSignal; dispose(): void } {
  const ctl = new AbortController();
  const onSignal = (sig: NodeJS.Signals): void => {
    if (ctl.signal.aborted) {
      log.warn(`received ${sig} again, exiting immediately`);
      process.exit(1);
    }
    log.info(`received ${sig}, shutting down`);
    ctl.abort(new Error(sig));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    signal: ctl.signal,
    dispose() {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}
