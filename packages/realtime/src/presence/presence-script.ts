/**
 * One atomic presence change on an organization's tab hash, reporting which users appeared or
 * disappeared because of it, so two nodes racing never both announce (or both miss) a change.
 * Fields are `${nodeId}|${socketId}|${userId}`; values the entry JSON. A second hash counts each
 * user's tabs and is only ever changed here, together with the tabs: a change costs O(fields it
 * touches), not O(tabs in the org) — scanning the whole hash twice per connect made a 5,000-console
 * organization's connect storm block Redis for seconds (every client's commands timed out).
 *
 * KEYS[1] the org's tab hash, KEYS[2] the heartbeat key of the node being swept (sweep mode only),
 * KEYS[3] the org's tabs-per-user hash
 * KEYS[4] the org's presence version: bumped by every change that makes someone appear or disappear
 * ARGV[1] JSON array of fields to delete
 * ARGV[2] field prefix to delete ("" = none): a whole node's tabs (scans the hash; sweeps and repairs only)
 * ARGV[3] JSON object of fields to set
 * ARGV[4] "sweep" = do nothing if that node's heartbeat is back (it would re-add its tabs anyway)
 * Returns { joinedUserIds, leftUserIds, usersOnline, version }: users with no tab before and some
 * after, and the reverse; then the org's state after the change. The version is the server's clock
 * in microseconds (or one past the last, if the clock did not move), so it keeps growing across a
 * Redis restart that lost the key.
 */
export const PRESENCE_CHANGE_LUA = `
local function state() return redis.call('HLEN', KEYS[3]), redis.call('GET', KEYS[4]) or '0' end
if ARGV[4] == 'sweep' and redis.call('EXISTS', KEYS[2]) == 1 then
  local total, version = state()
  return {{}, {}, total, version}
end
local initial = {}
local function user(f) return string.match(f, '([^|]*)$') end
local function touch(u)
  if initial[u] == nil then initial[u] = tonumber(redis.call('HGET', KEYS[3], u) or '0') end
end
local function del(f)
  local u = user(f)
  touch(u)
  if redis.call('HDEL', KEYS[1], f) == 1 and redis.call('HINCRBY', KEYS[3], u, -1) <= 0 then redis.call('HDEL', KEYS[3], u) end
end
for _, f in ipairs(cjson.decode(ARGV[1])) do del(f) end
if ARGV[2] ~= '' then
  for _, f in ipairs(redis.call('HKEYS', KEYS[1])) do
    if string.sub(f, 1, #ARGV[2]) == ARGV[2] then del(f) end
  end
end
for f, v in pairs(cjson.decode(ARGV[3])) do
  local u = user(f)
  touch(u)
  if redis.call('HSET', KEYS[1], f, v) == 1 then redis.call('HINCRBY', KEYS[3], u, 1) end
end
local joined, left = {}, {}
for u, was in pairs(initial) do
  local now = tonumber(redis.call('HGET', KEYS[3], u) or '0')
  if was <= 0 and now > 0 then table.insert(joined, u) end
  if was > 0 and now <= 0 then table.insert(left, u) end
end
if #joined > 0 or #left > 0 then
  local clock = redis.call('TIME')
  local now = tonumber(clock[1]) * 1000000 + tonumber(clock[2])
  local next = math.max(now, tonumber(redis.call('GET', KEYS[4]) or '0') + 1)
  redis.call('SET', KEYS[4], string.format('%.0f', next))
end
local total, version = state()
return {joined, left, total, version}
`;

/**
 * An organization's presence list: its version and its tabs, read together so the version is the
 * one of exactly these tabs. A script rather than a MULTI: it is one command, so connects in the
 * same tick share a write to Redis (auto-pipelining) instead of each sending its own transaction.
 *
 * KEYS[1] the org's presence version, KEYS[2] the org's tab hash. Returns { version, tabValues }.
 */
export const PRESENCE_LIST_LUA = `
return {redis.call('GET', KEYS[1]) or '0', redis.call('HVALS', KEYS[2])}
`;
