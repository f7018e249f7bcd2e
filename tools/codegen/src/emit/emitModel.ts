import { type SourceFileStructure, type StatementStructures, StructureKind } from "ts-morph";
import type { ModelPlan } from "../plan.js";
import { exportConst } from "./exportConst.js";
import { FileContext, imp, objectInterface } from "./fileContext.js";
import { schemaCode } from "./shapeCode.js";

/** A model file: the interface, its schema, and a typed reader that keeps int64 values exact. */
export function emitModel(plan: ModelPlan): SourceFileStructure {
  const { model } = plan;
  const ctx = new FileContext("..", model.name);
  const main: (StatementStructures | string)[] = [
    objectInterface(model.name, model.description, model.shape, ctx),
    exportConst(
      `The schema of ${model.name}: what readValue checks and keeps.`,
      `${model.name}Schema`,
      "StructureSchema",
      schemaCode(model.shape, ctx),
    ),
    {
      kind: StructureKind.Function,
      name: plan.reader,
      isExported: true,
      docs: [`Reads a ${model.name} from parsed JSON; int64 values stay exact decimal strings.`],
      parameters: [
        { name: "value", type: "unknown" },
        { name: "path", initializer: '""' },
        { name: "key", type: "string | number", initializer: '""' },
      ],
      returnType: model.name,
      statements: [`return readValue(${model.name}Schema, value, path, key) as ${model.name};`],
    },
  ];
  const runtime = [imp("../runtime/readValue.js", ["readValue"]), imp("../runtime/schema.js", ["StructureSchema"], true)];
  return { kind: StructureKind.SourceFile, statements: [...ctx.imports(runtime), ...main, ...ctx.inlineStatements] };
}
