import { createHash } from "node:crypto";
import type { Redis } from "ioredis";

/**
 * Appends a batch of events atomically. KEYS[1] is the global stream, KEYS[i+1] the org stream
 * of event i; ARGV = maxEvents, globalMaxLen, then (orgId, seq, payload) per event.
 *
 * An event whose seq is not above the org stream's last id is skipped: re-publishing after a
 * crash or by a second relay adds nothing. Streams are trimmed with `MAXLEN ~` (Redis drops
 * whole nodes, so a stream keeps at least, and a little more than, its limit); readSince applies
 * the exact size limit itself. Seq ids are passed as the caller's strings so Lua never formats a
 * large number in exponent notation.
 */
const APPEND_LUA = `
local maxEvents = ARGV[1]
local globalMaxLen = ARGV[2]
local heads = {}
local appended = 0
for i = 2, #KEYS do
  local key = KEYS[i]
  local base = 2 + (i - 2) * 3
  local orgId = ARGV[base + 1]
  local seqText = ARGV[base + 2]
  local payload = ARGV[base + 3]
  local seq = tonumber(seqText)
  local head = heads[key]
  if head == nil then
    local top = redis.call('XREVRANGE', key, '+', '-', 'COUNT', 1)
    if #top > 0 then head = tonumber(string.match(top[1][1], '^(%d+)')) else head = 0 end
  end
  if seq > head then
    redis.call('XADD', key, 'MAXLEN', '~', maxEvents, seqText .. '-0', 'payload', payload)
    redis.call('XADD', KEYS[1], 'MAXLEN', '~', globalMaxLen, '*', 'orgId', orgId, 'seq', seqText, 'payload', payload)
    head = seq
    appended = appended + 1
  end
  heads[key] = head
end
return appended
`;

const APPEND_SHA = createHash("sha1").update(APPEND_LUA).digest("hex");

export interface AppendItem {
  orgKey: string;
  orgId: string;
  seq: number;
  payload: string;
}

/** Runs the append script (EVALSHA, loading it with EVAL when the server does not know it yet). */
export async function runAppendScript(
  redis: Redis,
  globalKey: string,
  items: readonly AppendItem[],
  limits: { maxEvents: number; globalMaxLen: number }
): Promise<number> {
  const keys = [globalKey, ...items.map((i) => i.orgKey)];
  const args: string[] = [String(limits.maxEvents), String(limits.globalMaxLen)];
  for (const item of items) args.push(item.orgId, String(item.seq), item.payload);
  try {
    return Number(await redis.evalsha(APPEND_SHA, keys.length, ...keys, ...args));
  } catch (error) {
    if (!(error instanceof Error) || !error.message.includes("NOSCRIPT")) throw error;
    return Number(await redis.eval(APPEND_LUA, keys.length, ...keys, ...args));
  }
}
