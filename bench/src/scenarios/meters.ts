import { ProcMeter } from "../metrics/proc-stats";
import type { ProcessUsage } from "./result";

export interface NamedPid {
  name: string;
  pid: number;
}

/** CPU/RSS of a group of processes: ticked every second, averaged over the measurement window. */
export class MeterGroup {
  private readonly entries: Array<{ name: string; meter: ProcMeter; peakCpu: number; lastCpu: number }>;

  constructor(processes: readonly NamedPid[]) {
    this.entries = processes.map((p) => ({ name: p.name, meter: new ProcMeter(p.pid), peakCpu: 0, lastCpu: 0 }));
    for (const e of this.entries) e.meter.start();
  }

  /** Starts the measurement window (averages and peaks count from here). */
  start(): void {
    for (const e of this.entries) {
      e.meter.start();
      e.peakCpu = 0;
    }
  }

  tick(): void {
    for (const e of this.entries) {
      e.lastCpu = e.meter.tick().cpu;
      e.peakCpu = Math.max(e.peakCpu, e.lastCpu);
    }
  }

  /** CPU % in the last second, summed over the group. */
  lastCpu(): number {
    return this.entries.reduce((n, e) => n + e.lastCpu, 0);
  }

  /** CPU seconds since start(), summed (or of the processes whose name matches). */
  cpuSeconds(match: (name: string) => boolean = () => true): number {
    return this.entries.filter((e) => match(e.name)).reduce((n, e) => n + e.meter.cpuSeconds(), 0);
  }

  /** Write system calls since start(), summed: on this machine each costs about as much as a small handler. */
  writes(): number {
    return this.entries.reduce((n, e) => n + e.meter.writes(), 0);
  }

  rss(): number {
    return this.entries.reduce((n, e) => n + e.meter.rss(), 0);
  }

  usage(): ProcessUsage[] {
    return this.entries.map((e) => ({
      name: e.name,
      cpuPercent: Math.round(e.meter.average() * 10) / 10,
      peakCpuPercent: Math.round(e.peakCpu * 10) / 10,
      rssBytes: e.meter.rss(),
      peakRssBytes: e.meter.peakRss
    }));
  }
}
