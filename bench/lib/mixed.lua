-- The mixed load of bench/mixed.sh (appended to a preamble that fills `tokens` and `movies`):
-- each request is one member's, in turn, picked by weight. With `only` set, every request asks
-- that path instead (%d: a popular movie).
local only = nil
local weighted = {
  { 30, "/api/movies/%d" },
  { 15, "/api/preferences/movies/%d/summary" },
  { 15, "/api/activities/feed" },
  { 10, "/api/preferences/recommendations" },
  { 10, "/api/preferences/ratings" },
  { 10, "/api/users/me" },
  { 5, "/api/movies?q=star" },
  { 5, "/api/preferences/home" },
}
local total = 0
for _, entry in ipairs(weighted) do total = total + entry[1] end
local turn = 0

init = function(args)
  math.randomseed(os.time() + math.floor(os.clock() * 1000000))
  turn = math.random(#tokens)
end

local function pick()
  if only then return only end
  local roll = math.random(total)
  for _, entry in ipairs(weighted) do
    roll = roll - entry[1]
    if roll <= 0 then return entry[2] end
  end
  return weighted[1][2]
end

request = function()
  turn = turn % #tokens + 1
  local path = pick()
  if path:find("%%d") then
    path = string.format(path, movies[math.random(#movies)])
  end
  return wrk.format("GET", path, { Authorization = "Bearer " .. tokens[turn] })
end
