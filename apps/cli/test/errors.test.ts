import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ACCESS_KEY } from "./fixtures/credentials.js";
import { runCli } from "./fixtures/runCli.js";
import { useCliTestContext } from "./fixtures/testContext.js";

const t = useCliTestContext({ reseedEachTest: false });

/** Mistakes print exactly one line on stderr, nothing on stdout, and never a stack trace. */
async function expectOneLine(args: string[], code: number, line: string | RegExp, env?: Record<string, string>) {
  const result = await t.cli(args, env);
  expect(result.code, result.stderr).toBe(code);
  expect(result.stdout).toBe("");
  expect(result.stderr.endsWith("\n")).toBe(true);
  expect(result.stderr.trimEnd().split("\n")).toHaveLength(1);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  if (typeof line === "string") expect(result.stderr).toBe(`error: ${line}\n`);
  else expect(result.stderr).toMatch(line);
}

describe("usage errors: one line, exit code 2", () => {
  it.each([
    [
      ["resume", "--instance-id", "3"],
      "--dag-id <id> is required to name the task flow; or give --dag-name <name> to name it by its name. Run 'dmsflow resume --help' for usage.",
    ],
    [
      ["resume", "--dag-id", "11"],
      "--instance-id <id> is required to resume one instance; or give --all-suspended to resume every suspended one. Run 'dmsflow resume --help' for usage.",
    ],
    [["resume", "--dag-id", "eleven", "--instance-id", "3"], '--dag-id must be a whole number such as 12345; got "eleven".'],
    [
      ["resume", "--dag-id", "11", "--instance-id", "9223372036854775808"],
      '--instance-id must be between 1 and 9223372036854775807 (a positive int64); got "9223372036854775808".',
    ],
    [
      ["resume", "--dag-id", "11", "--instance-id", "3", "--all-suspended"],
      "give either --instance-id <id> (one instance) or --all-suspended (all of them), not both.",
    ],
    [
      ["resume", "--dag-id", "11", "--instance-id", "3", "--concurrency", "4"],
      "--concurrency applies only with --all-suspended, several --instance-id flags, or --instance-id - (IDs on standard input).",
    ],
    [
      ["resume", "--dag-id", "11", "--instance-id", "101", "--instance-id", "x1"],
      '--instance-id must be a whole number such as 12345; got "x1".',
    ],
    [
      ["resume", "--dag-id", "11", "--all-suspended", "--concurrency", "0"],
      '--concurrency must be a whole number from 1 to 64; got "0".',
    ],
    [
      ["instances", "--dag-id", "11", "--status", "paused"],
      '--status must be one of waiting, running, suspended, failed, succeeded, completed (or 0-5); got "paused".',
    ],
    [["instances", "--dag-id", "11", "--since", "2024-02-30"], '--since is not a calendar date: "2024-02-30".'],
    [
      ["instances", "--dag-id", "11", "--since", "2024-03-01", "--until", "2024-02-01"],
      "--since 2024-03-01 is after --until 2024-02-01; swap them.",
    ],
    [["resum", "--dag-id", "11"], "unknown command 'resum'. Did you mean 'resume'? Run 'dmsflow --help' for the list."],
    [
      ["resume", "--dagid", "11"],
      "unknown option --dagid for 'dmsflow resume'. Did you mean --dag-id? Run 'dmsflow resume --help' for usage.",
    ],
    [
      ["--dag-id", "11", "resume"],
      "unknown option --dag-id before the command; command flags go after the command name, as in 'dmsflow resume --dag-id 11'.",
    ],
    [
      ["tenants", "--output", "yaml"],
      "--output must be one of table, json, text, or columns such as 'cols=Id,Status rows=DAGInstanceList.DAGInstance[]'; got \"yaml\".",
    ],
    [["tenants", "--timeout", "soon"], '--timeout must be a duration such as 30s, 10m, 1h30m or 500ms; got "soon".'],
    [["tenants", "extra"], "unexpected argument 'extra' for 'dmsflow tenants'. Run 'dmsflow tenants --help' for usage."],
    [
      ["call", "ResumeTaskFlowInstances"],
      "unknown action 'ResumeTaskFlowInstances'. Did you mean 'ResumeTaskFlowInstance'? Run 'dmsflow call --help' for the 52 actions.",
    ],
    [
      ["call"],
      "'dmsflow call' needs an action name, such as ResumeTaskFlowInstance (see 'dmsflow call --help'). Run 'dmsflow call --help' for usage.",
    ],
    [["completion", "fish"], "unsupported shell 'fish'; dmsflow completion supports bash and zsh."],
  ])("dmsflow %j", async (args, line) => {
    await expectOneLine(args, 2, line);
  });

  it("sends nothing for a usage error", async () => {
    const before = t.emulator.requests().length;
    await t.cli(["resume", "--dag-id", "11", "--instance-id", "x"]);
    expect(await t.emulator.requestsSince(before)).toEqual([]);
  });

  it("prints the help to stderr with exit code 2 when no command is given", async () => {
    const result = await t.cli([]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^dmsflow: resume, inspect and wait/);
  });
});

