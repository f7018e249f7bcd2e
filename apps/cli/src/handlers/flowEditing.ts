// `dmsflow create-flow` and `dmsflow add-node`: defining a task flow from the command line.
import type { DmsCallOptions, DmsClient, FlowNode, TaskFlowRef } from "@dmsflow/core";
import { inlineOrFile } from "../args/inlineOrFile.js";
import { UsageError } from "../args/usageError.js";
import type { CommandHandler } from "../commands/commandSpec.js";
import type { RecordResult } from "../output/commandResult.js";
import { sanitize } from "../output/sanitize.js";

/** `dmsflow create-flow`: CreateTaskFlow; prints the new DagId alone in text, for `$(...)`. */
export const createFlowHandler: CommandHandler = {
  async run(ctx): Promise<RecordResult> {
    const { createTaskFlow } = await import("@dmsflow/client");
    const { flags } = ctx;
    const name = flags.requiredString("name");
    const input = {
      DagName: name,
      Description: flags.string("description"),
      ScenarioId: flags.string("scenario-id"),
      Tid: flags.string("tid"),
    };
    const output = await createTaskFlow(await ctx.client(), input, { signal: ctx.io.signal });
    const dagId = output.DagId ?? "";
    return {
      kind: "record",
      json: { Action: "CreateTaskFlow", DagId: dagId, DagName: name, Success: true, RequestId: output.RequestId ?? "" },
      text: [[dagId]],
      human: ({ palette }) =>
        `${palette.green(`Created task flow ${sanitize(name)}`)} (${palette.bold(dagId)}). ${palette.dim(`(dmsflow add-node --dag-id ${dagId} --name <name> --type NORMAL_SQL)`)}\n`,
    };
  },
};

/**
 * `dmsflow add-node`: every --after node is found in the flow's graph and --content read and checked
 * before anything changes; then CreateTask, then one AddTaskFlowEdges call for all the edges.
 */
export const addNodeHandler: CommandHandler = {
  async run(ctx): Promise<RecordResult> {
    const { flags } = ctx;
    const dagId = flags.requiredString("dag-id");
    const tid = flags.string("tid");
    const name = flags.requiredString("name");
    const after = flags.strings("after") ?? [];
    const content = await readContent(flags.string("content"));
    const { addTaskFlowEdges, createTask } = await import("@dmsflow/client");
    const client = await ctx.client();
    const call = { signal: ctx.io.signal };
    const upstream = after.length === 0 ? [] : await upstreamNodes(client, { DagId: dagId, Tid: tid }, after, call);
    const created = await createTask(
      client,
      { DagId: dagId, Tid: tid, NodeName: name, NodeType: flags.requiredString("type"), NodeContent: content },
      call,
    );
    const nodeId = created.NodeId ?? "";
    const edges = upstream.map((node) => ({ NodeFrom: node.nodeId, NodeEnd: nodeId }));
    const fields = { Action: "CreateTask", DagId: dagId, NodeId: nodeId, NodeName: name, After: upstream.map((n) => n.nodeId) };
    if (edges.length > 0) {
      try {
        await addTaskFlowEdges(client, { DagId: dagId, Tid: tid, Edges: edges }, call);
      } catch (error) {
        // The node exists now: say so, with how to finish or undo, rather than leave it unnamed.
        const reason = error instanceof Error ? error.message : String(error);
        return {
          kind: "record",
          json: { ...fields, Success: false, EdgesError: reason },
          text: [[nodeId]],
          human: () => "",
          exitCode: 1,
          note: (palette) =>
            `${palette.red("error:")} node ${sanitize(name)} (${nodeId}) was added, but not joined after ${upstream.map((n) => sanitize(n.name)).join(", ")}: ${sanitize(reason)} ` +
            `Join it with: dmsflow call AddTaskFlowEdges --DagId ${dagId} --Edges '${JSON.stringify(edges)}' (or remove it with: dmsflow call DeleteTask --DagId ${dagId} --NodeId ${nodeId}).`,
        };
      }
    }
    const joined = upstream.length === 0 ? "" : `, after ${upstream.map((n) => sanitize(n.name)).join(", ")}`;
    return {
      kind: "record",
      json: { ...fields, Success: true, RequestId: created.RequestId ?? "" },
      text: [[nodeId]],
      human: ({ palette }) =>
        `${palette.green(`Added node ${sanitize(name)}`)} (${palette.bold(nodeId)}) to task flow ${dagId}${joined}.\n`,
    };
  },
};

/** --content as it will be sent: inline or `file://path`, checked to be JSON (and sent as written, so int64 ids in it stay exact). */
async function readContent(given: string | undefined): Promise<string | undefined> {
  if (given === undefined) return undefined;
  const text = await inlineOrFile("content", given);
  try {
    JSON.parse(text);
  } catch (error) {
    throw new UsageError(
      `--content must be JSON text, e.g. '{"dbId":123,"sql":"select 1"}' for NORMAL_SQL: ${(error as Error).message}.`,
    );
  }
  return text;
}

/** The nodes --after names, by exact name or ID, from the flow's graph (one GetTaskFlowGraph call). */
async function upstreamNodes(
  client: DmsClient,
  flow: TaskFlowRef,
  after: readonly string[],
  call: DmsCallOptions,
): Promise<FlowNode[]> {
  const { getFlowGraph } = await import("@dmsflow/core");
  const graph = await getFlowGraph(client, flow, call);
  const dagId = String(flow.DagId);
  return after.map((wanted) => {
    const byId = graph.nodes.find((n) => n.nodeId === wanted);
    const byName = graph.nodes.filter((n) => n.name === wanted);
    if (byId) return byId;
    if (byName.length === 1) return byName[0]!;
    const listed = graph.nodes.map((n) => `${n.name} (${n.nodeId})`).join(", ") || "none yet";
    if (byName.length > 1) {
      throw new UsageError(
        `--after ${JSON.stringify(wanted)}: ${byName.length} nodes of task flow ${dagId} carry that name (${byName.map((n) => n.nodeId).join(", ")}); give the node's ID.`,
      );
    }
    throw new UsageError(
      `--after ${JSON.stringify(wanted)}: task flow ${dagId} has no node with that name or ID; its nodes: ${listed}.`,
    );
  });
}
