-- Open pages polling /status: each wrk connection asks every 20 ms, so 50 connections make about
-- 2,500 requests a second, what 5,000 pages polling every 2 s would.
wrk.path = "/status"
function delay()
  return 20
end
