import { mintRealtimeToken } from "@switchboard/auth";
import type { ConsoleSpec } from "../consoles/protocol";
import { baselineRoom } from "../drive/writers";
import { pageOf, pageTopics } from "./pages";
import type { SeededOrg } from "./seed";

/** Source addresses on the loopback network: each has its own ~28k ephemeral ports. */
const SOURCE_ADDRESSES = 8;
function localAddressFor(index: number): string {
  return `127.0.0.${2 + (index % SOURCE_ADDRESSES)}`;
}

const TOKEN_TTL_SECONDS = 6 * 60 * 60;

/** How consoles show pages: `pages` spreads them over pages (scenario E), `topics` has them name their page's topics. */
export interface PageLayout {
  pages: boolean;
  topics: boolean;
}

/**
 * Our consoles: one per seeded user, authenticated with the realtime token the web app would
 * mint for it, spread round-robin over the nodes as a load balancer would, starting from the seq
 * their page read.
 */
export async function oursConsoleSpecs(
  orgs: readonly SeededOrg[],
  nodeUrls: readonly string[],
  authSecret: string,
  layout: PageLayout
): Promise<ConsoleSpec[]> {
  const specs: ConsoleSpec[] = [];
  const sessionEnds = Date.now() + TOKEN_TTL_SECONDS * 1000;
  let index = 0;
  for (const org of orgs) {
    for (const [i, user] of org.users.entries()) {
      const staff = user.role !== "customer";
      const page = layout.pages ? pageOf(i, user.role) : undefined;
      specs.push({
        url: nodeUrls[index % nodeUrls.length] ?? "",
        localAddress: localAddressFor(index),
        orgId: org.id,
        receives: staff,
        token: await mintRealtimeToken(user, authSecret, TOKEN_TTL_SECONDS, sessionEnds),
        startSeq: org.startSeq,
        ...(page ? { page } : {}),
        ...(page && layout.topics ? { topics: pageTopics(page, user) } : {})
      });
      index += 1;
    }
  }
  return specs;
}

/** The same consoles against the bare server: same orgs, roles and pages, rooms instead of auth, no topics. */
export function baselineConsoleSpecs(orgs: readonly SeededOrg[], url: string, layout: PageLayout): ConsoleSpec[] {
  const specs: ConsoleSpec[] = [];
  let index = 0;
  for (const org of orgs) {
    for (const [i, user] of org.users.entries()) {
      const staff = user.role !== "customer";
      const page = layout.pages ? pageOf(i, user.role) : undefined;
      specs.push({
        url,
        localAddress: localAddressFor(index),
        orgId: org.id,
        receives: staff,
        room: baselineRoom(org.id, staff),
        startSeq: 0,
        ...(page ? { page } : {})
      });
      index += 1;
    }
  }
  return specs;
}
