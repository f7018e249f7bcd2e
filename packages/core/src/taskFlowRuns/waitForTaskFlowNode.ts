import { type DmsTransport, enumKeyOf, getTaskInstanceRelation, InstanceStatus, type Int64Input } from "@dmsflow/client";
import type { DmsCallOptions } from "../client/DmsCallOptions.js";
import { DmsLookupError, DmsWaiterError } from "../errors/localErrors.js";
import { DmsAbortError } from "../errors/transportErrors.js";
import { sleep } from "../retry/sleep.js";
import type { TaskFlowInstanceRef } from "../taskFlowInstances/findTaskFlowInstance.js";
import { InstanceTracker } from "../taskFlowInstances/InstanceTracker.js";
import {
  awaitedStatuses,
  pollDelayMs,
  TERMINAL_STATUSES,
  type WaiterTiming,
} from "../taskFlowInstances/waitForTaskFlowInstance.js";
import { type FlowGraph, getFlowGraph, int64 } from "./flowGraph.js";
import { type TaskFlowRunNode, taskFlowRunOf } from "./taskFlowRun.js";

/** One poll of a node wait, as `onPoll` sees it. */
export interface NodeWaitPollEvent {
  /** 1 for the first poll. */
  readonly poll: number;
  /** The node's status (its newest node run), or undefined while the run has no record of it. */
  readonly status: number | undefined;
  /** The run's status, when this poll read it (only when no node of the run was running). */
  readonly runStatus: number | undefined;
  /** API calls this poll made: 1 while a node of the run is running; 2 otherwise (3 on the first poll, which reads the graph). */
  readonly calls: number;
  /** The wait before the next poll, or undefined when this poll ended the wait. */
  readonly nextDelayMs: number | undefined;
}

/** Which node of which run to wait for, until what, and how long. */
export interface WaitForTaskFlowNodeOptions extends TaskFlowInstanceRef, WaiterTiming {
  /** The node: its NodeId, or its name (compared exactly; several nodes with the name are refused). */
  readonly node: { readonly nodeId: Int64Input } | { readonly name: string };
  /** The node status or statuses to wait for (InstanceStatus values), or a predicate over the status (and the node). */
  readonly until: InstanceStatus | readonly number[] | ((status: number, node: TaskFlowRunNode) => boolean);
  /** Stop with DmsWaiterError when the node reaches a final status that does not match, or the run ends first (default true). */
  readonly stopOnTerminal?: boolean | undefined;
  /** Called after every poll. */
  readonly onPoll?: ((event: NodeWaitPollEvent) => void) | undefined;
}

/**
 * Polls a run's node runs (GetTaskInstanceRelation, one call) until the node's status matches, and
 * returns the node with its run's fields. The first poll also reads the flow's graph, to check the node
 * and to know it by name. While no node of the run is running, each poll also reads the run's status
 * (ListTaskFlowInstance, one call once found) so that a run that ended, leaving the node unrun, ends
 * the wait instead of the timeout. Throws DmsLookupError (`TaskFlowNodeNotFound`,
 * `TaskFlowNodeAmbiguous`), DmsWaiterError (`WaiterTimeout`, `WaiterTerminalState`,
 * `WaiterInstanceNotFound`), DmsAbortError, or the API's error (an unknown instance).
 */
