import { describe, expect, it } from "vitest";
import { describeConnectionStatus } from "./connection-status";

describe("describeConnectionStatus", () => {
  const on = { enabled: true, lastError: null };
  it("names each state so wrong credentials and an unreachable PBX read differently", () => {
    expect(describeConnectionStatus({ ...on, status: "connected" })).toMatchObject({ label: "Connected", tone: "success" });
    expect(describeConnectionStatus({ ...on, status: "connecting" })).toMatchObject({ label: "Connecting…", tone: "warning" });
    expect(describeConnectionStatus({ ...on, status: "auth_failed", lastError: "authentication failed: check the AMI username and secret" })).toMatchObject({
      label: "Authentication failed",
      tone: "danger"
    });
    for (const error of ["connect ECONNREFUSED 127.0.0.1:5038", "getaddrinfo ENOTFOUND pbx.example.net", "connect to pbx:5038 timed out"]) {
      expect(describeConnectionStatus({ ...on, status: "disconnected", lastError: error })).toEqual({ label: "Unreachable", tone: "danger", detail: error });
    }
    expect(describeConnectionStatus({ ...on, status: "disconnected", lastError: "connection closed by the PBX" })).toMatchObject({ label: "Disconnected" });
  });

  it("a disabled connection says so whatever its last status", () => {
    expect(describeConnectionStatus({ enabled: false, status: "auth_failed", lastError: "x" })).toEqual({ label: "Disabled", tone: "neutral", detail: null });
  });
});
