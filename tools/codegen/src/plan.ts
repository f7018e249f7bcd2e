import type { Enumeration, Ir, Model, Operation } from "./ir.js";

/** Names of everything generated for one operation. */
export interface OperationPlan {
  readonly operation: Operation;
  /** Module path under the output folder, without extension, e.g. `operations/resumeTaskFlowInstance`. */
  readonly module: string;
  readonly functionName: string;
  readonly inputType: string;
  readonly outputType: string;
  readonly descriptor: string;
  readonly command: string;
}

/** Names of everything generated for one model. */
export interface ModelPlan {
  readonly model: Model;
  readonly module: string;
  readonly typeName: string;
  readonly reader: string;
}

/** Names of everything generated for one enumeration. */
export interface EnumPlan {
  readonly enumeration: Enumeration;
  readonly module: string;
}

/** Every file to generate and the names inside, decided before anything is emitted. */
export interface Plan {
  readonly ir: Ir;
  readonly operations: readonly OperationPlan[];
  readonly models: readonly ModelPlan[];
  readonly enums: readonly EnumPlan[];
}

/** Decides file paths and identifiers; sorting makes the output independent of spec order. */
export function planFiles(ir: Ir): Plan {
  const operations = [...ir.operations]
    .sort((a, b) => compare(a.action, b.action))
    .map((operation): OperationPlan => {
      const a = operation.action;
      const fn = lowerCamel(a);
      return {
        operation,
        module: `operations/${fn}`,
        functionName: fn,
        inputType: `${a}Input`,
        outputType: `${a}Output`,
        descriptor: `${a}Operation`,
        command: `${a}Command`,
      };
    });
  const models = [...ir.models]
    .sort((a, b) => compare(a.name, b.name))
    .map((model): ModelPlan => ({ model, module: `models/${model.name}`, typeName: model.name, reader: `read${model.name}` }));
  const enums = [...ir.enums]
    .sort((a, b) => compare(a.name, b.name))
    .map((enumeration): EnumPlan => ({ enumeration, module: `enums/${enumeration.name}` }));
  return { ir, operations, models, enums };
}

/** `ListDAGVersions` -> `listDAGVersions`, `ReRunTaskFlowInstance` -> `reRunTaskFlowInstance`. */
export function lowerCamel(action: string): string {
  return action.charAt(0).toLowerCase() + action.slice(1);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
