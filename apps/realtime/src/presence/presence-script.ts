/**
 * One atomic presence change on an organization's tab hash, reporting which users appeared or
 * disappeared because of it, so two nodes racing never both announce (or both miss) a change.
 * Fields are `${nodeId}|${socketId}|${userId}`; values the entry JSON.
 *
 * KEYS[1] the org's tab hash, KEYS[2] the heartbeat key of the node being swept (sweep mode only)
 * ARGV[1] JSON array of fields to delete
 * ARGV[2] field prefix to delete ("" = none): a whole node's tabs
 * ARGV[3] JSON object of fields to set
 * ARGV[4] "sweep" = do nothing if that node's heartbeat is back (it would re-add its tabs anyway)
 * Returns { joinedUserIds, leftUserIds }.
 */
export const PRESENCE_CHANGE_LUA = `
if ARGV[4] == 'sweep' and redis.call('EXISTS', KEYS[2]) == 1 then return {{}, {}} end
local function users()
  local out = {}
  for _, f in ipairs(redis.call('HKEYS', KEYS[1])) do
    out[string.match(f, '([^|]*)$')] = true
  end
  return out
end
local before = users()
for _, f in ipairs(cjson.decode(ARGV[1])) do redis.call('HDEL', KEYS[1], f) end
if ARGV[2] ~= '' then
  for _, f in ipairs(redis.call('HKEYS', KEYS[1])) do
    if string.sub(f, 1, #ARGV[2]) == ARGV[2] then redis.call('HDEL', KEYS[1], f) end
  end
end
for f, v in pairs(cjson.decode(ARGV[3])) do redis.call('HSET', KEYS[1], f, v) end
local after = users()
local joined, left = {}, {}
for u in pairs(after) do if not before[u] then table.insert(joined, u) end end
for u in pairs(before) do if not after[u] then table.insert(left, u) end end
return {joined, left}
`;
