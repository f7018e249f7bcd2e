import { type SourceFileStructure, StructureKind } from "ts-morph";
import type { Plan } from "../plan.js";
import { exportConst } from "./exportConst.js";
import { imp } from "./fileContext.js";

/**
 * The spec's prose by action name: each summary and parameter description. Apart from the
 * descriptors, so that help text and completions have it and a program that only calls does not.
 */
export function emitOperationDocs(plan: Plan): SourceFileStructure {
  const entries = plan.operations.map((o) => {
    const op = o.operation;
    const params = op.parameters.map((p) => `      ${p.name}: ${JSON.stringify(p.description)},`);
    return [
      `  ${op.action}: {`,
      `    summary: ${JSON.stringify(op.summary)},`,
      params.length > 0 ? `    parameters: {\n${params.join("\n")}\n    },` : "    parameters: {},",
      "  },",
    ].join("\n");
  });
  return {
    kind: StructureKind.SourceFile,
    statements: [
      imp("./operationTable.js", ["ActionName"], true),
      imp("./runtime/operation.js", ["OperationDocs"], true),
      exportConst(
        "The spec's summary of every operation and the description of each parameter, by action name.",
        "operationDocs",
        "{ readonly [A in ActionName]: OperationDocs }",
        `{\n${entries.map((entry) => `${entry}\n`).join("")}}`,
      ),
    ],
  };
}
