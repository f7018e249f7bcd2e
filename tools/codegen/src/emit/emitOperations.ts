import { type SourceFileStructure, StructureKind } from "ts-morph";
import type { Plan } from "../plan.js";
import { imp } from "./fileContext.js";

/**
 * The base class of every client: one method per operation over an abstract `send`, as AWS SDK
 * v3's aggregated clients are generated. DmsClient in @dmsflow/core extends it, so an operation
 * added to the spec becomes a client method when the client is regenerated.
 */
export function emitOperationsClass(plan: Plan): SourceFileStructure {
  const methods = plan.operations.map((o) => {
    const op = o.operation;
    const anyRequired = op.parameters.some((p) => p.required);
    return {
      kind: StructureKind.Method as const,
      name: o.functionName,
      docs: [op.summary || op.description || `Calls ${op.action}.`],
      parameters: [
        { name: "input", type: o.inputType, initializer: anyRequired ? undefined : "{}" },
        { name: "options", type: "Options", hasQuestionToken: true },
      ],
      returnType: `Promise<${o.outputType}>`,
      statements: [`return this.send(${o.command}, input, options);`],
    };
  });
  return {
    kind: StructureKind.SourceFile,
    statements: [
      ...plan.operations.map((o) => imp(`./${o.module}.js`, [o.command, `type ${o.inputType}`, `type ${o.outputType}`])),
      imp("./runtime/operation.js", ["CallOptions", "Command", "DmsTransport"], true),
      {
        kind: StructureKind.Class,
        name: "DmsOperations",
        isExported: true,
        isAbstract: true,
        docs: [
          "One method per operation, each sending its command through `send`. DmsClient in @dmsflow/core extends it; any other transport can too.",
        ],
        typeParameters: [{ name: "Options", constraint: "CallOptions", default: "CallOptions" }],
        implements: ["DmsTransport<Options>"],
        methods: [
          {
            name: "send",
            isAbstract: true,
            docs: ["Serializes the input, sends it, and resolves with the deserialized output."],
            typeParameters: ["Input", "Output"],
            parameters: [
              { name: "command", type: "Command<Input, Output>" },
              { name: "input", type: "Input" },
              { name: "options", type: "Options", hasQuestionToken: true },
            ],
            returnType: "Promise<Output>",
          },
          ...methods,
        ],
      },
    ],
  };
}
