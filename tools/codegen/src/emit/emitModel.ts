import { type SourceFileStructure, StructureKind } from "ts-morph";
import type { ModelPlan } from "../plan.js";
import { FileContext, objectInterface, objectReader } from "./fileContext.js";

/** A model file: the interface and a reader that keeps int64 values exact. */
export function emitModel(plan: ModelPlan): SourceFileStructure {
  const { model } = plan;
  const ctx = new FileContext("..", model.name);
  const main = [
    objectInterface(model.name, model.description, model.shape, ctx),
    objectReader(model.name, model.shape, ctx, true),
  ];
  return { kind: StructureKind.SourceFile, statements: [...ctx.imports(), ...main, ...ctx.inlineStatements] };
}
