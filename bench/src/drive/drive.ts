/** Open loop: `rate` changes per second spread round-robin over the orgs, whatever the latency. */
export interface DriveOutcome {
  issued: number;
  failed: number;
  /** Changes that started more than 100 ms behind their schedule (writer at its in-flight cap). */
  late: number;
  firstError: string | null;
}

export interface DriveControl {
  stop(): void;
  /** Resolves once stopped and every started change has finished. */
  done: Promise<DriveOutcome>;
}

function outcome(): DriveOutcome {
  return { issued: 0, failed: 0, late: 0, firstError: null };
}

export function driveAtRate(options: { rate: number; orgCount: number; maxInFlight: number; change(orgIndex: number): Promise<void> }): DriveControl {
  const result = outcome();
  const running = new Set<Promise<void>>();
  const startedAt = performance.now();
  let stopped = false;
  let orgCursor = 0;
  let timer: NodeJS.Timeout | undefined;

  const issue = (now: number) => {
    const orgIndex = orgCursor++ % options.orgCount;
    const scheduledAt = startedAt + (result.issued / options.rate) * 1000;
    if (now - scheduledAt > 100) result.late += 1;
    result.issued += 1;
    const p: Promise<void> = options
      .change(orgIndex)
      .catch((error: unknown) => {
        result.failed += 1;
        result.firstError ??= (error as Error).message;
      })
      .finally(() => running.delete(p));
    running.add(p);
  };

  let finish: (value: DriveOutcome) => void = () => undefined;
  const done = new Promise<DriveOutcome>((resolve) => (finish = resolve));
  const loop = () => {
    if (stopped) return;
    const now = performance.now();
    const due = Math.floor(((now - startedAt) / 1000) * options.rate);
    while (result.issued < due && running.size < options.maxInFlight) issue(now);
    timer = setTimeout(loop, 1);
  };
  loop();
  return {
    stop() {
      if (stopped) return;
      stopped = true;
      clearTimeout(timer);
      void Promise.all(running).then(() => finish(result));
    },
    done
  };
}

/**
 * Closed loop for saturation: keeps `window` changes outstanding, where a change is outstanding
 * from the moment it starts until every console that should get its event has it (`complete()`).
 */
export function driveWindow(options: {
  window: number;
  orgCount: number;
  change(orgIndex: number): Promise<void>;
}): DriveControl & { complete(count: number): void } {
  const result = outcome();
  const running = new Set<Promise<void>>();
  let outstanding = 0;
  let stopped = false;
  let orgCursor = 0;
  let finish: (value: DriveOutcome) => void = () => undefined;
  const done = new Promise<DriveOutcome>((resolve) => (finish = resolve));

  const fill = () => {
    while (!stopped && outstanding < options.window) {
      outstanding += 1;
      result.issued += 1;
      const orgIndex = orgCursor++ % options.orgCount;
      const p: Promise<void> = options
        .change(orgIndex)
        .catch((error: unknown) => {
          result.failed += 1;
          result.firstError ??= (error as Error).message;
          outstanding -= 1;
        })
        .finally(() => running.delete(p));
      running.add(p);
    }
  };
  queueMicrotask(fill);
  return {
    complete(count: number) {
      outstanding -= count;
      fill();
    },
    stop() {
      if (stopped) return;
      stopped = true;
      void Promise.all(running).then(() => finish(result));
    },
    done
  };
}
