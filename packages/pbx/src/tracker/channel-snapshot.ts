import type { DbClient } from "@switchboard/db";
import { field, type AmiMessage } from "../ami/ami-message";
import { startOpFor } from "./ami-call-mapper";
import { resolveChannelParty } from "./channel-party";
import type { TrackedCall, TrackedChannel } from "./channel-registry";
import { channelFields, isParty, partyOf, type MapperContext } from "./mapper-context";

/** "01:02:03" → seconds. */
function parseDuration(value: string | undefined): number {
  const parts = (value ?? "").split(":").map(Number);
  if (parts.length !== 3 || parts.some((n) => !Number.isFinite(n))) return 0;
  const [h = 0, m = 0, s = 0] = parts;
  return h * 3600 + m * 60 + s;
}

/**
 * Resync: replaces the in-memory channels with the PBX's own list (CoreShowChannel events) and
 * makes the organization's live calls agree with it. Calls the PBX has that we lack are started
 * (and answered if their parties share a bridge); live calls it no longer has are ended. This is
 * what corrects any state that missed or out-of-order events left behind.
 */
export async function applyChannelSnapshot(ctx: MapperContext, db: DbClient, rows: readonly AmiMessage[], now: Date): Promise<void> {
  const reg = ctx.registry;
  reg.reset();
  const channels: (TrackedChannel & { ageSeconds: number })[] = [];
  for (const row of rows) {
    const f = channelFields(row);
    if (!f.uniqueid || !f.name) continue;
    channels.push({
      uniqueid: f.uniqueid,
      callKey: f.linkedid ?? f.uniqueid,
      name: f.name,
      party: await resolveChannelParty(ctx.directory, f.name),
      callerNum: f.callerNum,
      callerName: f.callerName,
      exten: f.exten,
      context: f.context,
      state: f.state,
      bridgeId: field(row, "BridgeId") || undefined,
      ageSeconds: parseDuration(field(row, "Duration"))
    });
  }
  const groups = new Map<string, typeof channels>();
  for (const c of channels) groups.set(c.callKey, [...(groups.get(c.callKey) ?? []), c]);

  for (const [key, members] of groups) {
    const origin = members.find((c) => c.uniqueid === key) ?? [...members].sort((a, b) => b.ageSeconds - a.ageSeconds)[0];
    if (!origin) continue;
    const call: TrackedCall = {
      key,
      originUniqueid: origin.uniqueid,
      direction: "internal",
      channels: new Set(),
      answered: false,
      holders: new Set(),
      transferers: new Set()
    };
    reg.addCall(call);
    for (const c of members) reg.addChannel(c);
    const answerer = members.find((c) => c !== origin && isParty(c) && c.bridgeId && channels.some((o) => o !== c && o.bridgeId === c.bridgeId));
    const start = await startOpFor(ctx, origin, call, new Date(now.getTime() - origin.ageSeconds * 1000));
    const existing = await db.call.findUnique({ where: { organizationId_pbxCallId: { organizationId: ctx.directory.orgId, pbxCallId: key } } });
    if (!existing) {
      ctx.stats.resyncCorrections++;
      await ctx.apply(start);
    }
    if (answerer) {
      call.answered = true;
      if (!existing || existing.state === "ringing" || existing.state === "transferred") {
        if (existing) ctx.stats.resyncCorrections++;
        const by = answerer.party.kind === "extension" ? partyOf(answerer, call) : undefined;
        await ctx.apply({ op: "answer", callId: key, at: now, ...(by ? { by } : {}) });
      }
    }
  }

  const stale = await db.call.findMany({
    where: { organizationId: ctx.directory.orgId, state: { not: "ended" }, pbxCallId: { notIn: [...groups.keys()] } },
    select: { pbxCallId: true }
  });
  for (const call of stale) {
    ctx.stats.resyncCorrections++;
    await ctx.apply({ op: "end", callId: call.pbxCallId, at: now, cause: "Gone from the PBX at resync", causeCode: null, hungUpBy: null });
  }
}

/** After PJSIPShowContacts: extensions with no contact listed are not registered. */
export async function applyContactSnapshot(ctx: MapperContext, registeredIds: ReadonlySet<string>, now: Date): Promise<void> {
  await ctx.directory.load();
  for (const ext of ctx.directory.allExtensions()) {
    if (registeredIds.has(ext.id)) continue;
    await ctx.apply({ op: "extension_status", at: now, extension: ext.number, extensionId: ext.id, registration: "unregistered", contact: null });
  }
}
