import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, it } from "vitest";
import { TEST_CREDENTIALS } from "./fixtures/testClient.js";
import { TestEmulator } from "./fixtures/testEmulator.js";

const example = fileURLToPath(new URL("../examples/quickstart.mjs", import.meta.url));
const built = fileURLToPath(new URL("../dist/esm/index.js", import.meta.url));

let server: TestEmulator;
beforeAll(async () => {
  server = await TestEmulator.start();
  await server.add("9007199254740993", [
    { Id: "9223372036854775807", Status: 2 },
    { Id: 2, Status: 4 },
    { Id: 3, Status: 2 },
  ]);
});
afterAll(() => server.close());

const run = (args: string[], env: Record<string, string>) =>
  new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    execFile(process.execPath, [example, ...args], { env: { PATH: process.env.PATH ?? "", ...env } }, (error, stdout, stderr) =>
      resolve({ code: error ? (error.code as number) : 0, stdout, stderr }),
    );
  });

it("the README's quick start runs (against the built package)", async () => {
  expect(existsSync(built), "build @dmsflow/core first (npm run build), the example imports the package").toBe(true);
  const env = {
    ALIBABA_CLOUD_ENDPOINT: server.url,
    ALIBABA_CLOUD_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
    ALIBABA_CLOUD_ACCESS_KEY_SECRET: TEST_CREDENTIALS.accessKeySecret,
  };
  const ok = await run(["9007199254740993"], env);
  expect(ok.stderr).toBe("");
  expect(ok.stdout).toContain("instance 9223372036854775807: suspended");
  expect(ok.stdout).toContain("resumed 2, already running 0, declined 0, failed 0");
  expect(ok.code).toBe(0);

  const bad = await run(["1"], { ...env, ALIBABA_CLOUD_ACCESS_KEY_SECRET: "wrong" });
  expect(bad.code).toBe(1);
  expect(bad.stderr.trim().split("\n")).toHaveLength(1);
  expect(bad.stderr).toMatch(/^ListTaskFlowInstance failed: SignatureDoesNotMatch \(HTTP 400\)/);
});
