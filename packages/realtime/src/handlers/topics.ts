import { canSubscribeTopic } from "@switchboard/auth";
import { topicsSubscribeSchema, topicsUnsubscribeSchema, type AckError, type Topic } from "@switchboard/contracts";
import type { DbClient } from "@switchboard/db";
import type { Delivery } from "../delivery/delivery";
import { TopicLimitError } from "../delivery/topic-sets";
import { TokenBucket } from "../guard/token-bucket";
import type { RealtimeSocket } from "../io-types";
import type { PresenceService } from "../presence/presence-service";
import { ticketAccessOf } from "../ticket-presence/ticket-presence-access";
import { defineRequest, type RequestHandlers } from "./request-handler";

/** Every page change subscribes; a backfill reads the log, so a socket gets a burst, then a few per second. */
const SUBSCRIBE_BURST = 10;
const SUBSCRIBE_PER_SECOND = 2;

/** The first topic of `topics` the viewer may not hold, as the acknowledgement's error; ticket topics checked with fresh facts. */
async function refusal(db: DbClient, socket: RealtimeSocket, topics: readonly Topic[]): Promise<AckError | undefined> {
  const ticketIds = topics.filter((topic) => topic.startsWith("ticket:")).map((topic) => topic.slice("ticket:".length));
  const tickets = await ticketAccessOf(db, ticketIds);
  for (const topic of topics) {
    const ticket = topic.startsWith("ticket:") ? tickets.get(topic.slice("ticket:".length)) : undefined;
    const decision = canSubscribeTopic(socket.data.user, topic, ticket);
    if (!decision.ok) return { code: decision.code, message: decision.reason };
  }
  return undefined;
}

/** Consoles say what their page shows; the node then sends only that (see Delivery.subscribe). */
export function createTopicRequests(
  db: DbClient,
  delivery: Delivery,
  presence: PresenceService
): Pick<RequestHandlers, "topics:subscribe" | "topics:unsubscribe"> {
  const buckets = new WeakMap<RealtimeSocket, TokenBucket>();
  return {
    "topics:subscribe": defineRequest(topicsSubscribeSchema, async (socket, { topics, since }) => {
      let bucket = buckets.get(socket);
      if (!bucket) buckets.set(socket, (bucket = new TokenBucket(SUBSCRIBE_BURST, SUBSCRIBE_PER_SECOND)));
      if (!bucket.take()) {
        bucket.refund();
        return {
          ok: false,
          error: {
            code: "rate_limited",
            message: `topics:subscribe is limited to ${SUBSCRIBE_BURST} at once and ${SUBSCRIBE_PER_SECOND} per second per connection`
          }
        };
      }
      const refused = await refusal(db, socket, topics);
      if (refused) return { ok: false, error: refused };
      const newFollower = topics.includes("presence") && !delivery.holds(socket, "presence");
      try {
        const result = await delivery.subscribe(socket, topics, since);
        if (!result) return { ok: false, error: { code: "internal", message: "subscription abandoned: the connection closed" } };
        if (newFollower) presence.follow(socket);
        return { ok: true, data: result };
      } catch (error) {
        if (error instanceof TopicLimitError) return { ok: false, error: { code: "bad_request", message: error.message } };
        throw error;
      }
    }),
    "topics:unsubscribe": defineRequest(topicsUnsubscribeSchema, async (socket, { topics }) => {
      const held = delivery.unsubscribe(socket, topics);
      if (topics.includes("presence")) presence.unfollow(socket);
      return { ok: true, data: { topics: held } };
    })
  };
}
