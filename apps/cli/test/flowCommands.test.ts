import { describe, expect, it } from "vitest";
import { useCliTestContext } from "./fixtures/testContext.js";

const t = useCliTestContext();

interface Flow {
  Id: string;
  DagName: string;
  CronSwitch?: boolean;
  CronStr?: string;
  TimeZoneId?: string;
  CronBeginDate?: string;
  Status?: number;
  DeployId?: string;
}
const flows = async (...args: string[]) => JSON.parse((await t.cli(["flows", "-o", "json", ...args])).stdout) as Flow[];
const flow = async (id: string) => (await flows()).find((f) => f.Id === id)!;

describe("flows", () => {
  it("lists names and IDs (exact int64 strings), every page, and finds by part of a name", async () => {
    const all = await flows("--page-size", "1");
    expect(all.map((f) => [f.Id, f.DagName])).toEqual([
      ["11", "orders_etl"],
      ["9007199254740993", "big_ids"],
    ]);
    expect((await flows("--search", "ids")).map((f) => f.Id)).toEqual(["9007199254740993"]);
    expect((await flows("--tid", "4")).map((f) => f.DagName)).toEqual(["weekly_report"]);
    const text = await t.cli(["flows", "--search", "orders"]);
    expect(text.stdout.split("\t").slice(0, 3)).toEqual(["11", "orders_etl", "scheduled"]);
    const table = await t.cli(["flows", "-o", "table", "--search", "nothing like it"]);
    expect(table.stdout).toBe('No task flows whose name contains "nothing like it" in this tenant.\n');
  });
});

describe("--dag-name", () => {
  it("names the task flow instead of --dag-id, at the cost of one ListTaskFlowsByPage call", async () => {
    const byId = await t.cli(["versions", "--dag-id", "11", "-o", "json"]);
    let before = t.emulator.requests().length;
    const byName = await t.cli(["versions", "--dag-name", "orders_etl", "-o", "json"]);
    expect(byName).toMatchObject({ code: 0, stdout: byId.stdout });
    expect((await t.emulator.requestsSince(before)).map((r) => r.action)).toEqual(["ListTaskFlowsByPage", "ListDAGVersions"]);
    before = t.emulator.requests().length;
    await t.cli(["versions", "--dag-id", "11"]);
    expect((await t.emulator.requestsSince(before)).map((r) => r.action)).toEqual(["ListDAGVersions"]);
    // In another tenant, with --tid.
    expect((await t.cli(["instances", "--dag-name", "weekly_report", "--tid", "4"])).stdout).toMatch(/^301\t/);
  });

  it("is exclusive with --dag-id, and one of them is required", async () => {
    const both = await t.cli(["stop", "--dag-id", "11", "--dag-name", "orders_etl", "--instance-id", "103"]);
    expect(both).toMatchObject({ code: 2, stdout: "" });
    expect(both.stderr).toBe("error: give either --dag-id <id> (by ID) or --dag-name <name> (by name), not both.\n");
    const neither = await t.cli(["wait", "--instance-id", "103", "--until", "running"]);
    expect(neither.code).toBe(2);
    expect(neither.stderr).toBe(
      "error: --dag-id <id> is required to name the task flow; or give --dag-name <name> to name it by its name. Run 'dmsflow wait --help' for usage.\n",
    );
  });

  it("names the flows that contain the name when none has it exactly, and changes nothing", async () => {
    const result = await t.cli(["stop", "--dag-name", "orders", "--instance-id", "103"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'error: No task flow in the active tenant is named exactly "orders"; names containing it: "orders_etl" (11).\n',
    );
    expect((await t.cli(["instances", "--dag-id", "11", "--status", "running"])).stdout).toMatch(/^103\t/);
  });

  it("is looked up for real in a dry run, which shows the command's own request", async () => {
    const before = t.emulator.requests().length;
    const result = await t.cli(["offline", "--dag-name", "big_ids", "--dry-run", "-o", "json"]);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      Action: "OfflineTaskFlow",
      Url: `${t.emulator.url}/?DagId=9007199254740993`,
    });
    expect((await t.emulator.requestsSince(before)).map((r) => r.action)).toEqual(["ListTaskFlowsByPage"]);
  });
});

