import type { CommandHandler } from "../commands/commandSpec.js";
import { graphPicture, layerNumbers } from "../output/flowPicture.js";

/** `dmsflow flow-show`: a task flow's graph in layers (GetTaskFlowGraph). */
export const flowShowHandler: CommandHandler = {
  async run(ctx) {
    const { getFlowGraph } = await import("@dmsflow/core");
    const client = await ctx.client();
    const graph = await getFlowGraph(
      client,
      { DagId: ctx.flags.requiredString("dag-id"), Tid: ctx.flags.string("tid") },
      { signal: ctx.io.signal },
    );
    const layers = layerNumbers(graph.nodes);
    return {
      kind: "record",
      json: { ...graph, nodes: graph.nodes.map((n) => ({ ...n, layer: layers.get(n.nodeId) })) },
      text: graph.nodes.map((n) => [n.nodeId, n.name, layers.get(n.nodeId), n.type, n.upstream.join(",")]),
      human: ({ palette }) => graphPicture(graph, palette),
    };
  },
};
