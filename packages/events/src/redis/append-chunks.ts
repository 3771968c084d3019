import type { DomainEvent } from "@switchboard/contracts";

export interface AppendPlan {
  /** Chunks that share no organization: safe to send at once. */
  parallel: DomainEvent[][];
  /** One org's run of events longer than a chunk: its chunks must go one after the other. */
  chains: DomainEvent[][][];
}

/**
 * Splits an append into chunks of at most `size` events, keeping each organization's events in
 * their order and, unless they do not fit, in one chunk (see RedisEventLog.append).
 */
export function planAppendChunks(events: readonly DomainEvent[], size: number): AppendPlan {
  const byOrg = new Map<string, DomainEvent[]>();
  for (const event of events) {
    const list = byOrg.get(event.orgId);
    if (list) list.push(event);
    else byOrg.set(event.orgId, [event]);
  }
  const parallel: DomainEvent[][] = [];
  const chains: DomainEvent[][][] = [];
  let current: DomainEvent[] = [];
  for (const orgEvents of byOrg.values()) {
    if (orgEvents.length > size) {
      const chain: DomainEvent[][] = [];
      for (let i = 0; i < orgEvents.length; i += size) chain.push(orgEvents.slice(i, i + size));
      chains.push(chain);
      continue;
    }
    if (current.length + orgEvents.length > size) {
      parallel.push(current);
      current = [];
    }
    current.push(...orgEvents);
  }
  if (current.length > 0) parallel.push(current);
  return { parallel, chains };
}
