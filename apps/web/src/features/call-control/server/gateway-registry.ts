import { peekProcessSingleton, setProcessSingleton } from "@switchboard/config";
import { offGateway, type CallControlGateway } from "@switchboard/pbx";

// server.ts (plain Node) registers the gateway at boot; Next's bundle reads it.
export function registerCallControlGateway(gateway: CallControlGateway | undefined): void {
  setProcessSingleton("call-control-gateway", gateway);
}

/** The process's call-control gateway; without one (no connector configured) every action says "PBX not connected". */
export function getCallControlGateway(): CallControlGateway {
  return peekProcessSingleton<CallControlGateway>("call-control-gateway") ?? offGateway();
}
