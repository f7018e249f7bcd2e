import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { listTaskFlow } from "@dmsflow/client";
import { afterEach, describe, expect, it } from "vitest";
import { DmsClient, DmsConfigError } from "../src/index.js";

// A misbehaving endpoint (a wrong host, a broken proxy): no emulator can play it, so a minimal stub
// streams `bytes` of junk in 1 MiB chunks, without Content-Length unless asked.
let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

async function junkServer(bytes: number, withLength = false): Promise<{ url: string; sent: () => number }> {
  let sent = 0;
  const chunk = Buffer.alloc(1024 * 1024, 0x61);
  server = createServer((_req, res) => {
    res.writeHead(200, withLength ? { "content-length": String(bytes) } : {});
    const pump = () => {
      while (sent < bytes) {
        sent += chunk.length;
        if (!res.write(chunk)) return void res.once("drain", pump);
      }
      res.end();
    };
    res.on("close", () => undefined);
    pump();
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, sent: () => sent };
}

const client = (endpoint: string, extra = {}) =>
  new DmsClient({ endpoint, credentials: { accessKeyId: "id", accessKeySecret: "secret" }, env: {}, retry: false, ...extra });

describe("response size cap", () => {
  it("fails a 600 MB streamed response with ResponseTooLarge, without crashing or buffering it", async () => {
    const stub = await junkServer(600 * 1024 * 1024);
    const c = client(stub.url);
    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 5);
    const started = performance.now();
    const error = await listTaskFlow(c, {}).catch((e: unknown) => e);
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    console.log(
      `[figures] 600 MB response: ${(error as Error).name}/${(error as { code?: string }).code} after ${Math.round(performance.now() - started)} ms, ` +
        `${Math.round(stub.sent() / 1048576)} MiB sent by the stub, peak RSS +${Math.round((peak - rssBefore) / 1048576)} MiB`,
    );
    expect(error).toMatchObject({ code: "ResponseTooLarge", retryable: false });
    expect((error as Error).message).toMatch(/response over 16777216 bytes .*raise maxResponseBytes/);
    expect(peak - rssBefore).toBeLessThan(200 * 1024 * 1024);
    c.destroy();
  });

  it("fails a response with a Content-Length over the cap, and takes the cap as an option", async () => {
    const stub = await junkServer(2 * 1024 * 1024, true);
    const c = client(stub.url, { maxResponseBytes: 1024 * 1024 });
    await expect(listTaskFlow(c, {})).rejects.toMatchObject({ code: "ResponseTooLarge" });
    c.destroy();
    expect(() => client(stub.url, { maxResponseBytes: 0 })).toThrow(DmsConfigError);
  });
});
