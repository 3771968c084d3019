import { mintRealtimeToken } from "@switchboard/auth";
import type { ConsoleSpec } from "../consoles/protocol";
import { baselineRoom } from "../drive/writers";
import type { SeededOrg } from "./seed";

/** Source addresses on the loopback network: each has its own ~28k ephemeral ports. */
const SOURCE_ADDRESSES = 8;
function localAddressFor(index: number): string {
  return `127.0.0.${2 + (index % SOURCE_ADDRESSES)}`;
}

const TOKEN_TTL_SECONDS = 6 * 60 * 60;

/**
 * Our consoles: one per seeded user, authenticated with the realtime token the web app would
 * mint for it, spread round-robin over the nodes as a load balancer would, starting from the seq
 * their page read.
 */
export async function oursConsoleSpecs(orgs: readonly SeededOrg[], nodeUrls: readonly string[], authSecret: string): Promise<ConsoleSpec[]> {
  const specs: ConsoleSpec[] = [];
  const sessionEnds = Date.now() + TOKEN_TTL_SECONDS * 1000;
  let index = 0;
  for (const org of orgs) {
    for (const user of org.users) {
      const staff = user.role !== "customer";
      specs.push({
        url: nodeUrls[index % nodeUrls.length] ?? "",
        localAddress: localAddressFor(index),
        orgId: org.id,
        receives: staff,
        token: await mintRealtimeToken(user, authSecret, TOKEN_TTL_SECONDS, sessionEnds),
        startSeq: org.startSeq
      });
      index += 1;
    }
  }
  return specs;
}

/** The same consoles against the bare server: same orgs and roles, rooms instead of auth. */
export function baselineConsoleSpecs(orgs: readonly SeededOrg[], url: string): ConsoleSpec[] {
  const specs: ConsoleSpec[] = [];
  let index = 0;
  for (const org of orgs) {
    for (const user of org.users) {
      const staff = user.role !== "customer";
      specs.push({ url, localAddress: localAddressFor(index), orgId: org.id, receives: staff, room: baselineRoom(org.id, staff), startSeq: 0 });
      index += 1;
    }
  }
  return specs;
}
