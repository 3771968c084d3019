import { offGateway, type CallControlGateway } from "@switchboard/pbx";

// server.ts (plain Node) registers the gateway at boot; Next's bundle reads it. Both copies of this
// module share it through globalThis, like the web runtime.
const KEY = Symbol.for("switchboard.call-control-gateway");
type Holder = { [KEY]?: CallControlGateway };

export function registerCallControlGateway(gateway: CallControlGateway | undefined): void {
  (globalThis as Holder)[KEY] = gateway;
}

/** The process's call-control gateway; without one (no connector configured) every action says "PBX not connected". */
export function getCallControlGateway(): CallControlGateway {
  return (globalThis as Holder)[KEY] ?? offGateway();
}
