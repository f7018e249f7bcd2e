// The peer floor: a node:http server that answers every request with a fixed success body and
// checks nothing. The emulator's throughput is reported as a ratio of this one's, measured in the same run.

import { randomUUID } from "node:crypto";
import { createServer } from "node:http";

const server = createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    const body = `{"RequestId":"${randomUUID().toUpperCase()}","Success":true}`;
    res.writeHead(200, { "content-type": "application/json;charset=utf-8", "content-length": Buffer.byteLength(body) });
    res.end(body);
  });
});
server.listen(0, "127.0.0.1", () => {
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${server.address().port}` })}\n`);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
