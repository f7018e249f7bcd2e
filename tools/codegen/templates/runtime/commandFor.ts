import type { Command, OperationDescriptor } from "./operation.js";
import { parseJsonExact } from "./parseJsonExact.js";
import { readValue } from "./readValue.js";
import { writeParameters } from "./writeParameter.js";

/**
 * Makes an operation's command: its serializer checks input by the descriptor's parameters and its
 * deserializer reads the body by the descriptor's output schema, keeping int64 values exact.
 * Generated commands call it with a pure annotation, so bundlers drop the ones a program never uses.
 */
export function commandFor<Input, Output>(
  operation: OperationDescriptor,
  /** Turns the input's Json parameters into text first (writeJsonParameters), for operations that have any. */
  prepare?: (operation: OperationDescriptor, input: unknown) => unknown,
): Command<Input, Output> {
  return {
    operation,
    serialize: (input) => writeParameters(operation, prepare ? prepare(operation, input) : input),
    deserialize: (body) => readValue(operation.output, parseJsonExact(body)) as Output,
  };
}
