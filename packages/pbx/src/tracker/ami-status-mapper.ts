import type { DeviceState, RegistrationState, TrunkRegistration } from "@switchboard/contracts";
import { field, knownValue, type AmiMessage } from "../ami/ami-message";
import { parseChannelName } from "./channel-party";
import type { DirectoryTrunk } from "./directory";
import { eventTime, type MapperContext } from "./mapper-context";

type LampState = Exclude<DeviceState, "dnd">;

/** DeviceStateChange State (main/devicestate.c); UNKNOWN is a re-evaluation trigger, not a state. */
const DEVICE_STATES: Record<string, LampState | undefined> = {
  NOT_INUSE: "idle",
  INUSE: "in_use",
  BUSY: "busy",
  INVALID: "unavailable",
  UNAVAILABLE: "unavailable",
  RINGING: "ringing",
  RINGINUSE: "ringing",
  ONHOLD: "on_hold"
};

/** ExtensionStatus StatusText (hint state of the extension). */
const HINT_STATES: Record<string, LampState | undefined> = {
  Idle: "idle",
  InUse: "in_use",
  Busy: "busy",
  Unavailable: "unavailable",
  Ringing: "ringing",
  "InUse&Ringing": "ringing",
  Hold: "on_hold",
  "InUse&Hold": "on_hold"
};

const CONTACT_REGISTRATION: Record<string, RegistrationState | undefined> = {
  Created: "registered",
  Updated: "registered",
  Reachable: "registered",
  NonQualified: "registered",
  Unqualified: "registered",
  Unknown: "registered",
  Unreachable: "unreachable",
  Removed: "unregistered"
};

const PEER_REGISTRATION: Record<string, RegistrationState | undefined> = {
  Registered: "registered",
  Reachable: "registered",
  Lagged: "registered",
  Unreachable: "unreachable",
  Unregistered: "unregistered",
  Rejected: "unregistered"
};

const TRUNK_REGISTRATION: Record<string, TrunkRegistration | undefined> = {
  Registered: "registered",
  Rejected: "rejected",
  Failed: "rejected",
  Unregistered: "unknown"
};

async function setTrunk(ctx: MapperContext, trunk: DirectoryTrunk | undefined, registration: TrunkRegistration | undefined, at: Date, detail?: string) {
  if (!trunk || !registration) {
    ctx.stats.unmappedEndpoints++;
    return;
  }
  await ctx.apply({ op: "trunk_status", at, trunk: trunk.name, trunkId: trunk.id, registration, detail: detail ?? null });
}

export async function onDeviceStateChange(ctx: MapperContext, e: AmiMessage): Promise<void> {
  const device = field(e, "Device") ?? "";
  const state = (field(e, "State") ?? "").toUpperCase();
  const at = eventTime(e);
  // FreePBX-style DND: a custom device state "Custom:DND<ext>" that is in use while DND is on.
  const dnd = /^Custom:DND(.+)$/i.exec(device);
  if (dnd?.[1]) {
    if (state === "UNKNOWN") return;
    await ctx.apply({ op: "extension_status", at, extension: dnd[1], dnd: state !== "NOT_INUSE" && state !== "UNAVAILABLE" });
    return;
  }
  const parsed = parseChannelName(device);
  const deviceState = DEVICE_STATES[state];
  if (!parsed || parsed.tech.toLowerCase() === "local" || !deviceState) return;
  const ext = await ctx.directory.extension(parsed.resource);
  if (!ext) return; // queues, conferences, trunks: devices that are not phones
  await ctx.apply({ op: "extension_status", at, extension: ext.number, extensionId: ext.id, deviceState });
}

export async function onExtensionStatus(ctx: MapperContext, e: AmiMessage): Promise<void> {
  const deviceState = HINT_STATES[field(e, "StatusText") ?? ""];
  const exten = knownValue(field(e, "Exten"));
  if (!deviceState || !exten) return;
  const ext = await ctx.directory.extension(exten);
  if (!ext) return;
  await ctx.apply({ op: "extension_status", at: eventTime(e), extension: ext.number, extensionId: ext.id, deviceState });
}

export async function onPresenceStateChange(ctx: MapperContext, e: AmiMessage): Promise<void> {
  const presentity = /^CustomPresence:(.+)$/i.exec(field(e, "Presentity") ?? "");
  const ext = await ctx.directory.extension(presentity?.[1]);
  if (!ext) return;
  await ctx.apply({
    op: "extension_status",
    at: eventTime(e),
    extension: ext.number,
    extensionId: ext.id,
    dnd: (field(e, "Status") ?? "").toLowerCase() === "dnd"
  });
}

