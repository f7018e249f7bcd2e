import { describe, expect, it } from "vitest";
import { DIAMOND, diamondSeed, NODES } from "./fixtures/diamondFlow.js";
import { useCliTestContext } from "./fixtures/testContext.js";

// `status` and `flow-show` against the emulator running the diamond flow on a paused clock.
const t = useCliTestContext({ seed: diamondSeed() });
const advance = (ms: number) => t.emulator.admin("POST", "clock", { advanceMs: ms });
/** Times and the run's id change from run to run; everything else in the picture must not. */
const normalise = (text: string, run: string) =>
  text.replaceAll(run, "<run>").replace(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/g, "YYYY-MM-DD hh:mm:ss");

/** Publishes the flow and starts a run with the clock paused; `enrich` fails when asked. */
async function startRun(options: { enrichFails?: boolean } = {}): Promise<string> {
  await t.emulator.admin("POST", "clock", { paused: true });
  if (options.enrichFails) {
    await t.emulator.admin("PUT", `flows/${DIAMOND}/nodes/${NODES.enrich}/behaviour`, {
      durationMs: 1000,
      failNext: { message: "table locked" },
    });
  }
  expect((await t.cli(["call", "PublishAndDeployTaskFlow", "--DagId", DIAMOND])).code).toBe(0);
  const started = await t.cli(["call", "TryRunTaskFlow", "--DagId", DIAMOND]);
  expect(started.code).toBe(0);
  return String((JSON.parse(started.stdout) as { InstanceId: string }).InstanceId);
}
const status = (run: string, ...more: string[]) => t.cli(["status", "--dag-id", DIAMOND, "--instance-id", run, ...more]);

describe("dmsflow status", () => {
  it("draws a passing run: every node succeeded, in three layers", async () => {
    const run = await startRun();
    await advance(3000);
    const result = await status(run, "-o", "table");
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    expect(normalise(result.stdout, run)).toMatchSnapshot();
  });

  it("draws a failed run with the failed node marked and its message, plain and in colour", async () => {
    const run = await startRun({ enrichFails: true });
    await advance(3000);
    const plain = await status(run, "-o", "table");
    expect(plain.code).toBe(0);
    expect(normalise(plain.stdout, run)).toMatchSnapshot();
    expect(plain.stdout).toMatch(/^ +> enrich +failed .*<- extract\n +table locked$/m);
    expect(plain.stdout).toContain(`Failed: enrich (node ${NODES.enrich}): table locked`);
    const noColor = await status(run, "-o", "table", "--no-color");
    expect(noColor.stdout).toBe(plain.stdout);
    const colour = await t.cli(["status", "--dag-id", DIAMOND, "--instance-id", run, "-o", "table"], { FORCE_COLOR: "1" });
    expect(normalise(colour.stdout, run)).toMatchSnapshot();
    expect(colour.stdout).toContain("\x1b[31m\x1b[1menrich");
  });

  it("draws a suspended run: the first node done, the rest waiting", async () => {
    const run = await startRun();
    await advance(500);
    expect((await t.cli(["suspend", "--dag-id", DIAMOND, "--instance-id", run])).code).toBe(0);
    await advance(5000);
    const result = await status(run, "-o", "table");
    expect(result.code).toBe(0);
    expect(normalise(result.stdout, run)).toMatchSnapshot();
  });

  it("gives the same view as JSON, ids as strings, and one text line per node in a pipe", async () => {
    const run = await startRun({ enrichFails: true });
    await advance(3000);
    const json = JSON.parse((await status(run, "-o", "json")).stdout);
    expect(json).toMatchObject({ dagId: DIAMOND, instanceId: run, statusName: "failed", dagName: "orders_diamond" });
    expect(json.failedNodes).toEqual([expect.objectContaining({ nodeId: NODES.enrich, message: "table locked", layer: 2 })]);
    expect(json.nodes.map((n: { nodeId: string; layer: number }) => [n.nodeId, n.layer])).toEqual([
      [NODES.extract, 1],
      [NODES.clean, 2],
      [NODES.enrich, 2],
      [NODES.load, 3],
    ]);
    expect(json.edges).toContainEqual({ from: NODES.extract, to: NODES.enrich });
    const text = await status(run);
    expect(text.stdout.split("\n")[2]).toMatch(new RegExp(`^${NODES.enrich}\tenrich\t2\tfailed\t[-0-9: ]+\ttable locked$`));
  });

  it("names an unknown run and what to do", async () => {
    const result = await status("9007199254740999");
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("9007199254740999");
    expect(result.stderr).toContain("ListTaskFlowInstance");
  });
});

describe("dmsflow flow-show", () => {
  it("draws the graph in layers with types and node ids", async () => {
    const result = await t.cli(["flow-show", "--dag-id", DIAMOND, "-o", "table"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatchSnapshot();
    const json = JSON.parse((await t.cli(["flow-show", "--dag-id", DIAMOND, "-o", "json"])).stdout);
    expect(json.nodes[3]).toEqual({
      nodeId: NODES.load,
      name: "load",
      type: "NORMAL_SQL",
      upstream: [NODES.clean, NODES.enrich],
      layer: 3,
    });
  });
});
