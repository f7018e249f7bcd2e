import { describe, expect, it } from "vitest";
import { ACCESS_KEY, STS_KEY } from "./fixtures/credentials.js";
import type { CliResult } from "./fixtures/runCli.js";
import { statusOf, useCliTestContext } from "./fixtures/testContext.js";

const t = useCliTestContext();
const EMPTY_BODY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
const STS_ENV = {
  ALIBABA_CLOUD_ACCESS_KEY_ID: STS_KEY.id,
  ALIBABA_CLOUD_ACCESS_KEY_SECRET: STS_KEY.secret,
  ALIBABA_CLOUD_SECURITY_TOKEN: STS_KEY.token,
};

/** No secret, no token, and no signature (a 64-hex HMAC other than the empty-body hash) in any output. */
function expectNoSecrets(result: CliResult): void {
  const output = result.stdout + result.stderr;
  for (const secret of [ACCESS_KEY.secret, STS_KEY.secret, STS_KEY.token]) expect(output).not.toContain(secret);
  for (const hex of output.match(/[0-9a-f]{64}/g) ?? []) expect(hex).toBe(EMPTY_BODY_SHA256);
  expect(output).not.toContain(ACCESS_KEY.id);
  expect(output).not.toContain(STS_KEY.id);
}

describe("--dry-run", () => {
  const commands = [
    ["resume", "--dag-id", "11", "--instance-id", "101"],
    // A bulk resume's dry run lists for real and prints what it would resume (bulkResumeSelection.test.ts).
    ["suspend", "--dag-id", "11", "--instance-id", "103"],
    ["stop", "--dag-id", "11", "--instance-id", "103"],
    ["rerun", "--dag-id", "11", "--instance-id", "105"],
    ["make-success", "--dag-id", "11", "--instance-id", "104"],
    ["wait", "--dag-id", "11", "--instance-id", "101", "--until", "running"],
    ["instances", "--dag-id", "11"],
    ["versions", "--dag-id", "11"],
    ["task-flows"],
    ["flows"],
    ["run", "--dag-id", "11"],
    ["publish", "--dag-id", "11"],
    ["offline", "--dag-id", "11"],
    ["schedule", "--dag-id", "11", "--cron", "0 0 1 * * ? *"],
    ["tenants"],
    ["call", "ResumeTaskFlowInstance", "--DagId", "11", "--DagInstanceId", "101"],
  ];

  it.each(commands)("dmsflow %s ... --dry-run prints the signed request and sends nothing", async (...args) => {
    const before = t.emulator.requests().length;
    const result = await t.cli([...args, "--dry-run"], STS_ENV);
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stdout.split("\n");
    // The task flow's ID when the command takes one (the parameters are in name order, CronStr before DagId).
    const dagId = args.includes("--dag-id") ? "[^ ]*DagId=11" : "";
    expect(lines[0]).toMatch(new RegExp(`^POST ${t.emulator.url}/(\\?${dagId}[^ ]*)?$`));
    expect(lines).toContain("x-acs-version: 2018-11-01");
    expect(lines).toContain("x-acs-security-token: ***");
    expect(result.stdout).toMatch(
      /^authorization: ACS3-HMAC-SHA256 Credential=STS\.\*\*\*\*002,SignedHeaders=[a-z0-9;-]+,Signature=\*\*\*$/m,
    );
    expect(result.stderr).toMatch(/^Dry run: nothing was sent \(above: the signed \w+ request, secrets redacted\)\.\n$/);
    expectNoSecrets(result);
    expect(await t.emulator.requestsSince(before)).toEqual([]);
  });

  it("prints JSON with --output json, and leaves the instance as it was", async () => {
    const result = await t.cli(["resume", "--dag-id", "11", "--instance-id", "101", "--dry-run", "-o", "json"]);
    const request = JSON.parse(result.stdout);
    expect(request).toMatchObject({
      DryRun: true,
      Action: "ResumeTaskFlowInstance",
      Method: "POST",
      Url: `${t.emulator.url}/?DagId=11&DagInstanceId=101`,
      Headers: { "x-acs-action": "ResumeTaskFlowInstance", "x-acs-content-sha256": EMPTY_BODY_SHA256 },
      Body: "",
    });
    expect(request.Headers.authorization).toMatch(/Signature=\*\*\*$/);
    expect(await statusOf(t.emulator, "101")).toBe(2);
  });
});

describe("secrets", () => {
  it("--debug logs each attempt, redacted", async () => {
    const result = await t.cli(["resume", "--dag-id", "11", "--instance-id", "101", "--debug"], STS_ENV);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(
      /^\[dmsflow\] ResumeTaskFlowInstance attempt 1: POST .*x-acs-security-token: \*\*\*.*Signature=\*\*\*/m,
    );
    expect(result.stderr).toMatch(/^\[dmsflow\] ResumeTaskFlowInstance attempt 1: HTTP 200 in [\d.]+ ms, RequestId /m);
    expectNoSecrets(result);
  });

  it("DEBUG=dmsflow logs like --debug, as Node tools that use the debug package do", async () => {
    const result = await t.cli(["tenants"], { ...STS_ENV, DEBUG: "express,dmsflow" });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/^\[dmsflow\] ListUserTenants attempt 1: POST .*x-acs-security-token: \*\*\*/m);
    expectNoSecrets(result);
  });

  it("are in no error message: wrong secret, wrong token, business failure, with and without --debug", async () => {
    const cases: Array<[string[], Record<string, string>, number]> = [
      [["tenants"], { ALIBABA_CLOUD_ACCESS_KEY_SECRET: `${ACCESS_KEY.secret}-wrong` }, 1],
      [["tenants", "--debug"], { ALIBABA_CLOUD_ACCESS_KEY_SECRET: `${ACCESS_KEY.secret}-wrong` }, 1],
      [["tenants", "--debug"], { ...STS_ENV, ALIBABA_CLOUD_SECURITY_TOKEN: `${STS_KEY.token}-wrong` }, 1],
      [["resume", "--dag-id", "11", "--instance-id", "103", "--debug"], STS_ENV, 1],
      [["call", "ListTaskFlowInstance", "--DagId", "11", "--PageIndex", "1", "--PageSize", "5", "--debug"], STS_ENV, 0],
      [["tenants", "--endpoint", "http://127.0.0.1:9", "--retries", "1", "--debug"], STS_ENV, 4],
    ];
    for (const [args, env, code] of cases) {
      const result = await t.cli(args, env);
      expect(result.code, `${args.join(" ")}: ${result.stderr}`).toBe(code);
      expectNoSecrets(result);
    }
  });
});
