import { readFileSync } from "node:fs";
import os from "node:os";
import { monitorEventLoopDelay, type IntervalHistogram } from "node:perf_hooks";

/** Busy and total jiffies of the whole machine, from /proc/stat. */
function machineJiffies(): { busy: number; total: number } | null {
  try {
    const line = readFileSync("/proc/stat", "utf8").split("\n")[0] ?? "";
    const [, ...values] = line.trim().split(/\s+/);
    const n = values.map(Number);
    const idle = (n[3] ?? 0) + (n[4] ?? 0);
    const total = n.slice(0, 8).reduce((a, b) => a + b, 0);
    return { busy: total - idle, total };
  } catch {
    return null;
  }
}

export interface MachineLoad {
  /** 1-minute load average when the window started and ended. */
  loadAverage: [number, number];
  /** Whole machine busy over the window, % of one core (2 cores busy = 200). */
  machineCpuPercent: number;
  /** The controller's event-loop delay (it timestamps commits: a lagging loop understates latency). */
  controllerLoopDelayMs: { p99: number; max: number };
}

/** Watches the machine over a measurement window: the bench shares it with everything else. */
export class MachineLoadWatch {
  private startJiffies = machineJiffies();
  private startLoad = os.loadavg()[0] ?? 0;
  private readonly loop: IntervalHistogram = monitorEventLoopDelay({ resolution: 10 });

  start(): void {
    this.startJiffies = machineJiffies();
    this.startLoad = os.loadavg()[0] ?? 0;
    this.loop.reset();
    this.loop.enable();
  }

  stop(): MachineLoad {
    this.loop.disable();
    const end = machineJiffies();
    const cores = os.cpus().length;
    const busy =
      this.startJiffies && end && end.total > this.startJiffies.total ? (end.busy - this.startJiffies.busy) / (end.total - this.startJiffies.total) : 0;
    return {
      loadAverage: [round(this.startLoad), round(os.loadavg()[0] ?? 0)],
      machineCpuPercent: Math.round(busy * cores * 1000) / 10,
      controllerLoopDelayMs: { p99: round(this.loop.percentile(99) / 1e6), max: round(this.loop.max / 1e6) }
    };
  }
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
