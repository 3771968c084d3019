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
  setCurrent(child: ChildProcess | undefined): void;
  dispose(): void;
}

/**
 * Holds SIGINT, SIGTERM and SIGHUP for the whole run, so the services started here are always
 * stopped before the process ends; each signal is passed on, once, to the running command's
 * process group (it has its own: see runShellCommand), and a repeat later kills that group.
 */
export function watchSignals(): SignalWatch {
  let received: NodeJS.Signals | undefined;
  let current: ChildProcess | undefined;
  const passedOn = new Map<NodeJS.Signals, number>();
  const handler = (signal: NodeJS.Signals) => {
    received ??= signal;
    if (!current?.pid) return;
    const first = passedOn.get(signal);
    if (first === undefined) {
      passedOn.set(signal, Date.now());
      signalGroup(current.pid, signal);
    } else if (Date.now() - first > RELAY_WINDOW_MS) {
      // Asked again (not npm's relay of the same Ctrl-C): the command did not stop, so it is killed.
      signalGroup(current.pid, "SIGKILL");
    }
  };
  for (const signal of WATCHED) process.on(signal, handler);
  return {
    get signal() {
      return received;
    },
    setCurrent(child) {
      current = child;
      passedOn.clear();
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
function runShellCommand(command: string, env: NodeJS.ProcessEnv, watch: SignalWatch): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, { shell: true, stdio: ["ignore", "inherit", "inherit"], env, detached: true });
    watch.setCurrent(child);
    child.once("error", (error) => {
      console.error(`test set-up: could not run ${command}: ${error.message}`);
      resolve(127);
    });
    child.once("exit", (code, signal) => {
      watch.setCurrent(undefined);
      if (child.pid) signalGroup(child.pid, "SIGTERM");
      resolve(code ?? (signal ? exitCodeFor(signal) : 1));
    });
  });
}

/** Runs the command lines one after another through the shell, as npm runs scripts; the first failure ends the run. */
export async function runInOrder(commands: string[], env: NodeJS.ProcessEnv, watch: SignalWatch): Promise<number> {
  for (const command of commands) {
    if (watch.signal) break;
    const code = await runShellCommand(command, env, watch);
    if (code !== 0) return code;
  }
  return watch.signal ? exitCodeFor(watch.signal) : 0;
}
