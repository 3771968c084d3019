import { topicsMatch, type DomainEvent } from "@switchboard/contracts";
import type { CatchUp } from "./catch-up";
import type { EventBuffer } from "./event-buffer";
import type { ClientSocket } from "./open-socket";
import type { TopicSubscriptions } from "./topic-subscriptions";

/**
 * How an event reached the tab: live; replayed after a (re)connect (missed while away); or as a
 * subscription's backfill (from before the page that asked for it was shown).
 */
export type EventOrigin = "live" | "replay" | "backfill";

interface ReplayParts {
  catchUp: CatchUp;
  buffer: EventBuffer;
  topics: TopicSubscriptions;
  onEvent: (event: DomainEvent, origin: EventOrigin) => void;
  /** The node cannot replay what the tab missed: the buffer starts over at its seq, views refetch. */
  onResync: () => void;
}

/** The socket's events, live or replayed, into the tab: in seq order, each labelled with how it came. */
export function listenForEvents(socket: ClientSocket, { catchUp, buffer, topics, onEvent, onResync }: ReplayParts): void {
  socket.on("event", (event) => onEvent(event, catchUp.active ? "replay" : "live"));
  // A replay comes in pages: apply each in order, then ask for the next by acknowledging it.
  // Caught up only at sync:done; each page proves the replay is alive, so the fallback waits on.
  // Pages after that are a subscription's backfill: its new topics' past, and held topics' news.
  socket.on("sync:page", (page, ack) => {
    const held = catchUp.active ? null : topics.heldTopics();
    for (const event of page.events) onEvent(event, held === null ? "replay" : topicsMatch(held, event) ? "live" : "backfill");
    catchUp.keepAlive();
    ack();
  });
  socket.on("sync:done", (info) => {
    buffer.advanceTo(info.seq);
    topics.synced();
    catchUp.finish();
  });
  socket.on("sync:resync", (info) => {
    buffer.reset(info.seq);
    topics.synced();
    catchUp.abandon();
    onResync();
  });
}
