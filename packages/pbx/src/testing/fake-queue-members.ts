import { formatMessage } from "../ami/format-action";

type Fields = Record<string, string>;

/** What app_queue answers to QueueAdd / QueueRemove / QueuePause (manager_*_queue_member in apps/app_queue.c). */
const ANSWERS = {
  added: "Added interface to queue",
  alreadyThere: "Unable to add interface: Already there",
  removed: "Removed interface from queue",
  notThere: "Unable to remove interface: Not there",
  paused: "Interface paused successfully",
  unpaused: "Interface unpaused successfully",
  notFound: "Interface not found"
};

/**
 * The fake PBX's queue members ("queue|interface"), learned from replayed member events and from
 * the QueueStatus list it answers with, and changed by the member actions as app_queue would.
 */
export class FakeQueueMembers {
  private readonly members = new Set<string>();

  remember(event: string, fields: Readonly<Record<string, string>>): void {
    if (!fields.queue || !fields.interface) return;
    const key = `${fields.queue}|${fields.interface}`;
    if (event === "QueueMemberRemoved") this.members.delete(key);
    else if (event.startsWith("QueueMember")) this.members.add(key);
  }

  learn(status: readonly Fields[]): void {
    for (const item of status) if (item.Event === "QueueMember" && item.Queue && item.Location) this.members.add(`${item.Queue}|${item.Location}`);
  }

  /** The answer to the action and the member events app_queue then publishes (raw AMI text). */
  act(name: "queueadd" | "queueremove" | "queuepause", action: Fields): { answer: Fields; events?: string } {
    const iface = action.interface ?? "";
    const event = (type: string, queue: string, extra: Fields = {}) =>
      formatMessage({ Event: type, Privilege: "agent,all", ...memberBlob(queue, iface, action), ...extra });
    if (name === "queueadd") {
      const key = `${action.queue}|${iface}`;
      if (this.members.has(key)) return { answer: { Response: "Error", Message: ANSWERS.alreadyThere } };
      this.members.add(key);
      return { answer: { Response: "Success", Message: ANSWERS.added }, events: event("QueueMemberAdded", action.queue ?? "") };
    }
    if (name === "queueremove") {
      if (!this.members.delete(`${action.queue}|${iface}`)) return { answer: { Response: "Error", Message: ANSWERS.notThere } };
      return { answer: { Response: "Success", Message: ANSWERS.removed }, events: event("QueueMemberRemoved", action.queue ?? "") };
    }
    const paused = /^(1|true|yes|on)$/i.test(action.paused ?? "");
    const queues = [...this.members].filter((k) => k.endsWith(`|${iface}`) && (!action.queue || k.startsWith(`${action.queue}|`)));
    if (queues.length === 0) return { answer: { Response: "Error", Message: ANSWERS.notFound } };
    const events = queues
      .map((k) => event("QueueMemberPause", k.slice(0, k.indexOf("|")), { Paused: paused ? "1" : "0", PausedReason: paused ? (action.reason ?? "") : "" }))
      .join("");
    return { answer: { Response: "Success", Message: paused ? ANSWERS.paused : ANSWERS.unpaused }, events };
  }
}

/** A member's fields in queue_member_blob_create's order (apps/app_queue.c). */
function memberBlob(queue: string, iface: string, action: Fields): Fields {
  return {
    Queue: queue,
    MemberName: action.membername ?? iface,
    Interface: iface,
    StateInterface: iface,
    Membership: "dynamic",
    Penalty: action.penalty ?? "0",
    CallsTaken: "0",
    LastCall: "0",
    LastPause: "0",
    LoginTime: "0",
    InCall: "0",
    Status: "1",
    Paused: "0",
    PausedReason: "",
    Ringinuse: "0",
    Wrapuptime: "0"
  };
}
