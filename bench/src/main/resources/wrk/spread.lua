-- GET livechat/room for a random one of the N preloaded visitors (tokens bench-v-0 .. bench-v-N-1).
-- Arguments: N.
local n = 1000
function init(args)
  n = tonumber(args[1]) or n
  math.randomseed(os.time() + (tonumber(tostring({}):sub(8)) or 0))
end
function request()
  return wrk.format("GET", "/api/v1/livechat/room?token=bench-v-" .. math.random(0, n - 1))
end
