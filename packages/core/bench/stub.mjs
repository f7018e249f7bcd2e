#!/usr/bin/env node
// The benchmark's DMS stub, in its own process: answers every request with a success envelope and
// checks a sample of the signatures with the official implementation (openapi-core's utilities),
// so every client is measured doing valid work. GET /_stats reports what it saw.
import { createHash, randomUUID } from "node:crypto";
import { createServer } from "node:http";
import { OpenApiUtil } from "@alicloud/openapi-core";

const SECRET = "benchsecret";
const SAMPLE_EVERY = 50;
const stats = { requests: 0, checked: 0, invalid: 0, v3: 0, v1: 0 };

function decodePairs(text, into) {
  for (const pair of text.split("&")) {
    if (!pair) continue;
    const eq = pair.indexOf("=");
    into[decodeURIComponent(pair.slice(0, eq))] = decodeURIComponent(pair.slice(eq + 1));
  }
  return into;
}

function valid(req, body) {
  const q = req.url.indexOf("?");
  const query = q < 0 ? {} : decodePairs(req.url.slice(q + 1), {});
  const auth = req.headers.authorization;
  if (auth) {
    stats.v3++;
    const headers = {};
    for (const [k, v] of Object.entries(req.headers)) if (k !== "authorization" && typeof v === "string") headers[k] = v;
    const payload = createHash("sha256").update(body).digest("hex");
    const id = /Credential=([^,]*)/.exec(auth)[1];
    const expected = OpenApiUtil.getAuthorization(
      { method: req.method, pathname: "/", query, headers },
      "ACS3-HMAC-SHA256",
      payload,
      id,
      SECRET,
    );
    return expected === auth;
  }
  stats.v1++;
  const params = decodePairs(body, query);
  const { Signature, ...signed } = params;
  return OpenApiUtil.getRPCSignature(signed, req.method, SECRET) === Signature;
}

const server = createServer((req, res) => {
  if (req.url === "/_stats") {
    res.end(JSON.stringify(stats));
    return;
  }
  let body = "";
  req.setEncoding("utf8");
  req.on("data", (c) => {
    body += c;
  });
  req.on("end", () => {
    stats.requests++;
    if (stats.requests % SAMPLE_EVERY === 1) {
      stats.checked++;
      if (!valid(req, body)) stats.invalid++;
    }
    const text = `{"RequestId":"${randomUUID().toUpperCase()}","Success":true}`;
    res.writeHead(200, { "content-type": "application/json;charset=utf-8", "content-length": Buffer.byteLength(text) });
    res.end(text);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => {
  process.stdout.write(`${JSON.stringify({ port: server.address().port })}\n`);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
