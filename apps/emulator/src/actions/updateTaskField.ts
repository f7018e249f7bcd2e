import { isGatewayFailure } from "../gateway/gatewayError.js";
import type { TaskNodeField } from "../store/nodeRepository.js";
import type { Store } from "../store/store.js";
import { type ActionHandler, success } from "./actionHandler.js";
import { onNode, optionalText } from "./definitionScope.js";
import { parseTimeVariables } from "./timeVariables.js";

/** An operation that replaces one field of a node: which parameter carries the value and where it goes. */
export interface TaskFieldUpdate {
  readonly action:
    | "UpdateTaskName"
    | "UpdateTaskContent"
    | "UpdateTaskContentV2"
    | "UpdateTaskConfig"
    | "UpdateTaskOutput"
    | "UpdateTaskTimeVariables";
  readonly parameter: "NodeName" | "NodeContent" | "NodeConfig" | "NodeOutput" | "TimeVariables";
  readonly field: TaskNodeField;
}

/** Builds the handler of a single-field node update; an optional value that is omitted empties the field. */
export function updateTaskField(store: Store, update: TaskFieldUpdate): ActionHandler {
  return {
    writes: true,
    run: onNode(store, (node, { values }) => {
      const value = optionalText(values, update.parameter) ?? "";
      if (update.field === "time_variables") {
        const parsed = parseTimeVariables(value, update.parameter);
        if (isGatewayFailure(parsed)) return parsed;
      }
      store.nodes.set(node, update.field, value);
      return success(update.action, {});
    }),
  };
}
