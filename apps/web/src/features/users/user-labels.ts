import type { UserStatus } from "@switchboard/contracts";

export const STATUS_LABELS: Record<UserStatus, string> = { invited: "Invited", active: "Active", deactivated: "Deactivated" };

export const STATUS_TONES = { invited: "info", active: "success", deactivated: "neutral" } as const satisfies Record<UserStatus, string>;
