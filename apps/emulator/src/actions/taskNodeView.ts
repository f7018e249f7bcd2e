import type { NodeType } from "@dmsflow/client";
import type { TaskNodeRecord } from "../store/nodeRepository.js";

/** A node's NodeType as GetTask and ListTasksInTaskFlow answer it: the name it was created with, else its numeric code. */
export function nodeTypeOf(node: TaskNodeRecord): NodeType {
  return (node.type_name ?? String(node.node_type)) as NodeType;
}
