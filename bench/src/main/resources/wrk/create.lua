-- The create path: a new visitor registers, then asks for its room. The two requests are pipelined
-- on one connection, so the room request always comes after the registration; wrk records one
-- latency per pair and counts both responses. Arguments: a prefix that makes tokens unique per run.
local prefix = "c"
local counter = 0
local next_thread = 0
function setup(thread)
  thread:set("thread_id", next_thread)
  next_thread = next_thread + 1
end
function init(args)
  prefix = (args[1] or "c") .. "-" .. thread_id .. "-"
end
function request()
  counter = counter + 1
  local token = prefix .. counter
  return wrk.format("POST", "/api/v1/livechat/visitor", { ["Content-Type"] = "application/json" },
      '{"visitor":{"token":"' .. token .. '","name":"Visitor ' .. counter .. '"}}')
    .. wrk.format("GET", "/api/v1/livechat/room?token=" .. token)
end
