import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, existsSync, openSync, readFileSync } from "node:fs";

export interface ChildSpec {
  name: string;
  command: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  logFile: string;
}

const running = new Set<ManagedChild>();

/** Runs a TypeScript entry with tsx loaded in-process: one pid per server, so a kill is a real crash. */
export function nodeWithTsx(entry: string): { command: string; args: string[] } {
  return { command: process.execPath, args: ["--import", "tsx", entry] };
}

/**
 * A server process under the harness's control. It runs in its own process group so a hard kill
 * (SIGKILL, as a crashed node would die) takes any helper processes down with it.
 */
export class ManagedChild {
  readonly exited: Promise<number | null>;
  private exitCode: number | null | undefined;

  private constructor(
    readonly spec: ChildSpec,
    private readonly child: ChildProcess
  ) {
    this.exited = new Promise((resolve) => {
      child.once("exit", (code, signal) => {
        this.exitCode = code ?? (signal ? null : 0);
        running.delete(this);
        resolve(this.exitCode);
      });
    });
  }

  static start(spec: ChildSpec): ManagedChild {
    const log = openSync(spec.logFile, "a");
    try {
      const child = spawn(spec.command, spec.args, { cwd: spec.cwd, env: spec.env, detached: true, stdio: ["ignore", log, log] });
      child.unref();
      const managed = new ManagedChild(spec, child);
      running.add(managed);
      return managed;
    } finally {
      closeSync(log);
    }
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  get alive(): boolean {
    return this.exitCode === undefined;
  }

  /** Stops the process group; SIGTERM escalates to SIGKILL after `graceMs`. */
  async stop(signal: NodeJS.Signals = "SIGTERM", graceMs = 10_000): Promise<void> {
    if (!this.alive) return;
    signalGroup(this.pid, signal);
    if (signal === "SIGKILL") {
      await this.exited;
      return;
    }
    const timer = setTimeout(() => signalGroup(this.pid, "SIGKILL"), graceMs);
    await this.exited;
    clearTimeout(timer);
  }

  logTail(lines = 40): string {
    if (!existsSync(this.spec.logFile)) return "(no output)";
    return readFileSync(this.spec.logFile, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  }
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

// If the runner dies without running teardown, leave no servers behind holding ports.
process.once("exit", () => {
  for (const child of running) signalGroup(child.pid, "SIGKILL");
});

/** Kills a process group left by an earlier step when only its pid is known (teardown). */
export function killGroupByPid(pid: number): void {
  signalGroup(pid, "SIGKILL");
}
