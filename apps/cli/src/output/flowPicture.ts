import { InstanceStatus, type InstanceTriggerType, InstanceTriggerTypeDescriptions } from "@dmsflow/client";
import type { FlowGraph, TaskFlowRun, TaskFlowRunNode } from "@dmsflow/core";
import { statusName } from "../statusNames.js";
import type { Palette } from "./color.js";
import { dagLayers } from "./dagLayers.js";
import { displayWidth } from "./displayWidth.js";
import { sanitize } from "./sanitize.js";
import { statusCell } from "./statusCell.js";

/** The widest a node name is shown; longer ones end in an ellipsis so the columns stay readable. */
const MAX_NAME_WIDTH = 32;

/** One row of the picture: a node's cells, before padding. */
interface NodeRow {
  readonly name: string;
  readonly cells: readonly string[];
  readonly upstream: string;
  readonly failed: boolean;
  readonly message: string | undefined;
}

/**
 * A run as a terminal picture: a header (the run's status, version, trigger, times), then the DAG
 * laid out in layers (dagLayers), one line per node with its status and end time and the names of
 * the nodes it waits for (`<- extract, clean`), the failed nodes marked `>` and followed by their
 * message (node runs of nodes no longer in the graph last, labelled `-`), then a count of the nodes
 * by status and the failed nodes again, with their ids.
 */
export function runPicture(run: TaskFlowRun, palette: Palette): string {
  const flow = run.dagName === undefined ? `task flow ${run.dagId}` : `task flow ${run.dagId} (${sanitize(run.dagName)})`;
  const times = [run.startTime && `from ${sanitize(run.startTime)}`, run.endTime && `to ${sanitize(run.endTime)}`];
  const details = [
    run.version ? `version ${sanitize(run.version)}` : "",
    run.triggerType === undefined ? "" : triggerWords(run.triggerType),
    times.filter(Boolean).join(" "),
  ].filter(Boolean);
  const header = [
    `Run ${run.instanceId} of ${flow}: ${run.status === undefined ? "not listed" : statusCell(run.status, palette)}`,
    ...(details.length > 0 ? [palette.dim(details.join(", "))] : []),
    ...(run.message ? [`Message: ${sanitize(run.message)}`] : []),
  ];
  const names = new Map(run.nodes.map((n) => [n.nodeId, n.name]));
  const rows = (node: TaskFlowRunNode): NodeRow => ({
    name: node.name,
    cells: [node.status === undefined ? palette.dim("not run") : statusCell(node.status, palette), sanitize(node.endTime ?? "")],
    upstream: upstreamNames(node.upstream, names),
    failed: node.status === InstanceStatus.failed,
    message: node.message,
  });
  const gone = run.nodes.filter((n) => !n.inGraph);
  const body = layeredLines(
    run.nodes.filter((n) => n.inGraph),
    rows,
    palette,
    gone,
  );
  const goneNote = gone.length > 0 ? [palette.dim("-: node runs of nodes no longer in the flow's graph")] : [];
  return `${[...header, "", ...body, ...goneNote, "", ...summary(run, palette)].join("\n")}\n`;
}

/** A flow's graph as a terminal picture: the same layers as a run, each node with its type and id. */
export function graphPicture(graph: FlowGraph, palette: Palette): string {
  const names = new Map(graph.nodes.map((n) => [n.nodeId, n.name]));
  const title = `Task flow ${graph.dagId}${graph.name === undefined ? "" : ` (${sanitize(graph.name)})`}`;
  const counts = `${plural(graph.nodes.length, "node")}, ${plural(graph.edges.length, "edge")}`;
  if (graph.nodes.length === 0) return `${title}: no nodes.\n`;
  const body = layeredLines(
    graph.nodes,
    (node) => ({
      name: node.name,
      cells: [sanitize(node.type ?? ""), palette.dim(`node ${node.nodeId}`)],
      upstream: upstreamNames(node.upstream, names),
      failed: false,
      message: undefined,
    }),
    palette,
  );
  return `${[`${title}: ${counts}`, "", ...body].join("\n")}\n`;
}

