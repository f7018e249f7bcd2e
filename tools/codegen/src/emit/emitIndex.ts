import { type SourceFileStructure, StructureKind } from "ts-morph";
import type { Plan } from "../plan.js";
import { exportConst } from "./exportConst.js";
import { imp } from "./fileContext.js";

// Runtime pieces that are part of the public surface; the readers and writers stay internal.
const PUBLIC_RUNTIME = [
  { from: "./runtime/int64.js", values: ["toInt64String"], types: ["Int64", "Int64Input"] },
  { from: "./runtime/enumeration.js", values: ["enumKeyOf"], types: [] },
  { from: "./runtime/paginate.js", values: ["DEFAULT_PAGE_SIZE", "paginate"], types: ["Pagination", "PaginatorInput"] },
  { from: "./runtime/writeValue.js", values: ["SchemaMismatch", "writeValue"], types: [] },
  { from: "./runtime/parameterError.js", values: ["DmsParameterError"], types: [] },
  { from: "./runtime/responseError.js", values: ["DmsResponseFormatError"], types: [] },
  { from: "./runtime/parseJsonExact.js", values: ["parseJsonExact"], types: [] },
  {
    from: "./runtime/operation.js",
    values: [],
    types: [
      "CallOptions",
      "Command",
      "DmsTransport",
      "OperationDescriptor",
      "OperationDocs",
      "ParameterDescriptor",
      "ValueRules",
      "WireParameters",
      "WireType",
    ],
  },
  { from: "./runtime/schema.js", values: [], types: ["ListSchema", "ScalarSchema", "Schema", "StructureSchema"] },
  { from: "./runtime/decodeParameters.js", values: ["decodeParameters"], types: ["DecodeResult", "DecodedValue"] },
  // Public so that a tool can check one value by the spec's rules before building a whole input (the CLI's flags).
  { from: "./runtime/valueRules.js", values: ["breaksRules"], types: [] },
];

/** The index: re-exports every operation, model and the public runtime pieces. */
export function emitIndex(plan: Plan): SourceFileStructure {
  const statements: SourceFileStructure["statements"] = [];
  const add = (from: string, values: string[], types: string[]) => {
    if (values.length > 0)
      statements.push({ kind: StructureKind.ExportDeclaration, moduleSpecifier: from, namedExports: values });
    if (types.length > 0) {
      statements.push({ kind: StructureKind.ExportDeclaration, moduleSpecifier: from, namedExports: types, isTypeOnly: true });
    }
  };
  for (const r of PUBLIC_RUNTIME) add(r.from, r.values, r.types);
  // Whole modules: every type a signature mentions (inline response parts too) must be reachable.
  for (const m of [...plan.enums, ...plan.models, ...plan.operations]) {
    statements.push({ kind: StructureKind.ExportDeclaration, moduleSpecifier: `./${m.module}.js` });
  }
  add("./operationTable.js", ["operationTable"], ["ActionName"]);
  add("./operationDocs.js", ["operationDocs"], []);
  if (plan.enums.length > 0) add("./enumerations.js", ["enumerations"], ["EnumerationName"]);
  if (plan.ir.errorCodes.length > 0) add("./errorCodes.js", ["errorCodes"], ["ErrorCode", "ErrorCodeInfo"]);
  add("./DmsOperations.js", ["DmsOperations"], []);
  return { kind: StructureKind.SourceFile, statements };
}

/** The table of every operation by action name, for the CLI's `call` and the emulator. */
export function emitOperationTable(plan: Plan): SourceFileStructure {
  return {
    kind: StructureKind.SourceFile,
    statements: [
      ...plan.operations.map((o) => imp(`./${o.module}.js`, [o.command])),
      exportConst(
        "Every operation in the spec, by action name: its descriptor, serializer and deserializer.",
        "operationTable",
        undefined,
        `{\n${plan.operations.map((o) => `  ${o.operation.action}: ${o.command},\n`).join("")}} as const`,
      ),
      {
        kind: StructureKind.TypeAlias,
        isExported: true,
        name: "ActionName",
        docs: ["The name of an action in the operation table."],
        type: "keyof typeof operationTable",
      },
    ],
  };
}
