import { type NodeType, NodeTypeCodes } from "@dmsflow/client";
import type { TaskNodeRecord } from "../store/nodeRepository.js";

/** Node type names by their documented integer code (from the spec's NodeTypeCodes). */
const NAME_OF_CODE = new Map(Object.entries(NodeTypeCodes).map(([name, code]) => [BigInt(code), name as NodeType]));

/**
 * The integer code GetTaskFlowGraph shows for a NodeType given to CreateTask: the documented code of
 * a name (NORMAL_SQL is 1), the number itself for a numeric NodeType ("36"), else 0 (no code documented).
 */
export function nodeTypeCode(typeName: string): bigint {
  const documented = NodeTypeCodes[typeName as NodeType];
  if (documented !== undefined) return BigInt(documented);
  return /^\d{1,18}$/.test(typeName) ? BigInt(typeName) : 0n;
}

/**
 * A node's NodeType as GetTask and ListTasksInTaskFlow answer it: the name it was created with; for a
 * seeded node (known by its code only) the documented name of that code, else the code as text.
 */
export function nodeTypeOf(node: TaskNodeRecord): NodeType {
  return (node.type_name as NodeType | null) ?? NAME_OF_CODE.get(node.node_type) ?? (String(node.node_type) as NodeType);
}
