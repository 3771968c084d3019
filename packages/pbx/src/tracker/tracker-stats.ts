/** Counters of what ingestion saw and skipped, exposed on /stats. Never reset while running. */
export interface TrackerStats {
  eventsSeen: number;
  eventsApplied: number;
  /** Event names the tracker does not map (passed through and ignored). */
  unknownEvents: number;
  /** Events about channels the tracker never saw created (e.g. connected mid-call). */
  unknownChannels: number;
  /** Operations that contradict the call's state (answer after end, resume without hold, …). */
  outOfOrder: number;
  /** Operations for calls that were never started. */
  unknownCalls: number;
  /** Devices, AORs or registrations that match no extension or trunk of the organization. */
  unmappedEndpoints: number;
  /** Queue events naming a queue the organization does not have (the next resync adopts it). */
  unknownQueues: number;
  /** Queue events naming an agent that is none of the organization's extensions. */
  unknownMembers: number;
  /** A caller leaving a queue they were never seen joining. */
  unknownCallers: number;
  /** Pauses with a reason the organization has not configured (applied, and shown as given). */
  unknownPauseReasons: number;
  writeErrors: number;
  resyncs: number;
  /** Live calls, queue callers and members ended or corrected by a resync because the PBX no longer had them as recorded. */
  resyncCorrections: number;
}

export function createTrackerStats(): TrackerStats {
  return {
    eventsSeen: 0,
    eventsApplied: 0,
    unknownEvents: 0,
    unknownChannels: 0,
    outOfOrder: 0,
    unknownCalls: 0,
    unmappedEndpoints: 0,
    unknownQueues: 0,
    unknownMembers: 0,
    unknownCallers: 0,
    unknownPauseReasons: 0,
    writeErrors: 0,
    resyncs: 0,
    resyncCorrections: 0
  };
}