export async function onContactStatus(ctx: MapperContext, e: AmiMessage): Promise<void> {
  const endpoint = knownValue(field(e, "EndpointName"));
  const status = field(e, "ContactStatus") ?? "";
  const at = eventTime(e);
  const ext = await ctx.directory.extension(endpoint);
  if (ext) {
    const registration = CONTACT_REGISTRATION[status];
    if (!registration) return;
    const contact = registration === "unregistered" ? null : (knownValue(field(e, "URI")) ?? undefined);
    await ctx.apply({ op: "extension_status", at, extension: ext.number, extensionId: ext.id, registration, contact });
    return;
  }
  const trunk = await ctx.directory.trunk(endpoint);
  // A trunk's qualify result speaks for its reachability; registration comes from Registry.
  if (trunk && status === "Unreachable") await setTrunk(ctx, trunk, "unreachable", at, "qualify failed");
  else if (trunk && status === "Reachable" && !trunk.registrationRequired) await setTrunk(ctx, trunk, "registered", at, "reachable");
  else if (!trunk) ctx.stats.unmappedEndpoints++;
}

/** ContactList, one per registered contact, in answer to PJSIPShowContacts. */
export async function onContactList(ctx: MapperContext, e: AmiMessage): Promise<string | undefined> {
  const endpoint = knownValue(field(e, "Endpoint"));
  const ext = await ctx.directory.extension(endpoint);
  if (!ext) return undefined;
  const registration: RegistrationState = field(e, "Status") === "Unreachable" ? "unreachable" : "registered";
  await ctx.apply({
    op: "extension_status",
    at: eventTime(e),
    extension: ext.number,
    extensionId: ext.id,
    registration,
    contact: knownValue(field(e, "Uri")) ?? null,
    userAgent: knownValue(field(e, "UserAgent")) ?? null
  });
  return ext.id;
}

export async function onPeerStatus(ctx: MapperContext, e: AmiMessage): Promise<void> {
  const parsed = parseChannelName(field(e, "Peer") ?? "");
  const status = field(e, "PeerStatus") ?? "";
  const at = eventTime(e);
  const ext = await ctx.directory.extension(parsed?.resource);
  if (ext) {
    const registration = PEER_REGISTRATION[status];
    if (registration) await ctx.apply({ op: "extension_status", at, extension: ext.number, extensionId: ext.id, registration });
    return;
  }
  const registration: TrunkRegistration | undefined =
    status === "Unreachable"
      ? "unreachable"
      : status === "Rejected"
        ? "rejected"
        : status === "Registered" || status === "Reachable"
          ? "registered"
          : undefined;
  await setTrunk(ctx, await ctx.directory.trunk(parsed?.resource), registration, at, knownValue(field(e, "Cause")));
}

/** "sip:sip.carrier-a.example.net:5060" → "sip.carrier-a.example.net". */
function uriHost(uri: string | undefined): string | undefined {
  const match = /^(?:sips?:)?(?:[^@]*@)?(\[[^\]]+\]|[^:;>]+)/i.exec(uri?.trim() ?? "");
  return match?.[1];
}

/** Registry: outbound registration result (Username = client URI, Domain = server URI). */
export async function onRegistry(ctx: MapperContext, e: AmiMessage): Promise<void> {
  const registration = TRUNK_REGISTRATION[field(e, "Status") ?? ""];
  const host = uriHost(field(e, "Domain"));
  const trunk = (await ctx.directory.trunk(host)) ?? (await ctx.directory.trunk(/^(?:sips?:)?([^@]+)@/i.exec(field(e, "Username") ?? "")?.[1]));
  await setTrunk(ctx, trunk, registration, eventTime(e), knownValue(field(e, "Cause")));
}

/** OutboundRegistrationDetail, in answer to PJSIPShowRegistrationsOutbound. */
export async function onOutboundRegistrationDetail(ctx: MapperContext, e: AmiMessage): Promise<void> {
  const registration = TRUNK_REGISTRATION[field(e, "Status") ?? ""];
  const trunk =
    (await ctx.directory.trunk(knownValue(field(e, "ObjectName")))) ??
    (await ctx.directory.trunk(knownValue(field(e, "Endpoint")))) ??
    (await ctx.directory.trunk(uriHost(field(e, "ServerUri"))));
  await setTrunk(ctx, trunk, registration, eventTime(e));
}
