// A background task that never overlaps itself and never misses a request: asked while it runs,
// it runs once more right after, however many times it was asked meanwhile. Used for the
// moderator alerts and for site rebuilds, where a request means "something new may be waiting".

export interface CoalescedTask {
  /** Runs the task now, or once more after the run in progress. */
  request(): void;
  /** The run in progress, if any. */
  readonly current: Promise<void> | undefined;
}

/** The task handles its own errors (its promise must not reject); `idle` runs when no rerun is due. */
export function coalesced(task: () => Promise<void>, idle: () => void = () => {}): CoalescedTask {
  let running: Promise<void> | undefined;
  let again = false;
  const request = (): void => {
    if (running !== undefined) {
      again = true;
      return;
    }
    running = task().finally(() => {
      running = undefined;
      if (again) {
        again = false;
        request();
      } else {
        idle();
      }
    });
  };
  return {
    request,
    get current() {
      return running;
    },
  };
}