describe("configuration and credential errors: one line, exit code 3", () => {
  it("says how to set credentials when there are none", async () => {
    const result = await runCli(["tenants"], { HOME: t.home, ALIBABA_CLOUD_ENDPOINT: t.emulator.url });
    expect(result.code).toBe(3);
    expect(result.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(/^error: No Alibaba Cloud credentials found\. Tried environment .*/);
    expect(result.stderr).toContain(
      "Set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET, run `aliyun configure`",
    );
    expect(result.stderr).toContain("--profile <name>");
  });

  it("names the region problem and the flags that fix it", async () => {
    await expectOneLine(
      ["tenants"],
      3,
      "No region. Pass --region (e.g. cn-hangzhou), set ALIBABA_CLOUD_REGION_ID, set region_id in your aliyun CLI profile (`aliyun configure`), or pass --endpoint <url> for another region or a private endpoint.",
      {
        ALIBABA_CLOUD_ENDPOINT: "",
      },
    );
    await expectOneLine(
      ["tenants", "--region", "mars-1"],
      3,
      /^error: Unknown DMS region "mars-1"\. Known regions: cn-qingdao, .*\. Pass --region .* or pass --endpoint <url> for another region or a private endpoint\.\n$/,
      { ALIBABA_CLOUD_ENDPOINT: "" },
    );
  });

  it("reads credentials from the aliyun CLI config, the current profile or --profile", async () => {
    const home = join(t.home, "with-profiles");
    mkdirSync(join(home, ".aliyun"), { recursive: true });
    const profile = (name: string, id: string, secret: string) => ({
      name,
      mode: "AK",
      access_key_id: id,
      access_key_secret: secret,
      region_id: "cn-hangzhou",
    });
    writeFileSync(
      join(home, ".aliyun", "config.json"),
      JSON.stringify({
        current: "broken",
        profiles: [profile("broken", "LTAI-unknown-key", "nope-nope-nope"), profile("ops", ACCESS_KEY.id, ACCESS_KEY.secret)],
      }),
    );
    const env = { HOME: home, ALIBABA_CLOUD_ENDPOINT: t.emulator.url };
    const ops = await runCli(["tenants", "--profile", "ops"], env);
    expect(ops.code, ops.stderr).toBe(0);
    expect(ops.stdout).toContain("3\tops\tACTIVE\tactive");
    const current = await runCli(["tenants"], env);
    expect(current.code).toBe(1);
    expect(current.stderr).toMatch(/^error: .*InvalidAccessKeyId\.NotFound/);
    const missing = await runCli(["tenants", "--profile", "nobody"], env);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toMatch(/^error: .*nobody/);
    // With no endpoint and no region variable, the profile's region_id picks the endpoint.
    const regional = await runCli(["tenants", "--profile", "ops", "--dry-run"], { HOME: home, ALIBABA_CLOUD_ENDPOINT: "" });
    expect(regional.code, regional.stderr).toBe(0);
    expect(regional.stdout.split("\n")[0]).toBe("POST https://dms-enterprise.cn-hangzhou.aliyuncs.com/");
    // DMSFLOW_ENDPOINT, the deprecated alias, still works; ALIBABA_CLOUD_ENDPOINT wins over it.
    const alias = { HOME: home, DMSFLOW_ENDPOINT: "http://127.0.0.1:9" };
    const viaAlias = await runCli(["tenants", "--profile", "ops", "--dry-run"], alias);
    expect(viaAlias.stdout.split("\n")[0]).toBe("POST http://127.0.0.1:9/");
    const both = await runCli(["tenants", "--profile", "ops", "--dry-run"], {
      ...alias,
      ALIBABA_CLOUD_ENDPOINT: "http://127.0.0.1:10",
    });
    expect(both.stdout.split("\n")[0]).toBe("POST http://127.0.0.1:10/");
  });
});

describe("network errors: one line, exit code 4", () => {
  it("an unreachable endpoint", async () => {
    await expectOneLine(
      ["tenants", "--endpoint", "http://127.0.0.1:9", "--retries", "0"],
      4,
      /^error: ListUserTenants: cannot reach http:\/\/127\.0\.0\.1:9: ECONNREFUSED/,
    );
  });
});

describe("timeouts: one line, exit code 4", () => {
  it("a call slower than --timeout", async () => {
    await t.emulator.admin("PUT", "faults", { actions: { ListUserTenants: { latencyMs: 3000 } } });
    try {
      await expectOneLine(["tenants", "--timeout", "300ms", "--retries", "0"], 4, /^error: ListUserTenants.*300 ms/);
    } finally {
      await t.emulator.admin("DELETE", "faults");
    }
  });
});

describe("--version", () => {
  it("prints the package version without calling anything", async () => {
    const result = await runCli(["--version"], {});
    expect(result).toEqual({ code: 0, stdout: "dmsflow 0.0.0\n", stderr: "" });
  });
});
