-- wrk script: GET /api/similar with the MEDIQA consumer questions, read from the datasets folder at run time,
-- paced so that all connections together send about `rate` requests per second.
-- Usage: wrk -t2 -c50 -d60s --latency -s similar.lua http://127.0.0.1:8083 -- QUESTIONS_JSONL RATE CONNECTIONS

local questions = {}
local pause_ms = 0
local next_question = 1
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("id", threads)
end

local function unescape(text)
  text = text:gsub("\\u(%x%x%x%x)", function(hex)
    local code = tonumber(hex, 16)
    if code < 0x80 then return string.char(code) end
    if code < 0x800 then
      return string.char(0xC0 + math.floor(code / 64), 0x80 + code % 64)
    end
    return string.char(0xE0 + math.floor(code / 4096), 0x80 + math.floor(code / 64) % 64, 0x80 + code % 64)
  end)
  local escapes = { n = "\n", t = "\t", r = "\r", b = "", f = "", ["/"] = "/", ["\\"] = "\\", ['"'] = '"' }
  return (text:gsub('\\(.)', function(c) return escapes[c] or c end))
end

local function urlencode(text)
  return (text:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function init(args)
  local file = assert(io.open(args[1], "r"), "cannot read " .. tostring(args[1]))
  for line in file:lines() do
    -- the question is a JSON string: up to the first quote that is not escaped
    local raw = line:match('"question":%s*"(.-[^\\])"')
    if raw then
      table.insert(questions, "/api/similar?limit=10&q=" .. urlencode(unescape(raw)))
    end
  end
  file:close()
  local rate = tonumber(args[2] or "200")
  local connections = tonumber(args[3] or "50")
  -- each connection waits connections/rate seconds (on average) between its requests
  pause_ms = 1000 * connections / rate
  math.randomseed(os.time() * 100 + (id or 0))
  next_question = math.random(#questions)
end

function delay()
  return math.random(math.floor(pause_ms * 0.5), math.floor(pause_ms * 1.5))
end

function request()
  next_question = next_question % #questions + 1
  return wrk.format("GET", questions[next_question])
end
