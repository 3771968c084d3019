import type { PbxConnectionStatus } from "@switchboard/contracts";

export type StatusTone = "success" | "warning" | "danger" | "neutral";

// Node's socket errors for a host that is not there or not listening.
const UNREACHABLE = /ECONNREFUSED|EHOSTUNREACH|ENETUNREACH|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|timed out/i;

/** How the AMI connection's state reads in the console: a word, its tone and why. */
export function describeConnectionStatus(view: { enabled: boolean; status: PbxConnectionStatus; lastError: string | null }): {
  label: string;
  tone: StatusTone;
  detail: string | null;
} {
  if (!view.enabled) return { label: "Disabled", tone: "neutral", detail: null };
  switch (view.status) {
    case "connected":
      return { label: "Connected", tone: "success", detail: null };
    case "connecting":
      return { label: "Connecting…", tone: "warning", detail: view.lastError };
    case "auth_failed":
      return { label: "Authentication failed", tone: "danger", detail: "The PBX refused the AMI username or secret." };
    case "disconnected":
      if (view.lastError && UNREACHABLE.test(view.lastError)) return { label: "Unreachable", tone: "danger", detail: view.lastError };
      return { label: "Disconnected", tone: "warning", detail: view.lastError };
  }
}
