import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { InstanceStatus } from "@dmsflow/client";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { type EmulatorProcess, prepareEmulatorBin, spawnEmulator, stopEmulator, tempDir } from "./fixtures/emulatorProcess.js";
import { sendRequest } from "./fixtures/sendRequest.js";
import { signV3 } from "./fixtures/signRequest.js";
import { testDatabase } from "./fixtures/testDatabase.js";
import { KEYS, testSeed } from "./fixtures/testSeed.js";

// SIGKILL while runs execute, several times, restarting on the same file each time: every
// acknowledged run survives, every node run seen finished stays finished, no node runs twice
// (attempt counts stay 1), and the runs finish after the restarts.
const ADMIN = "durability-admin";
const DAG = "601";
const NODES = 10;
const KILLS = 4;
const RUNS_PER_ROUND = 40;
const started: EmulatorProcess[] = [];

beforeAll(prepareEmulatorBin);
afterEach(async () => {
  for (const p of started.splice(0)) await stopEmulator(p, "SIGKILL");
});

/** Ten nodes: a root, eight in parallel, and a sink. */
function seedFile(dir: string): string {
  const seed = testSeed();
  const ids = Array.from({ length: NODES }, (_, i) => String(70_001 + i));
  seed.taskFlows!.push({
    DagId: DAG,
    Tid: 3,
    name: "fan_out",
    graph: {
      nodes: ids.map((id, i) => ({ NodeId: id, NodeName: `n${i}` })),
      edges: ids.slice(1, -1).flatMap((id) => [
        { NodeFrom: ids[0]!, NodeEnd: id },
        { NodeFrom: id, NodeEnd: ids[NODES - 1]! },
      ]),
    },
  });
  const path = join(dir, "seed.json");
  writeFileSync(path, JSON.stringify(seed));
  return path;
}

async function start(data: string, seed: string): Promise<EmulatorProcess> {
  // Speed 4: a node's simulated second takes 250 real ms, so kills land while nodes run.
  const p = await spawnEmulator(["--data", data, "--seed", seed, "--admin-token", ADMIN, "--speed", "4", "--quiet"]);
  started.push(p);
  return p;
}

const call = (p: EmulatorProcess, action: string, params: Record<string, string>) =>
  sendRequest(p.url, signV3({ action, params, key: KEYS.a, host: new URL(p.url).host }));

type NodeView = { NodeId: string; Status: number; EndTime?: string };

describe("SIGKILL while runs execute", () => {
  it("loses no acknowledged run or node transition, runs no node twice, and finishes every run", async () => {
    const dir = tempDir();
    const data = join(dir, "state.db");
    const seed = seedFile(dir);
    const acknowledged: string[] = [];
    /** Node runs seen finished through the API before a kill: instance/node -> EndTime. */
    const seenFinished = new Map<string, string>();
    let inFlight = 0;
    let p = await start(data, seed);
    for (let kill = 0; kill < KILLS; kill++) {
      const replies = await Promise.all(Array.from({ length: RUNS_PER_ROUND }, () => call(p, "TryRunTaskFlow", { DagId: DAG })));
      for (const reply of replies) if (reply.json?.Success === true) acknowledged.push(reply.json.InstanceId as string);
      // Let nodes start and finish, observe some, then kill in the middle of it.
      await new Promise((resolve) => setTimeout(resolve, 20 + kill * 30));
      for (const id of [...acknowledged.slice(0, 3), ...acknowledged.slice(-2)]) {
        const reply = await call(p, "GetTaskInstanceRelation", { DagId: DAG, DagInstanceId: id });
        for (const node of (reply.json.NodeList.Node as NodeView[]) ?? []) {
          if (node.Status === InstanceStatus.succeeded) seenFinished.set(`${id}/${node.NodeId}`, node.EndTime!);
        }
      }
      p.child.kill("SIGKILL");
      expect(await p.exited).toEqual({ code: null, signal: "SIGKILL" });
      const killed = testDatabase(data);
      inFlight += Number(killed.prepare("SELECT count(*) AS n FROM node_instances WHERE status = 1").pluck().get());
      killed.close();
      p = await start(data, seed);
    }
    expect(acknowledged).toHaveLength(KILLS * RUNS_PER_ROUND);

    // Every run finishes after the last restart (each needs 3 simulated seconds: 750 real ms).
    const statuses = new Map<string, number>();
    for (let i = 0; i < 200; i++) {
      const reply = await call(p, "ListTaskFlowInstance", { DagId: DAG, PageIndex: "1", PageSize: "100", Status: "4" });
      if (reply.json.TotalCount >= acknowledged.length) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    let lostNodes = 0;
    for (const id of acknowledged) {
      const reply = await call(p, "GetTaskInstanceRelation", { DagId: DAG, DagInstanceId: id });
      statuses.set(id, reply.json.Success === true ? 1 : -1);
      for (const node of (reply.json.NodeList?.Node as NodeView[]) ?? []) {
        const seen = seenFinished.get(`${id}/${node.NodeId}`);
        if (seen !== undefined && (node.Status !== InstanceStatus.succeeded || node.EndTime !== seen)) lostNodes++;
      }
    }
    expect(await stopEmulator(p, "SIGTERM")).toEqual({ code: 0, signal: null });

    const db = testDatabase(data, { readonly: true });
    db.defaultSafeIntegers(true); // ids beyond 2^53 stay exact
    const runs = db.prepare(`SELECT id, status FROM instances WHERE dag_id = ${DAG}`).all() as { id: bigint; status: bigint }[];
    const nodeRows = db
      .prepare(
        `SELECT instance_id, count(*) AS n, sum(attempts) AS attempts, sum(status = 4) AS ok FROM node_instances GROUP BY instance_id`,
      )
      .all() as { instance_id: bigint; n: bigint; attempts: bigint; ok: bigint }[];
    db.close();
    const byRun = new Map(nodeRows.map((r) => [String(r.instance_id), r]));
    const lostRuns = acknowledged.filter((id) => !runs.some((r) => String(r.id) === id));
    const unfinished = runs.filter((r) => Number(r.status) !== InstanceStatus.succeeded).length;
    const doubled = acknowledged.reduce((sum, id) => sum + Number((byRun.get(id)?.attempts ?? 0n) - (byRun.get(id)?.n ?? 0n)), 0);
    const missingNodes = acknowledged.filter((id) => Number(byRun.get(id)?.ok ?? 0n) !== NODES).length;
    console.log(
      `engine SIGKILL figures: kills ${KILLS}, runs ${acknowledged.length}, node runs ${acknowledged.length * NODES}, ` +
        `node runs running at the kills ${inFlight}, node runs seen finished before a kill ${seenFinished.size}, lost runs ${lostRuns.length}, lost node transitions ${lostNodes}, ` +
        `doubled node runs ${doubled}, runs not succeeded ${unfinished}, runs missing a node success ${missingNodes}`,
    );
    expect(lostRuns).toEqual([]);
    expect(lostNodes).toBe(0);
    expect(doubled).toBe(0);
    expect(unfinished).toBe(0);
    expect(missingNodes).toBe(0);
    expect(seenFinished.size).toBeGreaterThan(0);
  });
});
