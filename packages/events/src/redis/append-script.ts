import type { Redis } from "ioredis";
import { luaScript, runScript } from "./run-script";

/**
 * Appends a batch of events atomically. KEYS[1] is the global stream, KEYS[i+1] the org stream
 * of event i; ARGV = maxEvents, globalMaxLen, cutoffMs, then (orgId, seq, payload, atMs) per event.
 *
 * An event whose seq is not above the org stream's last id is skipped: re-publishing after a
 * crash or by a second relay adds nothing. Streams are trimmed with `MAXLEN ~` (Redis drops
 * whole nodes, so a stream keeps at least, and a little more than, its limit); readSince applies
 * the exact size limit itself. Org streams and the global stream are also trimmed by age: each entry carries its event's
 * time (`at`, ms), and after appending, the head of every stream written to (and of the global one) loses the entries
 * older than cutoffMs (`XTRIM MINID` up to the first younger one, at most AGE_TRIM_BATCH per call,
 * so a long-idle stream is emptied over a few appends instead of in one long call); the newest
 * entry is always kept. Seq ids are passed as the caller's strings so Lua never formats a
 * large number in exponent notation.
 */
/** Stale entries one append removes from one org stream at most. */
const AGE_TRIM_BATCH = 100;

const APPEND_LUA = `
local maxEvents = ARGV[1]
local globalMaxLen = ARGV[2]
local cutoff = tonumber(ARGV[3])
local heads = {}
local appended = 0
for i = 2, #KEYS do
  local key = KEYS[i]
  local base = 3 + (i - 2) * 4
  local orgId = ARGV[base + 1]
  local seqText = ARGV[base + 2]
  local payload = ARGV[base + 3]
  local atText = ARGV[base + 4]
  local seq = tonumber(seqText)
  local head = heads[key]
  if head == nil then
    local top = redis.call('XREVRANGE', key, '+', '-', 'COUNT', 1)
    if #top > 0 then head = tonumber(string.match(top[1][1], '^(%d+)')) else head = 0 end
  end
  if seq > head then
    redis.call('XADD', key, 'MAXLEN', '~', maxEvents, seqText .. '-0', 'payload', payload, 'at', atText)
    redis.call('XADD', KEYS[1], 'MAXLEN', '~', globalMaxLen, '*', 'orgId', orgId, 'seq', seqText, 'payload', payload, 'at', atText)
    head = seq
    appended = appended + 1
  end
  heads[key] = head
end
-- One age trim for every stream: the org streams written to and the global stream.
local function trimByAge(key)
  local oldest = redis.call('XRANGE', key, '-', '+', 'COUNT', ${AGE_TRIM_BATCH + 1})
  local keepFrom = nil
  for n, entry in ipairs(oldest) do
    local fields = entry[2]
    local at = nil
    for j = 1, #fields, 2 do
      if fields[j] == 'at' then at = tonumber(fields[j + 1]) end
    end
    -- Entries without a time (written before it was recorded) are left to MAXLEN.
    if at == nil or at >= cutoff or n > ${AGE_TRIM_BATCH} then
      keepFrom = entry[1]
      break
    end
  end
  -- The newest entry always stays: it is the stream's head, which later appends dedupe against
  -- (and the global stream's readers continue from).
  if keepFrom == nil and #oldest > 0 then
    keepFrom = redis.call('XREVRANGE', key, '+', '-', 'COUNT', 1)[1][1]
  end
  if keepFrom ~= nil and keepFrom ~= oldest[1][1] then
    redis.call('XTRIM', key, 'MINID', keepFrom)
  end
end
for key, _ in pairs(heads) do trimByAge(key) end
trimByAge(KEYS[1])
return appended
`;

const APPEND = luaScript(APPEND_LUA);

export interface AppendItem {
  orgKey: string;
  orgId: string;
  seq: number;
  payload: string;
  /** The event's time (ms since the epoch), for trimming by age. */
  atMs: number;
}

/** Runs the append script. */
export async function runAppendScript(
  redis: Redis,
  globalKey: string,
  items: readonly AppendItem[],
  limits: { maxEvents: number; globalMaxLen: number; maxAgeMs: number },
  now = Date.now()
): Promise<number> {
  const keys = [globalKey, ...items.map((i) => i.orgKey)];
  const args: string[] = [String(limits.maxEvents), String(limits.globalMaxLen), String(now - limits.maxAgeMs)];
  for (const item of items) args.push(item.orgId, String(item.seq), item.payload, String(item.atMs));
  return Number(await runScript(redis, APPEND, keys, args));
}
