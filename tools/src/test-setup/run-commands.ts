import { spawn, type ChildProcess } from "node:child_process";
import { constants } from "node:os";

const WATCHED: NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP"];
/** npm passes on a terminal's Ctrl-C that reached this process already: a repeat this soon is that copy. */
const RELAY_WINDOW_MS = 1_000;

/** The shell's exit status for a process ended by `signal` (130 for SIGINT). */
export function exitCodeFor(signal: NodeJS.Signals): number {
  return 128 + (constants.signals[signal] ?? 1);
}

export interface SignalWatch {
  /** The first signal received, if any: run nothing more, stop the services, exit with it. */
  readonly signal: NodeJS.Signals | undefined;
  /** A command started (signals reach its group) or ended. */
  track(child: ChildProcess): void;
  untrack(child: ChildProcess): void;
  dispose(): void;
}

/**
 * Holds SIGINT, SIGTERM and SIGHUP for the whole run, so the services started here are always
 * stopped before the process ends; each signal is passed on, once, to the running commands'
 * process groups (each has its own: see runShellCommand), and a repeat later kills those groups.
 */
export function watchSignals(): SignalWatch {
  let received: NodeJS.Signals | undefined;
  const running = new Set<ChildProcess>();
  const passedOn = new Map<NodeJS.Signals, number>();
  const toEach = (signal: NodeJS.Signals) => {
    for (const child of running) if (child.pid) signalGroup(child.pid, signal);
  };
  const handler = (signal: NodeJS.Signals) => {
    received ??= signal;
    if (running.size === 0) return;
    const first = passedOn.get(signal);
    if (first === undefined) {
      passedOn.set(signal, Date.now());
      toEach(signal);
    } else if (Date.now() - first > RELAY_WINDOW_MS) {
      // Asked again (not npm's relay of the same Ctrl-C): the commands did not stop, so they are killed.
      toEach("SIGKILL");
    }
  };
  for (const signal of WATCHED) process.on(signal, handler);
  return {
    get signal() {
      return received;
    },
    track(child) {
      running.add(child);
    },
    untrack(child) {
      running.delete(child);
      if (running.size === 0) passedOn.clear();
    },
    dispose() {
      for (const signal of WATCHED) process.off(signal, handler);
    }
  };
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is gone already.
  }
}

/**
 * One command line through the shell, in a process group of its own: a signal reaches the command
 * and everything it started (a shell that does not exec its command would otherwise leave it
 * running), and whatever the command leaves behind in its group is ended with it.
 */
function startShellCommand(command: string, env: NodeJS.ProcessEnv, watch: SignalWatch): { child: ChildProcess; done: Promise<number> } {
  const child = spawn(command, { shell: true, stdio: ["ignore", "inherit", "inherit"], env, detached: true });
  watch.track(child);
  const done = new Promise<number>((resolve) => {
    child.once("error", (error) => {
      console.error(`test set-up: could not run ${command}: ${error.message}`);
      resolve(127);
    });
    child.once("exit", (code, signal) => {
      watch.untrack(child);
      if (child.pid) signalGroup(child.pid, "SIGTERM");
      resolve(code ?? (signal ? exitCodeFor(signal) : 1));
    });
  });
  return { child, done };
}

/** Runs the command lines one after another through the shell, as npm runs scripts; the first failure ends the run. */
export async function runInOrder(commands: string[], env: NodeJS.ProcessEnv, watch: SignalWatch): Promise<number> {
  for (const command of commands) {
    if (watch.signal) break;
    const code = await startShellCommand(command, env, watch).done;
    if (code !== 0) return code;
  }
  return watch.signal ? exitCodeFor(watch.signal) : 0;
}

/**
 * Runs the command lines at the same time (on a machine with idle cores while one of them waits
 * on browsers, this shortens the run); the first failure stops the others and is the result.
 */
export async function runTogether(commands: string[], env: NodeJS.ProcessEnv, watch: SignalWatch): Promise<number> {
  if (watch.signal) return exitCodeFor(watch.signal);
  const started = commands.map((command) => startShellCommand(command, env, watch));
  let first = 0;
  await Promise.all(
    started.map(async ({ done }) => {
      const code = await done;
      if (code === 0 || first !== 0) return;
      first = code;
      for (const { child } of started) if (child.pid && child.exitCode === null) signalGroup(child.pid, "SIGTERM");
    })
  );
  return watch.signal ? exitCodeFor(watch.signal) : first;
}
