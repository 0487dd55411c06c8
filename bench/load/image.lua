-- wrk script: POST /api/verify with a raw PNG body read from $IMAGE_FILE.
local f = assert(io.open(os.getenv("IMAGE_FILE"), "rb"))
local png = f:read("*a")
f:close()
wrk.method = "POST"
wrk.path = "/api/verify"
wrk.headers["Content-Type"] = "image/png"
wrk.body = png
