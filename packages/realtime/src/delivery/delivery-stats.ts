import type { OrgDelivery, SyncTarget } from "./sync-target";

/** How many sockets this node serves and where they stand, for /realtime/stats and readiness. */
export function deliveryStats(targets: Iterable<SyncTarget>, orgs: ReadonlyMap<string, OrgDelivery>) {
  const states = { live: 0, replaying: 0, "catching-up": 0 };
  let sockets = 0;
  for (const target of targets) {
    states[target.state]++;
    sockets++;
  }
  const socketsPerOrg: Record<string, number> = {};
  for (const [orgId, org] of orgs) socketsPerOrg[orgId] = org.sockets;
  // "syncing" = still before sync:done; catching-up sockets are served (one by one), so they count as live.
  return {
    sockets,
    live: states.live + states["catching-up"],
    syncing: states.replaying,
    catchingUp: states["catching-up"],
    orgs: orgs.size,
    socketsPerOrg
  };
}
