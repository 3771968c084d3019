import { randomUUID } from "node:crypto";
import type { DomainEvent } from "@switchboard/contracts";

/** A valid extension.updated event for appending straight to the log a node consumes. */
export function extensionUpdated(orgId: string, seq: number, displayName: string): DomainEvent {
  const at = new Date().toISOString();
  return {
    id: randomUUID(),
    orgId,
    seq,
    type: "extension.updated",
    at,
    actor: null,
    subject: { kind: "extension", id: "00000000-0000-4000-8000-000000000001" },
    data: {
      id: "00000000-0000-4000-8000-000000000001",
      number: "101",
      displayName,
      userId: null,
      userName: null,
      sipUsername: "ext101",
      sipSecretHint: "…1234",
      transport: "udp",
      codecs: ["opus"],
      voicemailEnabled: true,
      enabled: true,
      version: 1,
      createdAt: at,
      updatedAt: at
    }
  };
}
