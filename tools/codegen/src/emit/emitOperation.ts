import { type SourceFileStructure, type StatementStructures, StructureKind, VariableDeclarationKind } from "ts-morph";
import type { Ir, Parameter } from "../ir.js";
import type { OperationPlan } from "../plan.js";
import { docsOf } from "./docs.js";
import { FileContext, imp, objectInterface, objectReader } from "./fileContext.js";
import { readerName, typeCode } from "./shapeCode.js";

const WRITERS = { Long: "writeInt64", Integer: "writeInt32", String: "writeString", Boolean: "writeBoolean" } as const;
const INPUT_TYPES = { Long: "Int64Input", Integer: "number", String: "string", Boolean: "boolean" } as const;

/** An operation file: input/output types, descriptor, serializer, deserializer, command and function. */
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
  let readOutput: string;
  if (op.output.kind === "object") {
    statements.push(objectInterface(plan.outputType, outputDocs, op.output, ctx));
    statements.push(objectReader(plan.outputType, op.output, ctx, false));
    readOutput = `read${plan.outputType}`;
  } else {
    statements.push({
      kind: StructureKind.TypeAlias,
      name: plan.outputType,
      isExported: true,
      docs: [outputDocs],
      type: typeCode(op.output, ctx, plan.outputType),
    });
    readOutput = readerName(op.output, ctx, plan.outputType);
  }

  // A string statement prints as written; a multi-line initializer would get a hanging indent.
  statements.push(descriptorText(ir, plan));
  statements.push({
    kind: StructureKind.VariableStatement,
    declarationKind: VariableDeclarationKind.Const,
    declarations: [{ name: "INPUT_KEYS", initializer: `[${op.parameters.map((p) => `"${p.name}"`).join(", ")}] as const` }],
  });

  const writers = new Set<string>(["checkInputKeys"]);
  statements.push({
    kind: StructureKind.Function,
    name: plan.serializer,
    isExported: true,
    docs: [`Checks a ${op.action} input and turns it into wire parameters; throws DmsParameterError naming the parameter.`],
    parameters: [{ name: "input", type: plan.inputType }],
    returnType: "WireParameters",
    statements: serializerBody(op.action, op.parameters, writers),
  });
  statements.push({
    kind: StructureKind.Function,
    name: plan.deserializer,
    isExported: true,
    docs: [`Turns a ${op.action} response body into its typed output; int64 values stay exact decimal strings.`],
    parameters: [{ name: "body", type: "string" }],
    returnType: plan.outputType,
    statements: [`return ${readOutput}(parseJsonExact(body), "", "");`],
  });
  statements.push({
    kind: StructureKind.VariableStatement,
    isExported: true,
    declarationKind: VariableDeclarationKind.Const,
    docs: [`${op.action} as a command that any DmsTransport can send.`],
    declarations: [
      {
        name: plan.command,
        type: `Command<${plan.inputType}, ${plan.outputType}>`,
        initializer: `{ operation: ${plan.descriptor}, serialize: ${plan.serializer}, deserialize: ${plan.deserializer} }`,
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
    imp("../runtime/operation.js", ["CallOptions", "Command", "DmsTransport", "OperationDescriptor", "WireParameters"], true),
    imp("../runtime/parseJsonExact.js", ["parseJsonExact"]),
    imp("../runtime/writeParameter.js", [...writers].sort()),
  ];
  if (op.parameters.some((p) => p.wireType === "Long")) runtimeImports.push(imp("../runtime/int64.js", ["Int64Input"], true));
  return { kind: StructureKind.SourceFile, statements: [...ctx.imports(runtimeImports), ...statements] };
}

function serializerBody(action: string, parameters: readonly Parameter[], writers: Set<string>): string[] {
  const lines = [`const action = "${action}";`, "checkInputKeys(action, input, INPUT_KEYS);"];
  const required = parameters.filter((p) => p.required);
  if (required.length > 0) writers.add("requireParameter");
  for (const p of required) lines.push(`requireParameter(action, "${p.name}", input.${p.name});`);
  const write = (p: Parameter) => {
    writers.add(WRITERS[p.wireType]);
    return `${WRITERS[p.wireType]}(action, "${p.name}", input.${p.name})`;
  };
  lines.push(
    `const params: WireParameters = { ${required.map((p) => `${p.name}: ${write(p)}`).join(", ")} };`.replace("{  }", "{}"),
  );
  for (const p of parameters.filter((q) => !q.required)) {
    lines.push(`if (input.${p.name} != null) params.${p.name} = ${write(p)};`);
  }
  lines.push("return params;");
  return lines;
}

function descriptorText(ir: Ir, plan: OperationPlan): string {
  const op = plan.operation;
  const params = op.parameters.map(
    (p) =>
      `    { name: "${p.name}", wireType: "${p.wireType}", required: ${p.required}, description: ${JSON.stringify(p.description)} },`,
  );
  return [
    `/** What ${op.action} is on the wire: action, version, methods and each parameter's type. */`,
    `export const ${plan.descriptor}: OperationDescriptor = {`,
    `  product: "${ir.product}",`,
    `  action: "${op.action}",`,
    `  version: "${ir.version}",`,
    `  style: "RPC",`,
    `  methods: [${op.methods.map((m) => `"${m}"`).join(", ")}],`,
    `  pathname: "/",`,
    `  summary: ${JSON.stringify(op.summary)},`,
    params.length > 0 ? `  parameters: [\n${params.join("\n")}\n  ],` : "  parameters: [],",
    "};",
  ].join("\n");
}
