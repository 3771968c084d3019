import type { DomainEvent, ExtensionStatusView, ExtensionView, TrunkView } from "@switchboard/contracts";

const at = "2026-01-01T00:00:00.000Z";
const actor = { id: "u-ada", name: "Ada Admin" };

export function extensionView(id: string, number: string, extra: Partial<ExtensionView> = {}): ExtensionView {
  return {
    id,
    number,
    displayName: `Desk ${number}`,
    userId: null,
    userName: null,
    sipUsername: `sip${number}`,
    sipSecretHint: "••••••ab",
    transport: "udp",
    codecs: ["opus"],
    voicemailEnabled: true,
    enabled: true,
    version: 1,
    createdAt: at,
    updatedAt: at,
    ...extra
  };
}

export function trunkView(id: string, name: string): TrunkView {
  return {
    id,
    name,
    host: "sip.example.net",
    port: 5060,
    transport: "udp",
    username: null,
    secretHint: null,
    registrationRequired: true,
    codecs: ["ulaw"],
    maxChannels: 30,
    enabled: true,
    version: 1,
    createdAt: at,
    updatedAt: at
  };
}

export function extensionStatus(extensionId: string, patch: Partial<ExtensionStatusView> = {}): ExtensionStatusView {
  return {
    extensionId,
    registration: "registered",
    contact: null,
    userAgent: null,
    deviceState: "idle",
    dnd: false,
    lamp: "idle",
    changedAt: "2026-11-22T10:00:00.000Z",
    ...patch
  };
}

type Verb = "created" | "updated" | "deleted";

export function extensionEvent(seq: number, verb: Verb, view: ExtensionView, who: typeof actor | null = actor): DomainEvent {
  const base = { id: `e${seq}`, orgId: "org", seq, at, actor: who, subject: { kind: "extension", id: view.id } };
  if (verb === "deleted") return { ...base, type: "extension.deleted", data: { id: view.id, label: `${view.number} ${view.displayName}` } };
  return { ...base, type: `extension.${verb}`, data: view };
}

export function trunkEvent(seq: number, verb: Verb, view: TrunkView): DomainEvent {
  const base = { id: `t${seq}`, orgId: "org", seq, at, actor, subject: { kind: "trunk", id: view.id } };
  if (verb === "deleted") return { ...base, type: "trunk.deleted", data: { id: view.id, label: view.name } };
  return { ...base, type: `trunk.${verb}`, data: view };
}
