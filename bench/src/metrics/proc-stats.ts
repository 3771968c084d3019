import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

/** CPU time and resident memory of a process, read from /proc (no native dependency). */
export interface ProcSample {
  at: number;
  cpuSeconds: number;
  rssBytes: number;
  /** Write system calls so far (write, writev, sendmsg… on sockets as much as files): `syscw` of /proc/<pid>/io. */
  writes: number;
}

let ticksPerSecond: number | undefined;
function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

function sampleProc(pid: number): ProcSample | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name may contain spaces and parentheses: fields start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const rss = /VmRSS:\s+(\d+)\s+kB/.exec(status);
    return { at: Date.now(), cpuSeconds: (utime + stime) / clockTicks(), rssBytes: Number(rss?.[1] ?? 0) * 1024, writes: writeCalls(pid) };
  } catch {
    return null;
  }
}

/** NaN where /proc/<pid>/io cannot be read (another user's process, a kernel without task I/O accounting). */
function writeCalls(pid: number): number {
  try {
    const io = readFileSync(`/proc/${pid}/io`, "utf8");
    return Number(/syscw:\s+(\d+)/.exec(io)?.[1] ?? NaN);
  } catch {
    return NaN;
  }
}

/** Resident memory of a process now (0 when it is gone). */
export function rssOf(pid: number): number {
  return sampleProc(pid)?.rssBytes ?? 0;
}

/** CPU % of one core between two samples (100 = one core busy). */
function cpuPercent(from: ProcSample | null, to: ProcSample | null): number {
  if (!from || !to || to.at <= from.at) return 0;
  return ((to.cpuSeconds - from.cpuSeconds) / ((to.at - from.at) / 1000)) * 100;
}

/** Tracks one process over a window: CPU between start and stop, peak and last RSS. */
export class ProcMeter {
  private first: ProcSample | null = null;
  private last: ProcSample | null = null;
  peakRss = 0;

  constructor(readonly pid: number) {}

  start(): void {
    this.first = sampleProc(this.pid);
    this.last = this.first;
    this.peakRss = this.first?.rssBytes ?? 0;
  }

  /** Samples now; returns CPU % since the previous sample (for progress lines). */
  tick(): { cpu: number; rssBytes: number } {
    const sample = sampleProc(this.pid);
    const cpu = cpuPercent(this.last, sample);
    if (sample) {
      this.last = sample;
      this.peakRss = Math.max(this.peakRss, sample.rssBytes);
    }
    return { cpu, rssBytes: sample?.rssBytes ?? 0 };
  }

  /** Average CPU % since start(). */
  average(): number {
    return cpuPercent(this.first, this.last);
  }

  rss(): number {
    return this.last?.rssBytes ?? 0;
  }

  /** CPU seconds used between start() and the last sample. */
  cpuSeconds(): number {
    return this.first && this.last ? this.last.cpuSeconds - this.first.cpuSeconds : 0;
  }

  /** Write system calls between start() and the last sample (NaN when not readable). */
  writes(): number {
    return this.first && this.last ? this.last.writes - this.first.writes : NaN;
  }
}
