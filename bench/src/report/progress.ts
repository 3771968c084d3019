/** One line per second on the terminal (and nothing fancy, so it reads the same in CI logs). */
export type Printer = (line: string) => void;

export function consolePrinter(quiet = false): Printer {
  return (line) => {
    if (!quiet) process.stdout.write(`${line}\n`);
  };
}

/** Runs `tick` every second until the returned stop function is called. */
export function everySecond(tick: () => void | Promise<void>): () => void {
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    void Promise.resolve(tick())
      .catch(() => undefined)
      .finally(() => (busy = false));
  }, 1000);
  return () => clearInterval(timer);
}
