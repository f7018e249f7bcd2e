import type { TaskEdge } from "../store/edgeRepository.js";
import type { BusinessFailure } from "./actionHandler.js";
import { invalidEdge } from "./businessErrors.js";

/**
 * Checks edges about to be added to a flow whose other edges (`kept`) stay as they are: both ends are
 * nodes of the flow, no node depends on itself, no pair is joined twice and, as DMS requires, the
 * graph stays acyclic. Kept edges are valid already (deleting a node deletes its edges), so only the
 * added ones are looked at, in order: the one named is the first that breaks a rule (for a cycle, the
 * edge that closes it).
 */
export function checkEdges(
  dagId: bigint,
  isNode: (nodeId: bigint) => boolean,
  kept: readonly TaskEdge[],
  added: readonly TaskEdge[],
): BusinessFailure | undefined {
  const after = new Map<string, string[]>();
  const pairs = new Set<string>();
  const join = (from: string, end: string) => {
    pairs.add(`${from}>${end}`);
    const next = after.get(from) ?? [];
    next.push(end);
    after.set(from, next);
  };
  for (const edge of kept) join(String(edge.from), String(edge.end));
  for (const edge of added) {
    const from = String(edge.from);
    const end = String(edge.end);
    const refuse = (reason: string) => invalidEdge(from, end, String(dagId), reason);
    for (const node of [edge.from, edge.end]) {
      if (!isNode(node)) return refuse(`node ${node} is not a node of this task flow (list them with ListTasksInTaskFlow)`);
    }
    if (from === end) return refuse("a node cannot depend on itself");
    if (pairs.has(`${from}>${end}`)) return refuse("the two nodes are already joined by another edge");
    if (reaches(after, end, from)) {
      return refuse(`node ${end} already runs before node ${from}, so this edge would make a cycle (DMS task flows are acyclic)`);
    }
    join(from, end);
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