/** The layer of each node (from 1), as the pictures number them. */
export function layerNumbers(nodes: readonly { nodeId: string; upstream: readonly string[] }[]): Map<string, number> {
  const layers = new Map<string, number>();
  dagLayers(nodes).forEach((layer, index) => {
    for (const node of layer) layers.set(node.nodeId, index + 1);
  });
  return layers;
}

/** The layers of `nodes`, one line per node with its cells aligned; `trailing` nodes last, in a group labelled `-`. */
function layeredLines<T extends { nodeId: string; upstream: readonly string[] }>(
  nodes: readonly T[],
  toRow: (node: T) => NodeRow,
  palette: Palette,
  trailing: readonly T[] = [],
): string[] {
  const groups = dagLayers(nodes).map((layer, index) => ({ label: String(index + 1), rows: layer.map(toRow) }));
  if (trailing.length > 0) groups.push({ label: "-", rows: trailing.map(toRow) });
  const all = groups.flatMap((group) => group.rows);
  const nameWidth = Math.min(MAX_NAME_WIDTH, Math.max(...all.map((r) => displayWidth(sanitize(r.name)))));
  const cellWidths = all[0]?.cells.map((_, i) => Math.max(...all.map((r) => displayWidth(r.cells[i]!)))) ?? [];
  const labelWidth = Math.max(0, ...groups.map((group) => group.label.length));
  const lines: string[] = [];
  for (const group of groups) {
    group.rows.forEach((row, position) => {
      const label = position === 0 ? group.label.padStart(labelWidth) : " ".repeat(labelWidth);
      const name = padTo(fitTo(sanitize(row.name), nameWidth), nameWidth);
      // Columns empty in every row (no end times yet) take no room.
      const cells = row.cells.map((cell, i) => padTo(cell, cellWidths[i]!)).filter((_, i) => cellWidths[i]! > 0);
      const mark = row.failed ? ">" : " ";
      const line = [row.failed ? palette.red(palette.bold(name)) : name, ...cells, row.upstream ? `<- ${row.upstream}` : ""]
        .join("  ")
        .trimEnd();
      lines.push(`${palette.dim(label)} ${mark} ${line}`);
      if (row.failed && row.message) lines.push(`${" ".repeat(labelWidth + 3)}${palette.red(sanitize(row.message))}`);
    });
  }
  return lines;
}

function summary(run: TaskFlowRun, palette: Palette): string[] {
  const counts = new Map<string, number>();
  for (const node of run.nodes) {
    const name = node.status === undefined ? "not run" : statusName(node.status);
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  const lines = [`${plural(run.nodes.length, "node")}: ${[...counts].map(([name, n]) => `${n} ${name}`).join(", ")}`];
  for (const node of run.failedNodes) {
    const why = node.message ? `: ${sanitize(node.message)}` : " (no message)";
    lines.push(`${palette.red("Failed:")} ${sanitize(node.name)} (node ${node.nodeId})${why}`);
  }
  return lines;
}

function upstreamNames(upstream: readonly string[], names: ReadonlyMap<string, string>): string {
  return upstream.map((id) => sanitize(names.get(id) ?? id)).join(", ");
}

function triggerWords(code: InstanceTriggerType | number): string {
  return InstanceTriggerTypeDescriptions[code as InstanceTriggerType] ?? `trigger type ${code}`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

/** Pads text with spaces to `width` terminal columns (wide characters count two, colours none). */
function padTo(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - displayWidth(text)));
}

/** Cuts text to at most `width` terminal columns, ending in an ellipsis when cut. */
function fitTo(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let kept = "";
  for (const char of text) {
    if (displayWidth(`${kept}${char}…`) > width) break;
    kept += char;
  }
  return `${kept}…`;
}
