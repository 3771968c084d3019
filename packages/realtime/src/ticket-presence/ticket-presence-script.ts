/**
 * One atomic operation on a ticket's watcher hash, on Redis's clock so every node agrees on what
 * has expired. Fields are `${nodeId}|${socketId}`, values the WatchEntry JSON. Expired entries are
 * deleted on the way; the hash itself expires when nobody refreshes anything in it.
 *
 * KEYS[1] the ticket's hash
 * ARGV[1] mode: "put" | "del" | "read"
 * ARGV[2] field
 * ARGV[3] entry JSON without typingUntil/expiresAt (put)
 * ARGV[4] ttl ms, ARGV[5] typing ttl ms
 * ARGV[6] typing: "1" replying, "0" stopped, "keep" leave as stored (a heartbeat)
 * Returns { nowMs, liveEntryJsons }.
 */
export const TICKET_PRESENCE_LUA = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local ttl = tonumber(ARGV[4])
if ARGV[1] == 'put' then
  local e = cjson.decode(ARGV[3])
  local typingUntil = 0
  if ARGV[6] == '1' then
    typingUntil = now + tonumber(ARGV[5])
  elseif ARGV[6] == 'keep' then
    local old = redis.call('HGET', KEYS[1], ARGV[2])
    if old then typingUntil = cjson.decode(old).typingUntil end
  end
  e.typingUntil = typingUntil
  e.expiresAt = now + ttl
  redis.call('HSET', KEYS[1], ARGV[2], cjson.encode(e))
  redis.call('PEXPIRE', KEYS[1], ttl * 2)
elseif ARGV[1] == 'del' then
  redis.call('HDEL', KEYS[1], ARGV[2])
end
local out = {}
local all = redis.call('HGETALL', KEYS[1])
for i = 1, #all, 2 do
  if cjson.decode(all[i + 1]).expiresAt <= now then
    redis.call('HDEL', KEYS[1], all[i])
  else
    table.insert(out, all[i + 1])
  end
end
return {tostring(now), out}
`;
