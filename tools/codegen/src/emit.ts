import { IndentationText, Project, type SourceFileStructure } from "ts-morph";
import { emitEnum, emitEnumerationTable, emitErrorCodes } from "./emit/emitDomain.js";
import { emitIndex, emitOperationTable } from "./emit/emitIndex.js";
import { emitModel } from "./emit/emitModel.js";
import { emitOperation } from "./emit/emitOperation.js";
import { emitOperationDocs } from "./emit/emitOperationDocs.js";
import { emitOperationsClass } from "./emit/emitOperations.js";
import { generatedHeader } from "./emit/header.js";
import type { Plan } from "./plan.js";

/** Generated files: path relative to the output folder, to full text. */
export type GeneratedFiles = Map<string, string>;

/**
 * Prints every planned file with ts-morph. The project lives in memory and loads no lib files:
 * nothing is type-checked here (the client's own typecheck does that), which keeps emit fast.
 */
export function emitFiles(plan: Plan, runtimeTemplates: ReadonlyMap<string, string>): GeneratedFiles {
  const project = new Project({
    useInMemoryFileSystem: true,
    compilerOptions: { noLib: true, types: [] },
    manipulationSettings: { useTrailingCommas: true, indentationText: IndentationText.TwoSpaces },
  });
  const header = generatedHeader(plan.ir.specFile);
  const files: GeneratedFiles = new Map();
  const print = (path: string, structure: SourceFileStructure) => {
    const file = project.createSourceFile(`/out/${path}`, structure);
    files.set(path, header + file.getFullText());
  };
  for (const [path, text] of runtimeTemplates) files.set(path, generatedHeader(plan.ir.specFile, path) + text);
  for (const enumeration of plan.enums) print(`${enumeration.module}.ts`, emitEnum(enumeration));
  for (const model of plan.models) print(`${model.module}.ts`, emitModel(model));
  for (const operation of plan.operations) print(`${operation.module}.ts`, emitOperation(plan.ir, operation));
  print("operationTable.ts", emitOperationTable(plan));
  print("operationDocs.ts", emitOperationDocs(plan));
  if (plan.enums.length > 0) print("enumerations.ts", emitEnumerationTable(plan));
  if (plan.ir.errorCodes.length > 0) print("errorCodes.ts", emitErrorCodes(plan.ir));
  print("DmsOperations.ts", emitOperationsClass(plan));
  print("index.ts", emitIndex(plan));
  return files;
}
