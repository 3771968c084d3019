import { canSubscribeTopic, readableFamilies, type Viewer } from "@switchboard/auth";
import { familyOfEvent, MAX_TOPICS_PER_SOCKET, type DomainEvent, type Topic } from "@switchboard/contracts";

export class TopicLimitError extends Error {
  constructor() {
    super(`a connection holds at most ${MAX_TOPICS_PER_SOCKET} topics; unsubscribe from pages no longer shown`);
  }
}

/**
 * A handshake's topics, each with where its replay starts; none named = every family the user may
 * read. Families the role may not hold are dropped; ticket topics are only a filter here (what a
 * viewer receives of a ticket is the policy's decision either way).
 */
export function handshakeTopics(viewer: Viewer, named: Partial<Record<Topic, number>> | undefined): { topics: Topic[]; starts?: Map<Topic, number> } {
  if (!named) return { topics: readableFamilies(viewer) };
  const topics = (Object.keys(named) as Topic[]).filter((topic) => topic.startsWith("ticket:") || canSubscribeTopic(viewer, topic).ok);
  const starts = new Map(topics.map((topic) => [topic, named[topic] ?? 0]));
  return { topics, starts: starts.size > 0 ? starts : undefined };
}

/**
 * Sockets on the same page hold the same topics: one shared, frozen set per distinct combination
 * instead of a Set per socket (10,000 idle consoles would otherwise carry 10,000 copies).
 */
export class TopicSets {
  private readonly sets = new Map<string, ReadonlySet<string>>();

  of(topics: Iterable<string>): ReadonlySet<string> {
    const sorted = [...new Set(topics)].sort();
    const key = sorted.join(" ");
    let set = this.sets.get(key);
    if (!set) {
      set = new Set(sorted);
      this.sets.set(key, set);
    }
    return set;
  }
}

/**
 * For a replay: the seq after which an event is wanted. `starts` holds the topics being added, each
 * from where its page's snapshot was read; every other held topic is complete up to `position`. An
 * event is wanted after the earliest start among the held topics it matches. A new ticket topic under
 * a held "tickets" family is backfilled from its own start even so: the family may have been held
 * only from a later seq, and the console drops what it already has by event id.
 */
export function startOfEvent(held: ReadonlySet<string>, starts: ReadonlyMap<Topic, number>, position: number): (event: DomainEvent) => number {
  return (event) => {
    let start = Number.POSITIVE_INFINITY;
    const family = familyOfEvent(event.type);
    const matching = family === "tickets" ? [family, `ticket:${event.subject.id}`] : [family];
    // Not matching any held topic: never wanted.
    for (const topic of matching) {
      if (!held.has(topic)) continue;
      start = Math.min(start, starts.get(topic as Topic) ?? position);
    }
    return start;
  };
}
