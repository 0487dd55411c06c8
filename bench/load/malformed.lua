-- wrk script: a rotation of malformed requests; every answer must be a 4xx, never a 5xx or a drop.
local bodies = {
  { "application/json", '{"token":' },
  { "application/json", '{"token":"a.b.c"}' },
  { "text/plain", string.rep("A", 70000) },
  { "image/png", "\137PNG\r\n\26\n\0\0\0\rIHDR" },
  { "multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"image\"\r\n\r\nnot an image\r\n--x--\r\n" },
  { "application/xml", "<a/>" },
}
local i = 0
request = function()
  i = i % #bodies + 1
  return wrk.format("POST", "/api/verify", { ["Content-Type"] = bodies[i][1] }, bodies[i][2])
end
local bad = 0
response = function(status, headers, body)
  if status >= 500 then bad = bad + 1 end
end
done = function(summary, latency, requests)
  io.write(string.format("5xx answers: %d\n", bad))
end
