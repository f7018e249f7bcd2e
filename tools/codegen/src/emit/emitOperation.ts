import { type SourceFileStructure, type StatementStructures, StructureKind, VariableDeclarationKind } from "ts-morph";
import type { Ir } from "../ir.js";
import type { OperationPlan } from "../plan.js";
import { docsOf } from "./docs.js";
import { FileContext, imp, objectInterface } from "./fileContext.js";
import { schemaCode, typeCode } from "./shapeCode.js";

const INPUT_TYPES = { Long: "Int64Input", Integer: "number", String: "string", Boolean: "boolean" } as const;

/**
 * An operation file: input and output types, the descriptor (parameters and response schema as
 * data), the command that interprets it, and the thin function.
 */
export function emitOperation(ir: Ir, plan: OperationPlan): SourceFileStructure {
  const op = plan.operation;
  const ctx = new FileContext("..");
  const statements: (StatementStructures | string)[] = [];

  statements.push({
    kind: StructureKind.Interface,
    name: plan.inputType,
    isExported: true,
    docs: [`Input of ${op.action}: ${op.summary || op.description}`],
    properties: op.parameters.map((p) => ({
      name: p.name,
      type: INPUT_TYPES[p.wireType],
      hasQuestionToken: !p.required,
      docs: docsOf(p.description, p.example, p.required),
    })),
  });

  const outputDocs = `Output of ${op.action}. HTTP 200 with \`Success: false\` is a business failure.`;
  if (op.output.kind === "object") {
    statements.push(objectInterface(plan.outputType, outputDocs, op.output, ctx));
  } else {
    statements.push({
      kind: StructureKind.TypeAlias,
      name: plan.outputType,
      isExported: true,
      docs: [outputDocs],
      type: typeCode(op.output, ctx, plan.outputType),
    });
  }

  statements.push(descriptorText(ir, plan, schemaCode(op.output, ctx, "  ")));
  statements.push({
    kind: StructureKind.VariableStatement,
    isExported: true,
    declarationKind: VariableDeclarationKind.Const,
    docs: [`${op.action} as a command that any DmsTransport can send: its descriptor, serializer and deserializer.`],
    declarations: [
      {
        name: plan.command,
        type: `Command<${plan.inputType}, ${plan.outputType}>`,
        initializer: `/* @__PURE__ */ commandFor(${plan.descriptor})`,
      },
    ],
  });
  const anyRequired = op.parameters.some((p) => p.required);
  statements.push({
    kind: StructureKind.Function,
    name: plan.functionName,
    isExported: true,
    docs: [op.summary || op.description || `Calls ${op.action}.`],
    typeParameters: [{ name: "Options", constraint: "CallOptions" }],
    parameters: [
      { name: "transport", type: "DmsTransport<Options>" },
      { name: "input", type: plan.inputType, initializer: anyRequired ? undefined : "{}" },
      { name: "options", type: "Options", hasQuestionToken: true },
    ],
    returnType: `Promise<${plan.outputType}>`,
    statements: [`return transport.send(${plan.command}, input, options);`],
  });
  statements.push(...ctx.inlineStatements);

  const runtimeImports = [
    imp("../runtime/commandFor.js", ["commandFor"]),
    imp("../runtime/operation.js", ["CallOptions", "Command", "DmsTransport", "OperationDescriptor"], true),
  ];
  if (op.parameters.some((p) => p.wireType === "Long")) runtimeImports.push(imp("../runtime/int64.js", ["Int64Input"], true));
  return { kind: StructureKind.SourceFile, statements: [...ctx.imports(runtimeImports), ...statements] };
}

// A string statement prints as written; a multi-line initializer would get a hanging indent.
function descriptorText(ir: Ir, plan: OperationPlan, output: string): string {
  const op = plan.operation;
  const params = op.parameters.map((p) => `    { name: "${p.name}", wireType: "${p.wireType}", required: ${p.required} },`);
  return [
    `/** What ${op.action} is on the wire: action, version, methods, each parameter's type and the response schema. */`,
    `export const ${plan.descriptor}: OperationDescriptor = {`,
    `  product: "${ir.product}",`,
    `  action: "${op.action}",`,
    `  version: "${ir.version}",`,
    `  style: "RPC",`,
    `  methods: [${op.methods.map((m) => `"${m}"`).join(", ")}],`,
    `  pathname: "/",`,
    params.length > 0 ? `  parameters: [\n${params.join("\n")}\n  ],` : "  parameters: [],",
    `  output: ${output},`,
    "};",
  ].join("\n");
}
