import { type SourceFileStructure, type StatementStructures, StructureKind } from "ts-morph";
import type { Ir, Parameter, ValueRules } from "../ir.js";
import type { OperationPlan } from "../plan.js";
import { docsOf } from "./docs.js";
import { exportConst } from "./exportConst.js";
import { FileContext, imp, objectInterface } from "./fileContext.js";
import { schemaCode, typeCode } from "./shapeCode.js";

const INPUT_TYPES = { Long: "Int64Input", Integer: "number", String: "string", Boolean: "boolean" } as const;

/** The input type of a parameter: its enumeration, its Json document's type, or its wire scalar. */
function inputType(action: string, p: Parameter, ctx: FileContext): string {
  if (p.shape !== undefined) return typeCode(p.shape, ctx, `${action}${p.name}`, "input");
  if (p.enumName !== undefined) {
    ctx.useEnumType(p.enumName);
    // `(string & {})` keeps editor completion of the known values while allowing others.
    return p.openEnum ? `${p.enumName} | (${p.wireType === "String" ? "string" : "number"} & {})` : p.enumName;
  }
  if (p.wireType === "Long") ctx.useInt64("Int64Input");
  return INPUT_TYPES[p.wireType as keyof typeof INPUT_TYPES];
}

/**
 * An operation file: input and output types, the descriptor (parameters and response schema as
 * data), the command that interprets it, and the thin function.
 */
export function emitOperation(ir: Ir, plan: OperationPlan): SourceFileStructure {
  const op = plan.operation;
  const ctx = new FileContext("..");
  const hasJson = op.parameters.some((p) => p.wireType === "Json");
  const statements: (StatementStructures | string)[] = [];

  statements.push({
    kind: StructureKind.Interface,
    name: plan.inputType,
    isExported: true,
    docs: [`Input of ${op.action}: ${op.summary || op.description}`],
    properties: op.parameters.map((p) => ({
      name: p.name,
      type: inputType(op.action, p, ctx),
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

  statements.push(descriptorText(ir, plan, schemaCode(op.output, ctx, "  "), ctx));
  statements.push(
    exportConst(
      `${op.action} as a command that any DmsTransport can send: its descriptor, serializer and deserializer.`,
      plan.command,
      `Command<${plan.inputType}, ${plan.outputType}>`,
      `/* @__PURE__ */ commandFor(${plan.descriptor}${hasJson ? ", writeJsonParameters" : ""})`,
    ),
  );
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
  if (op.pagination !== undefined) statements.push(...paginatorStatements(plan));
  statements.push(...ctx.inlineStatements);

  const runtimeImports = [
    imp("../runtime/commandFor.js", ["commandFor"]),
    imp("../runtime/operation.js", ["CallOptions", "Command", "DmsTransport", "OperationDescriptor"], true),
  ];
  if (hasJson) runtimeImports.push(imp("../runtime/jsonParameters.js", ["writeJsonParameters"]));
  if (op.pagination !== undefined) {
    runtimeImports.push(imp("../runtime/paginate.js", ["paginate", "type PaginatorInput"]));
  }
  return { kind: StructureKind.SourceFile, statements: [...ctx.imports(runtimeImports), ...statements] };
}

/** `paginate<Action>`: the operation's pages as an async iterator, over the shared runtime paginator. */
function paginatorStatements(plan: OperationPlan): (StatementStructures | string)[] {
  const op = plan.operation;
  const paging = op.pagination!;
  const inputType = `PaginatorInput<${plan.inputType}, "${paging.pageParameter}", "${paging.sizeParameter}">`;
  return [
    {
      kind: StructureKind.Function,
      name: `paginate${op.action}`,
      isExported: true,
      docs: [
        `Every page of ${op.action}, fetched as the caller iterates (${paging.pageParameter} from 1 unless given, ${paging.sizeParameter} 100 unless given).`,
      ],
      typeParameters: [{ name: "Options", constraint: "CallOptions" }],
      parameters: [
        { name: "transport", type: "DmsTransport<Options>" },
        {
          name: "input",
          type: inputType,
          initializer: op.parameters.some((p) => p.required && p.name !== paging.pageParameter && p.name !== paging.sizeParameter)
            ? undefined
            : "{}",
        },
        { name: "options", type: "Options", hasQuestionToken: true },
      ],
      returnType: `AsyncGenerator<${plan.outputType}, void, undefined>`,
      statements: [`return paginate(transport, ${plan.command}, ${paginationCode(paging)}, input, options);`],
    },
  ];
}

/** A pagination as a one-line object literal: `{ pageParameter: "PageIndex", ..., items: ["A", "B"] }`. */
function paginationCode(paging: NonNullable<OperationPlan["operation"]["pagination"]>): string {
  const path = (names: readonly string[]) => `[${names.map((n) => `"${n}"`).join(", ")}]`;
  return `{ pageParameter: "${paging.pageParameter}", sizeParameter: "${paging.sizeParameter}", items: ${path(paging.items)}${paging.total ? `, total: ${path(paging.total)}` : ""} }`;
}

/** Value rules as a one-line object literal: `{ minimum: 1, enum: [0, 1] }`. */
function rulesCode(rules: ValueRules): string {
  const members = Object.entries(rules).map(
    ([key, value]) =>
      `${key}: ${Array.isArray(value) ? `[${value.map((v) => JSON.stringify(v)).join(", ")}]` : JSON.stringify(value)}`,
  );
  return `{ ${members.join(", ")} }`;
}

/** The descriptor: the operation on the wire as data. */
function descriptorText(ir: Ir, plan: OperationPlan, output: string, ctx: FileContext): string {
  const op = plan.operation;
  const params = op.parameters.map((p) => {
    const extra = [
      ...(p.position === "Body" ? ['position: "Body"'] : []),
      ...(p.enumName !== undefined ? [`enumeration: "${p.enumName}"`] : []),
      ...(Object.keys(p.rules).length > 0 ? [`rules: ${rulesCode(p.rules)}`] : []),
      ...(p.shape !== undefined ? [`schema: ${schemaCode(p.shape, ctx, "    ")}`] : []),
    ];
    return `    { name: "${p.name}", wireType: "${p.wireType}", required: ${p.required}${extra.map((e) => `, ${e}`).join("")} },`;
  });
  const members = [
    `  product: "${ir.product}",`,
    `  action: "${op.action}",`,
    `  version: "${ir.version}",`,
    `  style: "RPC",`,
    `  methods: [${op.methods.map((m) => `"${m}"`).join(", ")}],`,
    `  pathname: "/",`,
    `  readOnly: ${op.readOnly},`,
    ...(op.pagination ? [`  pagination: ${paginationCode(op.pagination)},`] : []),
    params.length > 0 ? `  parameters: [\n${params.join("\n")}\n  ],` : "  parameters: [],",
    `  output: ${output},`,
  ];
  return exportConst(
    `What ${op.action} is on the wire: action, version, methods, each parameter's type and the response schema.`,
    plan.descriptor,
    "OperationDescriptor",
    `{\n${members.join("\n")}\n}`,
  );
}
