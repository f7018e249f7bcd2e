import type { DmsParameterError } from "@dmsflow/client";
import { DmsValidationError } from "../errors/localErrors.js";
import type { DmsMiddleware } from "./MiddlewareStack.js";

/** serialize step: checks the input with the generated serializer; DmsParameterError becomes DmsValidationError. */
export const serializeMiddleware: DmsMiddleware = (next) => (context) => {
  try {
    context.params = context.command.serialize(context.input);
  } catch (error) {
    // By name, not instanceof: an ESM core with a CommonJS client (or two copies) has two classes.
    if (error instanceof Error && error.name === "DmsParameterError") {
      const parameter = (error as DmsParameterError).parameter;
      throw new DmsValidationError(`${error.message} Nothing was sent.`, { action: context.action, parameter });
    }
    throw error;
  }
  return next(context);
};
