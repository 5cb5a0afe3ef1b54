-- Open pages polling /status: each wrk connection asks every POLL_DELAY_MS (bench/page-load.sh sets it,
-- 20 ms if unset), so 50 connections at 20 ms make about 2,500 requests a second, what 5,000 pages
-- polling every 2 s would.
wrk.path = "/status"
local every = tonumber(os.getenv("POLL_DELAY_MS") or "20")
function delay()
  return every
end
