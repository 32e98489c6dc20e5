/** The signals that stop a run. */
export type StopSignal = 'SIGINT' | 'SIGTERM';

/**
 * Ctrl-C / SIGTERM for a run in Node: the first signal asks the run to stop after the current
 * mini-batch (so that its checkpoint is consistent); a second one ends the process at once
 * with the usual exit code (130 for SIGINT, 143 for SIGTERM).
 */
export interface StopSignals {
  /** The signal received, or null. */
  readonly received: () => StopSignal | null;
  /** Stops listening. */
  readonly dispose: () => void;
}

/** The exit code a shell expects after `signal`. */
export function signalExitCode(signal: StopSignal): number {
  return signal === 'SIGINT' ? 130 : 143;
}

/** Starts listening for SIGINT and SIGTERM (Node only). */
export function watchStopSignals(): StopSignals {
  let received: StopSignal | null = null;
  const onSignal = (signal: StopSignal): void => {
    if (received) process.exit(signalExitCode(signal));
    received = signal;
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    received: () => received,
    dispose: () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}

/** A pause that lets the event loop run (signals are delivered there) about every 20 ms of training. */
export function eventLoopYielder(): () => Promise<void> | null {
  let last = performance.now();
  return () => {
    const now = performance.now();
    if (now - last < 20) return null;
    last = now;
    return new Promise((done) => setImmediate(done));
  };
}
