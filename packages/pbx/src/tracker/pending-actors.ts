import type { Actor } from "@switchboard/contracts";

/** How long a requested queue change waits for the PBX to report it before it counts as the PBX's own. */
const EXPECT_MS = 15_000;

interface Expected {
  extensionId: string;
  /** Lower-cased queue name; undefined: any of the agent's queues. */
  queue: string | undefined;
  actor: Actor;
  until: number;
}

/**
 * Who asked the PBX to change an agent's queue state: the member events the PBX then reports for
 * that agent (and queue) are recorded as that person's change, as a console-made change would be.
 */
export class PendingActors {
  private expected: Expected[] = [];

  constructor(private readonly now: () => number = Date.now) {}

  expect(extensionId: string, queue: string | undefined, actor: Actor): void {
    const now = this.now();
    this.expected = this.expected.filter((e) => e.until > now && !(e.extensionId === extensionId && e.queue === queue?.toLowerCase()));
    this.expected.push({ extensionId, queue: queue?.toLowerCase(), actor, until: now + EXPECT_MS });
  }

  /** The person who asked for a change of this agent in this queue, if the PBX is reporting it now. */
  actorFor(extensionId: string, queue: string): Actor | null {
    const now = this.now();
    const q = queue.toLowerCase();
    const match = this.expected.find((e) => e.until > now && e.extensionId === extensionId && (e.queue === undefined || e.queue === q));
    return match?.actor ?? null;
  }
}
