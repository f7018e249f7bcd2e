import type { TaskEdge } from "../store/edgeRepository.js";
import type { BusinessFailure } from "./actionHandler.js";
import { invalidEdge } from "./businessErrors.js";

/**
 * Checks a flow's complete set of edges (what it would be after the change): both ends are nodes of
 * the flow, no node depends on itself, no pair is joined twice and, as DMS requires, the graph stays
 * acyclic. Edges are checked in order, so the one named is the first that breaks a rule (for a cycle:
 * the edge that closes it).
 */
export function checkEdges(dagId: bigint, nodeIds: ReadonlySet<string>, edges: readonly TaskEdge[]): BusinessFailure | undefined {
  const after = new Map<string, string[]>();
  const pairs = new Set<string>();
  for (const edge of edges) {
    const from = String(edge.from);
    const end = String(edge.end);
    const refuse = (reason: string) => invalidEdge(from, end, String(dagId), reason);
    for (const node of [from, end]) {
      if (!nodeIds.has(node)) return refuse(`node ${node} is not a node of this task flow (list them with ListTasksInTaskFlow)`);
    }
    if (from === end) return refuse("a node cannot depend on itself");
    if (pairs.has(`${from}>${end}`)) return refuse("the two nodes are already joined by another edge");
    if (reaches(after, end, from)) {
      return refuse(`node ${end} already runs before node ${from}, so this edge would make a cycle (DMS task flows are acyclic)`);
    }
    pairs.add(`${from}>${end}`);
    const next = after.get(from) ?? [];
    next.push(end);
    after.set(from, next);
  }
  return undefined;
}

/** Whether `target` can be reached from `start` along the edges so far. */
function reaches(after: ReadonlyMap<string, readonly string[]>, start: string, target: string): boolean {
  const seen = new Set([start]);
  const stack = [start];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node === target) return true;
    for (const next of after.get(node) ?? []) {
      if (!seen.has(next)) {
        seen.add(next);
        stack.push(next);
      }
    }
  }
  return false;
}
