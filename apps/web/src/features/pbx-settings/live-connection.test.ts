import { describe, expect, it } from "vitest";
import type { DomainEvent, PbxConnectionSettingsView, PbxConnectionStatusView } from "@switchboard/contracts";
import { applyConnectionEvents } from "./live-connection";

const at = "2026-01-01T00:00:00.000Z";
const connection: PbxConnectionSettingsView = {
  id: "c1",
  host: "pbx.example.net",
  port: 5038,
  username: "switchboard",
  secretHint: "••••••ab",
  enabled: true,
  dialContext: null,
  status: "connecting",
  lastError: null,
  statusChangedAt: at,
  lastConnectedAt: null
};

let seq = 0;
const statusEvent = (data: PbxConnectionStatusView): DomainEvent => {
  seq += 1;
  return { id: `p${seq}`, orgId: "org", seq, at, actor: null, subject: { kind: "pbx", id: data.id }, type: "pbx.status_changed", data };
};
const status = (id: string, patch: Partial<PbxConnectionStatusView> = {}): PbxConnectionStatusView => ({
  id,
  enabled: true,
  status: "connected",
  lastError: null,
  statusChangedAt: at,
  lastConnectedAt: at,
  ...patch
});

describe("applyConnectionEvents", () => {
  it("patches the known connection with its newest status, keeping its settings", () => {
    const events = [statusEvent(status("c1", { status: "disconnected", lastError: "ECONNREFUSED" })), statusEvent(status("c1"))];
    const { view, stale } = applyConnectionEvents(connection, events);
    expect(stale).toBe(false);
    expect(view).toEqual({ ...connection, status: "connected", lastConnectedAt: at });
  });

  it("is stale when a status is about a connection the view did not know", () => {
    expect(applyConnectionEvents(connection, [statusEvent(status("c2"))])).toEqual({ view: connection, stale: true });
    expect(applyConnectionEvents(null, [statusEvent(status("c1"))])).toEqual({ view: null, stale: true });
  });
});
