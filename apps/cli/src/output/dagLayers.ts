/** A node as the layering sees it: its id and the ids of the nodes it depends on. */
export interface LayerNode {
  readonly nodeId: string;
  readonly upstream: readonly string[];
}

/**
 * Puts each node in a layer one below its lowest upstream node (longest-path layering): layer 0 has
 * the nodes with no upstream, and every edge points to a later layer, so a reader going down the
 * layers meets each node after everything it waits for. Within a layer nodes keep the given order
 * (the API's). Nodes on a cycle (the API should not have one) go to a last layer of their own.
 *
 * Why not dagre (the emulator's console uses it): dagre computes coordinates and crossing-minimised
 * orders for drawn edges; the terminal picture names each node's upstream instead of drawing
 * edges, so only the layer of each node is needed, and that is this one pass.
 */
export function dagLayers<T extends LayerNode>(nodes: readonly T[]): T[][] {
  const known = new Set(nodes.map((n) => n.nodeId));
  const layerOf = new Map<string, number>();
  let remaining = [...nodes];
  // Each round places the nodes whose upstream nodes are all placed: at most one round per layer.
  while (remaining.length > 0) {
    const placed = remaining.filter((n) => n.upstream.every((u) => !known.has(u) || layerOf.has(u)));
    if (placed.length === 0) break;
    for (const node of placed) {
      const below = node.upstream.filter((u) => known.has(u)).map((u) => layerOf.get(u)! + 1);
      layerOf.set(node.nodeId, Math.max(0, ...below));
    }
    remaining = remaining.filter((n) => !layerOf.has(n.nodeId));
  }
  // Every layer up to the deepest has a node (each one's layer is one below another's).
  const depth = Math.max(-1, ...layerOf.values()) + 1;
  const layers: T[][] = Array.from({ length: depth }, () => []);
  for (const node of nodes) {
    const layer = layerOf.get(node.nodeId);
    if (layer !== undefined) layers[layer]!.push(node);
  }
  if (remaining.length > 0) layers.push([...remaining]);
  return layers;
}
