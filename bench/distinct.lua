-- wrk script: every request a URL never sent before, so no cache can answer it.
--   wrk ... -s bench/distinct.lua URL -- RUN SUFFIX
-- Each request is wrk's path followed by SUFFIX, RUN, the thread's number and a counter:
-- for /sparql?query=… SUFFIX is "%0A%23%20" (the query text ends with a new comment line),
-- for a page "?v=" (a query parameter the page does not read).
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("number", threads)
end

function init(args)
  prefix = wrk.path .. args[2] .. args[1] .. "-" .. number .. "-"
  counter = 0
end

function request()
  counter = counter + 1
  return wrk.format(nil, prefix .. counter)
end
