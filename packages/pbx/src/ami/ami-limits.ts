/**
 * What one PBX connection may cost this process. A PBX past any of them is hostile or broken: its
 * connection is dropped, counted (`ConnectorStats.limitDrops`) and retried with backoff, and every
 * other organization's connection goes on. The defaults are far above what a busy Asterisk sends.
 */
export interface AmiLimits {
  /** Bytes of one frame (all its lines, or one unfinished line). */
  maxFrameBytes: number;
  /** Lines ("Key: value") of one frame. */
  maxFrameLines: number;
  /** Events gathered for one list action (CoreShowChannels, QueueStatus, …) before its completion. */
  maxListEvents: number;
  /** Actions sent and not yet answered. */
  maxPendingActions: number;
  /** Bytes written to the PBX that it has not read yet. */
  maxQueuedWriteBytes: number;
  /** Events received and not yet applied by the tracker (the database is slower than a flood). */
  maxTrackerBacklog: number;
}

export type AmiLimitName = keyof AmiLimits;

export const DEFAULT_AMI_LIMITS: AmiLimits = {
  maxFrameBytes: 64 * 1024,
  maxFrameLines: 2_000,
  maxListEvents: 50_000,
  maxPendingActions: 256,
  maxQueuedWriteBytes: 1024 * 1024,
  maxTrackerBacklog: 10_000
};

/** The PBX went past one of the limits; its connection is dropped. */
export class AmiLimitError extends Error {
  constructor(
    readonly limit: AmiLimitName,
    message: string
  ) {
    super(`${message} (limit ${limit})`);
    this.name = "AmiLimitError";
  }
}

export function resolveAmiLimits(overrides: Partial<AmiLimits> = {}): AmiLimits {
  return { ...DEFAULT_AMI_LIMITS, ...overrides };
}