describe("run", () => {
  it("starts a run and prints its instance ID; with --wait, its final status and exit code", async () => {
    const started = await t.cli(["run", "--dag-id", "11"]);
    expect(started.code, started.stderr).toBe(0);
    const id = started.stdout.trim();
    expect(id).toMatch(/^\d+$/);
    const listed = (await t.cli(["instances", "--dag-id", "11", "-o", "json"])).stdout;
    expect(JSON.parse(listed)).toContainEqual(expect.objectContaining({ Id: id, TriggerType: 1 }));

    const waited = await t.cli(["run", "--dag-name", "orders_etl", "--wait", "--interval", "100ms", "-o", "json"]);
    expect(waited.code, waited.stderr).toBe(0);
    const result = JSON.parse(waited.stdout);
    expect(result).toMatchObject({
      DagId: "11",
      LocatedBy: "answer",
      StatusName: "succeeded",
      Instance: { Id: result.DagInstanceId },
    });
    expect(result.DagInstanceId).not.toBe(id);
  });

  it("exits 1 with the node's message when the run fails, and finds the run by listing with --locate listing", async () => {
    const node = JSON.parse(
      (await t.cli(["call", "CreateTask", "--DagId", "11", "--NodeName", "load", "--NodeType", "NORMAL_SQL"])).stdout,
    ).NodeId as string;
    await t.emulator.admin("PUT", `flows/11/nodes/${node}/behaviour`, { durationMs: 10, failNext: { message: "table locked" } });
    const failed = await t.cli(["run", "--dag-id", "11", "--wait", "--interval", "100ms", "--locate", "listing"]);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toMatch(/^\d+\tfailed\t\d+\.\d\n$/);
    expect(failed.stderr).toBe(
      `error: instance ${failed.stdout.split("\t")[0]} of task flow 11 failed: Node load (${node}) failed: table locked\n`,
    );
  });

  it("exits 4 when --timeout runs out before the run ends", async () => {
    const node = JSON.parse(
      (await t.cli(["call", "CreateTask", "--DagId", "11", "--NodeName", "slow", "--NodeType", "NORMAL_SQL"])).stdout,
    ).NodeId as string;
    await t.emulator.admin("PUT", `flows/11/nodes/${node}/behaviour`, { durationMs: 3_600_000 });
    const result = await t.cli(["run", "--dag-id", "11", "--wait", "--timeout", "1s", "--interval", "100ms"]);
    expect(result.code).toBe(4);
    expect(result.stderr).toMatch(
      /^error: Gave up waiting for instance \d+ of task flow 11 after 1000 ms; last status 1 \(running\)\./,
    );
  });
});

