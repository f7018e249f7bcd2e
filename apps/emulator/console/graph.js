// A task flow's graph as SVG, laid out left to right by dagre. Each node is a <g data-node-id> whose
// data-status attribute (a status name from the spec's table) the stylesheet colours; live updates
// change only that attribute.
import dagre from "./dagre.esm.js";
import { s } from "./dom.js";

const NODE_W = 168;
const NODE_H = 40;
const MAX_LABEL = 22;

/**
 * Draws nodes [{id, name, upstream, status?}] and returns {svg, setStatus(nodeId, statusName)}.
 * `statusOf(node)` names a node's status ("" for none); `onSelect(node)` runs on a click.
 */
export function drawGraph(nodes, statusOf, onSelect) {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: "LR", nodesep: 18, ranksep: 56, marginx: 12, marginy: 12 });
  g.setDefaultEdgeLabel(() => ({}));
  const ids = new Set(nodes.map((n) => n.id));
  for (const n of nodes) g.setNode(n.id, { width: NODE_W, height: NODE_H });
  for (const n of nodes) for (const up of n.upstream) if (ids.has(up)) g.setEdge(up, n.id);
  const started = performance.now();
  dagre.layout(g);
  performance.measure("layout", { start: started, end: performance.now() });
  const { width = 0, height = 0 } = g.graph();
  const svg = s("svg", {
    class: "graph",
    width: Math.ceil(width),
    height: Math.ceil(height),
    viewBox: `0 0 ${Math.ceil(width)} ${Math.ceil(height)}`,
    role: "img",
    "aria-label": `Graph of ${nodes.length} nodes`,
  });
  svg.append(
    s(
      "defs",
      {},
      s(
        "marker",
        { id: "arrow", viewBox: "0 0 8 8", refX: 8, refY: 4, markerWidth: 8, markerHeight: 8, orient: "auto" },
        s("path", { d: "M0,0 L8,4 L0,8 z", class: "arrowhead" }),
      ),
    ),
  );
  for (const e of g.edges()) {
    const points = g.edge(e).points;
    const d = points.map((p, i) => `${i === 0 ? "M" : "L"}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(" ");
    svg.append(s("path", { class: "edge", d, "marker-end": "url(#arrow)", "data-from": e.v, "data-to": e.w }));
  }
  const byId = new Map();
  for (const n of nodes) {
    const box = g.node(n.id);
    const label = n.name.length > MAX_LABEL ? `${n.name.slice(0, MAX_LABEL - 1)}…` : n.name;
    const group = s(
      "g",
      {
        class: "node",
        "data-node-id": n.id,
        "data-status": statusOf(n),
        transform: `translate(${(box.x - NODE_W / 2).toFixed(1)},${(box.y - NODE_H / 2).toFixed(1)})`,
        tabindex: 0,
        onclick: () => onSelect?.(n),
      },
      s("title", {}, `${n.name} (${n.id})`),
      s("rect", { width: NODE_W, height: NODE_H, rx: 6 }),
      s("text", { x: 12, y: NODE_H / 2 + 4 }, label),
    );
    byId.set(n.id, group);
    svg.append(group);
  }
  return {
    svg,
    setStatus(nodeId, statusName) {
      byId.get(nodeId)?.setAttribute("data-status", statusName);
    },
  };
}