export async function waitForTaskFlowNode(
  client: DmsTransport<DmsCallOptions>,
  options: WaitForTaskFlowNodeOptions,
): Promise<TaskFlowRunNode> {
  const { until, timeoutMs = 180_000, intervalMs = 2_000, stopOnTerminal = true, signal } = options;
  const maxIntervalMs = Math.max(options.maxIntervalMs ?? 30_000, intervalMs);
  const { matches } = awaitedStatuses(until);
  const ref = {
    DagId: int64("DagId", options.DagId),
    DagInstanceId: int64("DagInstanceId", options.DagInstanceId),
    Tid: options.Tid,
  };
  const call = { signal };
  const tracker = new InstanceTracker(client, ref, TERMINAL_STATUSES, call);
  const deadline = performance.now() + timeoutMs;
  let graph: FlowGraph | undefined;
  let nodeId: string | undefined;
  let what = `node ${"name" in options.node ? JSON.stringify(options.node.name) : String(options.node.nodeId)}`;
  let lastStatus: number | undefined;
  for (let poll = 1; ; poll++) {
    if (signal?.aborted) throw new DmsAbortError(`Waiting for ${what} was aborted.`);
    const [relation, read] = await Promise.all([
      getTaskInstanceRelation(client, ref, call),
      graph ? graph : getFlowGraph(client, ref, call),
    ]);
    let calls = graph ? 1 : 2;
    const run = taskFlowRunOf(read, ref.DagInstanceId, undefined, relation.NodeList?.Node ?? []);
    if (nodeId === undefined) {
      graph = read;
      nodeId = nodeOf(run.nodes, options.node, ref.DagId);
      what = `node ${JSON.stringify(run.nodes.find((n) => n.nodeId === nodeId)!.name)} (${nodeId}) of instance ${ref.DagInstanceId}`;
    }
    const node = run.nodes.find((n) => n.nodeId === nodeId);
    const status = node?.status;
    let runStatus: number | undefined;
    const report = (nextDelayMs: number | undefined) => options.onPoll?.({ poll, status, runStatus, calls, nextDelayMs });
    if (node && status !== undefined) {
      lastStatus = status;
      if (matches(status, node)) {
        report(undefined);
        return node;
      }
      if (stopOnTerminal && TERMINAL_STATUSES.includes(status)) {
        report(undefined);
        const why = node.message ? `: ${node.message}` : "";
        throw new DmsWaiterError(
          "WaiterTerminalState",
          `${cap(what)} reached status ${status} (${enumKeyOf(InstanceStatus, status)})${why}, which is final and not what was awaited.`,
          status,
        );
      }
    }
    // Nothing of the run is running: it may have ended (failed, stopped, marked succeeded) without the node.
    if (stopOnTerminal && !run.nodes.some((n) => n.status === InstanceStatus.running)) {
      const before = tracker.calls;
      runStatus = (await tracker.find())?.Status;
      calls += tracker.calls - before;
      if (runStatus !== undefined && TERMINAL_STATUSES.includes(runStatus)) {
        report(undefined);
        throw new DmsWaiterError(
          "WaiterTerminalState",
          `The run ended with status ${runStatus} (${enumKeyOf(InstanceStatus, runStatus)}) while ${what} was ${nodeState(status)}; it will not run again unless the run is rerun.`,
          lastStatus,
        );
      }
    }
    const remaining = deadline - performance.now();
    if (remaining <= 0) {
      report(undefined);
      const hint = "Raise timeoutMs to wait longer.";
      throw new DmsWaiterError(
        "WaiterTimeout",
        `Gave up waiting for ${what} after ${timeoutMs} ms; it was ${nodeState(status)}. ${hint}`,
        lastStatus,
        { hint, option: "timeoutMs" },
      );
    }
    const delay = Math.min(pollDelayMs(poll, intervalMs, maxIntervalMs, Math.random()), remaining);
    report(delay);
    if (!(await sleep(delay, signal))) throw new DmsAbortError(`Waiting for ${what} was aborted.`);
  }
}

/** The id of the node asked for, among the run's nodes (the graph's, and node runs of removed ones). */
function nodeOf(nodes: readonly TaskFlowRunNode[], wanted: WaitForTaskFlowNodeOptions["node"], dagId: string): string {
  const found =
    "name" in wanted
      ? nodes.filter((n) => n.name === wanted.name)
      : nodes.filter((n) => n.nodeId === int64("nodeId", wanted.nodeId));
  if (found.length === 1) return found[0]!.nodeId;
  const candidates = nodes.map((n) => ({ id: n.nodeId, name: n.name }));
  const listed = nodes.map((n) => `${JSON.stringify(n.name)} (${n.nodeId})`).join(", ") || "none";
  if (found.length > 1) {
    throw new DmsLookupError(
      "TaskFlowNodeAmbiguous",
      `${found.length} nodes of task flow ${dagId} are named ${JSON.stringify((wanted as { name: string }).name)}: ${found.map((n) => n.nodeId).join(", ")}; give the node by its ID instead.`,
      candidates,
    );
  }
  const asked = "name" in wanted ? `named ${JSON.stringify(wanted.name)}` : `with ID ${String(wanted.nodeId)}`;
  throw new DmsLookupError(
    "TaskFlowNodeNotFound",
    `Task flow ${dagId} has no node ${asked} (in its graph or in this run); its nodes: ${listed}.`,
    candidates,
  );
}

function nodeState(status: number | undefined): string {
  return status === undefined ? "not started" : `${status} (${enumKeyOf(InstanceStatus, status)})`;
}

function cap(text: string): string {
  return text[0]!.toUpperCase() + text.slice(1);
}