describe("create-flow and add-node", () => {
  it("defines a flow from nothing: nodes after nodes by name or ID, content sent as written; then it runs", async () => {
    const dagId = (await t.cli(["create-flow", "--name", "shop_etl", "--description", "from the CLI"])).stdout.trim();
    expect(dagId).toMatch(/^\d+$/);
    const add = async (...args: string[]) => {
      const result = await t.cli(["add-node", "--dag-id", dagId, "--type", "NORMAL_SQL", "-o", "json", ...args]);
      expect(result.code, result.stderr).toBe(0);
      return JSON.parse(result.stdout) as { NodeId: string; After: string[] };
    };
    const extract = await add("--name", "extract");
    // An int64 beyond 2^53 inside the JSON-valued content reaches the service digit for digit.
    const content = '{"dbId":9007199254740993,"sql":"select 1"}';
    const clean = await add("--name", "clean", "--after", "extract", "--content", content);
    const load = await add("--name", "load", "--after", extract.NodeId, "--after", "clean");
    expect(clean.After).toEqual([extract.NodeId]);
    expect(load.After).toEqual([extract.NodeId, clean.NodeId]);

    const shown = JSON.parse((await t.cli(["flow-show", "--dag-name", "shop_etl", "-o", "json"])).stdout);
    expect(shown.nodes.map((n: { name: string; upstream: string[] }) => [n.name, n.upstream])).toEqual([
      ["extract", []],
      ["clean", [extract.NodeId]],
      ["load", [extract.NodeId, clean.NodeId]],
    ]);
    const task = JSON.parse((await t.cli(["call", "GetTask", "--NodeId", clean.NodeId])).stdout);
    expect(task.Task.NodeContent).toBe(content);

    for (const node of [extract, clean, load]) {
      await t.emulator.admin("PUT", `flows/${dagId}/nodes/${node.NodeId}/behaviour`, { durationMs: 10 });
    }
    const ran = await t.cli(["run", "--dag-id", dagId, "--wait", "--interval", "100ms", "-o", "json"]);
    expect(ran.code, ran.stderr).toBe(0);
    expect(JSON.parse(ran.stdout).StatusName).toBe("succeeded");
  });

  it("changes nothing when an --after node or the content is wrong, and says what to give", async () => {
    const dagId = (await t.cli(["create-flow", "--name", "shop_etl"])).stdout.trim();
    const extract = (await t.cli(["add-node", "--dag-id", dagId, "--name", "extract", "--type", "NORMAL_SQL"])).stdout.trim();
    const before = await t.emulator.requestsSince(0);

    const unknown = await t.cli(["add-node", "--dag-id", dagId, "--name", "load", "--type", "NORMAL_SQL", "--after", "Extract"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe(
      `error: --after "Extract": task flow ${dagId} has no node with that name or ID; its nodes: extract (${extract}).\n`,
    );
    const bad = await t.cli(["add-node", "--dag-id", dagId, "--name", "load", "--type", "NORMAL_SQL", "--content", "{sql: 1}"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^error: --content must be JSON text, e\.g\. /);
    const missing = await t.cli([
      "add-node",
      "--dag-id",
      dagId,
      "--name",
      "load",
      "--type",
      "NORMAL_SQL",
      "--content",
      "file:///nonexistent/x.json",
    ]);
    expect(missing.stderr).toBe("error: --content cannot read /nonexistent/x.json: ENOENT.\n");
    // Only the graph was read: no node was created.
    const since = (await t.emulator.requestsSince(before.length)).map((r) => r.action);
    expect(since).toEqual(["GetTaskFlowGraph"]);

    const taken = await t.cli(["create-flow", "--name", "shop_etl"]);
    expect(taken.code).toBe(1);
    expect(taken.stderr).toMatch(/^error: CreateTaskFlow was declined: DuplicateName: /);
  });
});

describe("wait for a node", () => {
  it("follows one node of a run by name or ID; a failed node exits 1 with its message; an unknown one names the nodes", async () => {
    const task = async (name: string) =>
      JSON.parse((await t.cli(["call", "CreateTask", "--DagId", "11", "--NodeName", name, "--NodeType", "NORMAL_SQL"])).stdout)
        .NodeId as string;
    const extract = await task("extract");
    const load = await task("load");
    await t.cli(["call", "AddTaskFlowEdges", "--DagId", "11", "--Edges", JSON.stringify([{ NodeFrom: extract, NodeEnd: load }])]);
    await t.emulator.admin("PUT", `flows/11/nodes/${extract}/behaviour`, { durationMs: 300 });
    await t.emulator.admin("PUT", `flows/11/nodes/${load}/behaviour`, { durationMs: 10, failNext: { message: "table locked" } });
    const run = (await t.cli(["run", "--dag-id", "11"])).stdout.trim();
    const wait = ["wait", "--dag-id", "11", "--instance-id", run, "--interval", "50ms"];

    const extracted = await t.cli([...wait, "--node-name", "extract", "--until", "finished", "-o", "json"]);
    expect(extracted.code, extracted.stderr).toBe(0);
    expect(JSON.parse(extracted.stdout)).toMatchObject({ NodeId: extract, NodeName: "extract", StatusName: "succeeded" });

    const loaded = await t.cli([...wait, "--node-id", load, "--until", "finished"]);
    expect(loaded.code).toBe(1);
    expect(loaded.stdout.split("\t").slice(0, 3)).toEqual([load, "load", "failed"]);
    expect(loaded.stderr).toBe(`error: node load (${load}) of instance ${run} failed: table locked\n`);

    const unknown = await t.cli([...wait, "--node-name", "Load", "--until", "finished"]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe(
      `error: Task flow 11 has no node named "Load" (in its graph or in this run); its nodes: "extract" (${extract}), "load" (${load}).\n`,
    );
  });
});

describe("publish, offline, schedule", () => {
  it("sets a cron schedule the flow listing shows, publishes, takes offline and turns scheduling off", async () => {
    const set = await t.cli([
      "schedule",
      "--dag-name",
      "orders_etl",
      "--cron",
      "0 0 1 * * ? *",
      "--time-zone",
      "UTC",
      "--begin",
      "2026-01-01",
      "-o",
      "json",
    ]);
    expect(set.code, set.stderr).toBe(0);
    expect(JSON.parse(set.stdout)).toMatchObject({ Action: "UpdateTaskFlowSchedule", DagId: "11", ScheduleSwitch: true });
    expect(await flow("11")).toMatchObject({
      CronSwitch: true,
      CronStr: "0 0 1 * * ? *",
      TimeZoneId: "UTC",
      CronBeginDate: "2026-01-01",
    });

    const published = await t.cli(["publish", "--dag-id", "11", "--comment", "nightly", "-o", "json"]);
    expect(published.code, published.stderr).toBe(0);
    const { DeployId } = JSON.parse(published.stdout);
    expect(DeployId).toMatch(/^\d+$/);
    expect(await flow("11")).toMatchObject({ DeployId, Status: 2 });
    expect((await t.cli(["versions", "--dag-id", "11", "-o", "json"])).stdout).toContain('"nightly"');

    const offline = await t.cli(["offline", "--dag-id", "11"]);
    expect(offline.stdout).toMatch(/^OfflineTaskFlow\t11\t[\w-]+\n$/);
    expect((await flow("11")).Status).not.toBe(2);

    const off = await t.cli(["schedule", "--dag-id", "11", "--off", "-o", "table"]);
    expect(off.stdout).toMatch(
      /^Turned scheduling of task flow 11 off; publish it for this to take effect\. \(RequestId [\w-]+\)\n$/,
    );
    expect((await flow("11")).CronSwitch).toBe(false);
  });

  it("checks --cron and --time-zone by the spec's rules before any call, and passes the zone's existence to the service", async () => {
    const before = t.emulator.requests().length;
    const cron = await t.cli(["schedule", "--dag-id", "11", "--cron", "every night"]);
    expect(cron.code).toBe(2);
    expect(cron.stderr).toBe("error: --cron must match ^\\S+( \\S+){4,6}$, as in '0 0 1 * * ? *'; got \"every night\".\n");
    const zone = await t.cli(["schedule", "--dag-id", "11", "--cron", "0 0 1 * * ?", "--time-zone", "+08:00"]);
    expect(zone.code).toBe(2);
    expect(zone.stderr).toContain("--time-zone must match ");
    expect(zone.stderr).toContain('as in Asia/Shanghai or UTC; got "+08:00".');
    const onlyZone = await t.cli(["schedule", "--dag-id", "11", "--off", "--time-zone", "UTC"]);
    expect(onlyZone.stderr).toBe("error: --time-zone applies only with --cron.\n");
    expect(await t.emulator.requestsSince(before)).toEqual([]);

    const unknown = await t.cli(["schedule", "--dag-id", "11", "--cron", "0 0 1 * * ?", "--time-zone", "Mars/Olympus"]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("TimeZoneId");
  });
});
