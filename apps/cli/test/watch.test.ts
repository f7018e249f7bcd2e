import { describe, expect, it } from "vitest";
import { cliEnv } from "./fixtures/cliEnvironment.js";
import { DIAMOND, diamondSeed, NODES } from "./fixtures/diamondFlow.js";
import { runInPty } from "./fixtures/runInPty.js";
import { useCliTestContext } from "./fixtures/testContext.js";

// `watch` follows a run of the diamond flow while the test moves the emulator's paused clock on. The
// clock moves only after watch has polled the state before (seen in the emulator's request log), so
// every state is seen and the lines are the same on any machine.
const t = useCliTestContext({ seed: diamondSeed() });
const advance = (ms: number) => t.emulator.admin("POST", "clock", { advanceMs: ms });
const relationCalls = () => t.emulator.requests().filter((r) => r.action === "GetTaskInstanceRelation").length;

/** Resolves once watch has made `count` more polls (two, so one started after the last clock move). */
async function polled(count: number): Promise<void> {
  const target = relationCalls() + count;
  while (relationCalls() < target) await new Promise((resolve) => setTimeout(resolve, 20));
}

async function startRun(): Promise<string> {
  await t.emulator.admin("POST", "clock", { paused: true });
  await t.emulator.admin("PUT", `flows/${DIAMOND}/nodes/${NODES.enrich}/behaviour`, {
    durationMs: 1000,
    failNext: { message: "table locked" },
  });
  expect((await t.cli(["call", "PublishAndDeployTaskFlow", "--DagId", DIAMOND])).code).toBe(0);
  const started = await t.cli(["call", "TryRunTaskFlow", "--DagId", DIAMOND]);
  return String((JSON.parse(started.stdout) as { InstanceId: string }).InstanceId);
}

/** Moves the run on one node-second at a time, each after watch has seen the state before. */
async function driveRun(): Promise<void> {
  await polled(2);
  await advance(1000); // extract succeeds; clean and enrich start
  await polled(2);
  await advance(1000); // clean succeeds, enrich fails: the run fails
}

const watchArgs = (run: string) => ["watch", "--dag-id", DIAMOND, "--instance-id", run, "--interval", "50ms"];

describe("dmsflow watch", () => {
  it("in a pipe prints a line per status change, then exits 1 as the run failed", async () => {
    const run = await startRun();
    const before = t.emulator.requests().length;
    const [result] = await Promise.all([t.cli(watchArgs(run)), driveRun()]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `error: instance ${run} of task flow ${DIAMOND} failed at node enrich (${NODES.enrich}): table locked\n`,
    );
    expect(result.stdout.replace(/^\d\d:\d\d:\d\d /gm, "hh:mm:ss ").replaceAll(run, "<run>")).toMatchSnapshot();
    // The graph once, then per poll one GetTaskInstanceRelation and one ListTaskFlowInstance; a status
    // change of the run costs the tracker one more listing.
    const actions = (await t.emulator.requestsSince(before)).map((r) => r.action);
    const count = (action: string) => actions.filter((a) => a === action).length;
    expect(count("GetTaskFlowGraph")).toBe(1);
    expect(count("ListTaskFlowInstance")).toBeLessThanOrEqual(count("GetTaskInstanceRelation") + 2);
  });

  it("with --output json prints only the final view, with the number of polls and calls", async () => {
    const run = await startRun();
    const [result] = await Promise.all([t.cli([...watchArgs(run), "-o", "json"]), driveRun()]);
    expect(result.code).toBe(1);
    const view = JSON.parse(result.stdout);
    expect(view).toMatchObject({ instanceId: run, statusName: "failed", failedNodes: [{ nodeId: NODES.enrich }] });
    // The graph once, two calls a poll, and one more listing when the run's status changed (running ->
    // failed: the tracker looks under the final statuses next).
    expect(view.watch.calls).toBe(1 + 2 * view.watch.polls + 1);
  });

  it("on a terminal redraws the picture in place, then leaves the final picture", async () => {
    const run = await startRun();
    const [result] = await Promise.all([runInPty(watchArgs(run), cliEnv(t.emulator.url, t.home, { NO_COLOR: "1" })), driveRun()]);
    expect(result.code).toBe(1);
    // Each redraw moves up over the lines drawn before (cursor to line start, N up) and clears below.
    expect(result.output).toMatch(/\x1b\[\d+F\x1b\[J/);
    expect(result.output).toContain("Watching: poll 1, Ctrl-C to stop.");
    const final = result.output.slice(result.output.lastIndexOf("\x1b[J") + 3);
    expect(final).toMatch(new RegExp(`^Run ${run} of task flow ${DIAMOND} \\(orders_diamond\\): failed\n`));
    expect(final).toContain("> enrich");
    expect(final).not.toContain("Watching");
  });

  it("gives up after --timeout with exit code 4, naming the status it saw and what to do", async () => {
    const run = await startRun(); // the clock stays paused: the run never ends
    const result = await t.cli([...watchArgs(run), "--timeout", "300ms"]);
    expect(result.code).toBe(4);
    expect(result.stderr).toBe(
      `error: Stopped watching instance ${run} of task flow ${DIAMOND} after 300 ms; it is running. Give a longer --timeout to watch longer.\n`,
    );
    expect(result.stdout).toMatch(/^\d\d:\d\d:\d\d node extract: running\n/);
  });
});
