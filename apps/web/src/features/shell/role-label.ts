import type { Role } from "@switchboard/contracts";

const LABELS: Record<Role, string> = { admin: "Admin", supervisor: "Supervisor", agent: "Agent", customer: "Customer" };

export function roleLabel(role: Role): string {
  return LABELS[role];
}
