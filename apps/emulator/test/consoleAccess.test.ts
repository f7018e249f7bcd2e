import { afterEach, describe, expect, it } from "vitest";
import type { EmulatorOptions } from "../src/index.js";
import { DEMO_SEED } from "./fixtures/emulatorProcess.js";
import { openEventStream } from "./fixtures/eventStream.js";
import { sendRequest } from "./fixtures/sendRequest.js";
import { ADMIN_TOKEN, startTestEmulator, type TestEmulator } from "./fixtures/testEmulator.js";

// Who may open the console and change state through it, over real HTTP (no browser needed).
let e: TestEmulator | undefined;
afterEach(async () => {
  await e?.close();
  e = undefined;
});

async function start(options: EmulatorOptions): Promise<TestEmulator> {
  e = await startTestEmulator({ seed: DEMO_SEED, ...options });
  return e;
}

const get = (path: string, headers: Record<string, string> = {}) => sendRequest(e!.url, { method: "GET", path, headers });

describe("console access", () => {
  it("without an admin token, answers loopback clients naming a loopback host only", async () => {
    await start({ adminToken: undefined });
    const page = await get("/_emulator/console");
    expect(page.status).toBe(200);
    expect(page.headers["content-type"]).toContain("text/html");
    expect(page.headers["content-security-policy"]).toContain("default-src 'self'");
    const rebound = await get("/_emulator/console/api/overview", { host: `evil.example:${e!.emulator.port}` });
    expect(rebound.status).toBe(403);
    expect(rebound.json.Code).toBe("ConsoleLoopbackOnly");
    // The page's EventSource reads the event stream on the same terms; the rest of the admin API stays
    // closed without a token, and the stream too for a rebound host.
    const stream = await openEventStream(e!.url, undefined);
    expect(stream.response.statusCode).toBe(200);
    expect(stream.response.headers["content-type"]).toContain("text/event-stream");
    stream.close();
    expect((await get("/_emulator/events", { host: `evil.example:${e!.emulator.port}` })).json.Code).toBe("AdminDisabled");
    expect((await get("/_emulator/faults")).json.Code).toBe("AdminDisabled");
  });

  it("with an admin token, trades ?token= for an HttpOnly cookie that opens the console", async () => {
    await start({});
    expect((await get("/_emulator/console")).json.Code).toBe("ConsoleUnauthorized");
    expect((await get("/_emulator/console?token=wrong")).status).toBe(401);
    const login = await get(`/_emulator/console?token=${ADMIN_TOKEN}`);
    expect(login.status).toBe(303);
    expect(login.headers.location).toBe("/_emulator/console");
    const cookie = String(login.headers["set-cookie"]).split(";")[0]!;
    expect(String(login.headers["set-cookie"])).toMatch(/HttpOnly; SameSite=Strict/);
    expect(cookie).not.toContain(ADMIN_TOKEN);
    expect((await get("/_emulator/console", { cookie })).status).toBe(200);
    expect((await get("/_emulator/console/api/overview", { cookie })).json.tenants).toHaveLength(2);
    // The cookie also opens the event stream (an EventSource cannot send a header), and nothing else of the admin API.
    const stream = await openEventStream(e!.url, undefined, { cookie });
    expect(stream.response.statusCode).toBe(200);
    expect(stream.response.headers["content-type"]).toContain("text/event-stream");
    stream.close();
    expect((await get("/_emulator/events")).json.Code).toBe("AdminUnauthorized");
    expect((await get("/_emulator/faults", { cookie })).status).toBe(401);
    const write = await sendRequest(e!.url, { method: "PUT", path: "/_emulator/faults", headers: { cookie }, body: "{}" });
    expect(write.status).toBe(401);
  });

  it("refuses a state change without the console's write header, and answers an action's own refusal", async () => {
    await start({});
    const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };
    const path = "/_emulator/console/api/runs/32003/resume";
    const bare = await sendRequest(e!.url, { method: "POST", path, headers: auth });
    expect(bare.status).toBe(403);
    expect(bare.json.Code).toBe("ConsoleWriteHeaderMissing");
    const refused = await sendRequest(e!.url, { method: "POST", path, headers: { ...auth, "x-dmsflow-console": "1" } });
    expect(refused.status).toBe(409);
    expect(refused.json.Message).toMatch(/only a suspended instance/);
    const unknown = await sendRequest(e!.url, {
      method: "POST",
      path: "/_emulator/console/api/runs/32003/explode",
      headers: { ...auth, "x-dmsflow-console": "1" },
    });
    expect(unknown.json.Code).toBe("UnknownRunAction");
    const badFaults = await sendRequest(e!.url, {
      method: "PUT",
      path: "/_emulator/console/api/faults",
      headers: { ...auth, "x-dmsflow-console": "1" },
      body: JSON.stringify({ actions: { ListTaskFlow: { error503: 2 } } }),
    });
    expect(badFaults.status).toBe(400);
    expect(badFaults.json.Message).toContain("actions.ListTaskFlow.error503 must be a probability from 0 to 1");
  });

  it("serves its files compressed with an ETag, and the layout library from the package's dependencies", async () => {
    await start({ adminToken: undefined });
    const script = await get("/_emulator/console/dagre.esm.js", { "accept-encoding": "gzip, br" });
    expect(script.status).toBe(200);
    expect(script.headers["content-encoding"]).toBe("br");
    const again = await get("/_emulator/console/dagre.esm.js", { "if-none-match": String(script.headers.etag) });
    expect(again.status).toBe(304);
    expect((await get("/_emulator/console/../package.json")).status).toBe(404);
  });

  it("is not served when turned off", async () => {
    await start({ adminToken: undefined, console: false });
    expect((await get("/_emulator/console")).json.Code).toBe("AdminDisabled");
  });
});
