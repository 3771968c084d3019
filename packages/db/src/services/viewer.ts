import type { Actor, Role } from "@switchboard/contracts";

/** The signed-in user a service call acts for. */
export interface ActingViewer {
  id: string;
  orgId: string;
  role: Role;
  name: string;
}

export function actorOf(viewer: ActingViewer): Actor {
  return { id: viewer.id, name: viewer.name };
}
