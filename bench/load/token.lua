-- wrk script: POST /api/verify with a JSON token read from $TOKEN_FILE.
local f = assert(io.open(os.getenv("TOKEN_FILE"), "r"))
local token = f:read("*a"):gsub("%s+$", "")
f:close()
wrk.method = "POST"
wrk.path = "/api/verify"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"token":"' .. token .. '"}'
