import type { DmsParameterError } from "@dmsflow/client";
import { DmsValidationError } from "../errors/localErrors.js";
import type { DmsCallResult, DmsInitializeArgs, DmsSerializeArgs } from "./DmsStepArgs.js";
import type { DmsTransition } from "./MiddlewareStack.js";

/** serialize step: checks the input with the generated serializer; DmsParameterError becomes DmsValidationError. */
export const serializeMiddleware: DmsTransition<DmsInitializeArgs, DmsSerializeArgs, DmsCallResult, DmsCallResult> =
  (next) => (args) => {
    const { call, input } = args;
    let params: DmsSerializeArgs["params"];
    try {
      params = call.command.serialize(input);
    } catch (error) {
      // By name, not instanceof: an ESM core with a CommonJS client (or two copies) has two classes.
      if (error instanceof Error && error.name === "DmsParameterError") {
        const parameter = (error as DmsParameterError).parameter;
        throw new DmsValidationError(`${error.message} Nothing was sent.`, { action: call.action, parameter });
      }
      throw error;
    }
    return next({ call, input, params });
  };
