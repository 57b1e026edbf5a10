-- Used by scripts/benchmark.sh: prints one machine-readable line at the end of a wrk run.
-- Optional: WRK_PATHS (file with one path per line) makes each request take the next path, so every
-- request asks for something else (for example a document of another school: always a fresh render).
local paths = nil
local index = 0

function init(args)
  local file = os.getenv("WRK_PATHS")
  if file ~= nil and file ~= "" then
    paths = {}
    for line in io.lines(file) do
      if line ~= "" then table.insert(paths, line) end
    end
  end
end

local thread_count = 0
function setup(thread)
  thread:set("thread_id", thread_count)
  thread_count = thread_count + 1
end

function request()
  if paths == nil then return wrk.format() end
  index = index + 1
  -- Thread t of n takes paths t, t+n, t+2n, ...: no two requests of a run ask for the same path (until the list wraps).
  local threads = tonumber(os.getenv("WRK_THREADS") or "1")
  local position = ((index - 1) * threads + (thread_id or 0)) % #paths + 1
  return wrk.format(nil, paths[position])
end

function done(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout
  io.write(string.format("WRK-RESULT requests=%d seconds=%.3f rps=%.1f p50=%.2f p95=%.2f p99=%.2f errors=%d status_errors=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    errors, summary.errors.status))
end
