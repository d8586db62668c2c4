-- POST livechat/message, round-robin over the rooms listed in ROOMS (token, rid pairs), which the
-- runner writes above this script.
local i = 0
function request()
  i = i + 1
  local r = ROOMS[(i % #ROOMS) + 1]
  return wrk.format("POST", "/api/v1/livechat/message", { ["Content-Type"] = "application/json" },
      '{"token":"' .. r[1] .. '","rid":"' .. r[2] .. '","msg":"benchmark message ' .. i .. '"}')
end
