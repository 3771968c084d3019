import type { CallControlResult, QueueControlRequest } from "../ami/call-control";
import type { CallTracker } from "../tracker/call-tracker";
import { interfaceResource } from "../tracker/queue-ops";
import { memberIntent, type SimQueues } from "./sim-queues";
import type { SimWorld } from "./sim-world";

const refused = (message: string): CallControlResult => ({ ok: false, code: "refused", error: `the PBX refused: ${message}` });

/**
 * QueueAdd, QueueRemove and QueuePause on the simulated PBX, answered as app_queue answers them;
 * the member events it then emits go through the tracker like any PBX event, so the state a console
 * shows is the one this PBX confirms.
 */
export async function controlSimulatedQueue(
  tracker: CallTracker,
  world: SimWorld,
  queues: SimQueues,
  request: QueueControlRequest,
  at: number
): Promise<CallControlResult> {
  const ext = await tracker.directory.extension(interfaceResource(request.interface));
  if (request.actor) await tracker.expectChange(request.interface, request.queue, request.actor);
  const emit = async (name: Parameters<typeof memberIntent>[0], queue: string, fields: Record<string, string> = {}) => {
    await tracker.handleEvent(queues.emit(memberIntent(name, at, queue, request.interface, fields)));
  };

  if (request.action === "queue_add" || request.action === "queue_remove") {
    const config = queues.queues.find((q) => q.name.toLowerCase() === request.queue.toLowerCase());
    if (!config) return refused(`Unable to ${request.action === "queue_add" ? "add interface to" : "remove interface from"} queue: No such queue`);
    const known = queues.member(config.name, request.interface);
    const signedIn = known !== undefined && !queues.isSignedOut(config.name, request.interface);
    if (request.action === "queue_add") {
      if (signedIn) return refused("Unable to add interface: Already there");
      if (!ext) return refused("Unable to add interface to queue: No such interface");
      queues.addMember(config, { ext, iface: request.interface, penalty: request.penalty }, at);
      queues.setSignedOut(config.name, request.interface, false);
      await emit("QueueMemberAdded", config.name);
      await tracker.idle();
      return { ok: true, message: "Added interface to queue" };
    }
    if (!signedIn) return refused("Unable to remove interface: Not there");
    queues.setSignedOut(config.name, request.interface, true);
    await emit("QueueMemberRemoved", config.name);
    await tracker.idle();
    return { ok: true, message: "Removed interface from queue" };
  }

  const targets = queues.queues
    .filter((q) => request.queue === undefined || q.name.toLowerCase() === request.queue.toLowerCase())
    .filter((q) => queues.member(q.name, request.interface) !== undefined && !queues.isSignedOut(q.name, request.interface));
  if (targets.length === 0) return refused("Interface not found");
  if (ext && request.paused) {
    queues.rememberFreeBeforePause(ext.id, world.freeAt(ext.id));
    world.occupy(ext.id, Infinity);
  } else if (ext) {
    world.occupy(ext.id, Math.max(at, queues.takeFreeBeforePause(ext.id)));
  }
  for (const q of targets)
    await emit("QueueMemberPause", q.name, { Paused: request.paused ? "1" : "0", PausedReason: request.paused ? (request.reason ?? "") : "" });
  await tracker.idle();
  return { ok: true, message: request.paused ? "Interface paused successfully" : "Interface unpaused successfully" };
}
