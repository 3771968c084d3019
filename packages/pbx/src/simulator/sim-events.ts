import type { AmiMessage } from "../ami/ami-message";

type Fields = Record<string, string>;

/** A simulated channel: the fields Asterisk puts in every channel event (main/manager_channels.c). */
export interface SimChannel {
  name: string;
  uniqueid: string;
  linkedid: string;
  callerNum: string;
  callerName: string;
  context: string;
  exten: string;
  state: number;
}

const STATE_DESC: Record<number, string> = { 0: "Down", 4: "Ring", 5: "Ringing", 6: "Up", 7: "Busy" };

export function snapshot(c: SimChannel, prefix = ""): Fields {
  return {
    [`${prefix}Channel`]: c.name,
    [`${prefix}ChannelState`]: String(c.state),
    [`${prefix}ChannelStateDesc`]: STATE_DESC[c.state] ?? "Unknown",
    [`${prefix}CallerIDNum`]: c.callerNum || "<unknown>",
    [`${prefix}CallerIDName`]: c.callerName || "<unknown>",
    [`${prefix}ConnectedLineNum`]: "<unknown>",
    [`${prefix}ConnectedLineName`]: "<unknown>",
    [`${prefix}Language`]: "en",
    [`${prefix}AccountCode`]: "",
    [`${prefix}Context`]: c.context,
    [`${prefix}Exten`]: c.exten,
    [`${prefix}Priority`]: "1",
    [`${prefix}Uniqueid`]: c.uniqueid,
    [`${prefix}Linkedid`]: c.linkedid
  };
}

const bridge = (id: string, count: number): Fields => ({
  BridgeUniqueid: id,
  BridgeType: "basic",
  BridgeTechnology: "simple_bridge",
  BridgeCreator: "<unknown>",
  BridgeName: "<unknown>",
  BridgeNumChannels: String(count),
  BridgeVideoSourceMode: "none"
});

/** An event as the parser would have produced it, stamped with the simulated time. */
export function amiEvent(name: string, privilege: string, at: number, fields: Fields): AmiMessage {
  const all: Fields = { Event: name, Privilege: privilege, Timestamp: (at / 1000).toFixed(6), ...fields };
  return { kind: "event", name, fields: Object.fromEntries(Object.entries(all).map(([k, v]) => [k.toLowerCase(), v])), variables: {} };
}

const CALL = "call,all";
const SYSTEM = "system,all";

export const sim = {
  newchannel: (at: number, c: SimChannel) => amiEvent("Newchannel", CALL, at, snapshot(c)),
  newstate: (at: number, c: SimChannel, state: number) => {
    c.state = state;
    return amiEvent("Newstate", CALL, at, snapshot(c));
  },
  dialBegin: (at: number, a: SimChannel, b: SimChannel) => amiEvent("DialBegin", CALL, at, { ...snapshot(a), ...snapshot(b, "Dest"), DialString: b.exten }),
  dialEnd: (at: number, a: SimChannel, b: SimChannel, status: string) =>
    amiEvent("DialEnd", CALL, at, { ...snapshot(a), ...snapshot(b, "Dest"), DialStatus: status }),
  bridgeEnter: (at: number, id: string, count: number, c: SimChannel) => amiEvent("BridgeEnter", CALL, at, { ...bridge(id, count), ...snapshot(c) }),
  bridgeLeave: (at: number, id: string, count: number, c: SimChannel) => amiEvent("BridgeLeave", CALL, at, { ...bridge(id, count), ...snapshot(c) }),
  hold: (at: number, c: SimChannel) => amiEvent("Hold", CALL, at, { ...snapshot(c), MusicClass: "default" }),
  unhold: (at: number, c: SimChannel) => amiEvent("Unhold", CALL, at, snapshot(c)),
  hangup: (at: number, c: SimChannel, cause: number, text: string) => amiEvent("Hangup", CALL, at, { ...snapshot(c), Cause: String(cause), "Cause-txt": text }),
  blindTransfer: (at: number, transferer: SimChannel, transferee: SimChannel, bridgeId: string, exten: string) =>
    amiEvent("BlindTransfer", CALL, at, {
      Result: "Success",
      ...snapshot(transferer, "Transferer"),
      ...snapshot(transferee, "Transferee"),
      ...bridge(bridgeId, 2),
      IsExternal: "Yes",
      Context: "from-internal",
      Extension: exten
    }),
  deviceState: (at: number, device: string, state: string) => amiEvent("DeviceStateChange", CALL, at, { Device: device, State: state }),
  contactStatus: (at: number, endpoint: string, status: string, uri: string) =>
    amiEvent("ContactStatus", SYSTEM, at, {
      URI: uri,
      ContactStatus: status,
      AOR: endpoint,
      EndpointName: endpoint,
      RoundtripUsec: status === "Reachable" ? "9000" : "0"
    }),
  presence: (at: number, exten: string, status: string) =>
    amiEvent("PresenceStateChange", CALL, at, { Presentity: `CustomPresence:${exten}`, Status: status, Subtype: "", Message: "" }),
  registry: (at: number, host: string, status: string, cause?: string) =>
    amiEvent("Registry", SYSTEM, at, {
      ChannelType: "PJSIP",
      Username: `sip:switchboard@${host}`,
      Domain: `sip:${host}`,
      Status: status,
      ...(cause ? { Cause: cause } : {})
    })
};
