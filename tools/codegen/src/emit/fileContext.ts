import { type ImportDeclarationStructure, type StatementStructures, StructureKind } from "ts-morph";
import type { ObjectShape } from "../ir.js";
import { docsOf } from "./docs.js";
import { type ShapeContext, type TypeMode, typeCode } from "./shapeCode.js";

/**
 * Collects what one generated file needs while its code is being built: runtime and model imports,
 * and the named types for inline objects. `dir` is how the file reaches the output root.
 */
export class FileContext implements ShapeContext {
  private readonly modelTypes = new Set<string>();
  private readonly modelSchemas = new Set<string>();
  private readonly enumTypes = new Set<string>();
  private readonly int64Types = new Set<string>();
  /** Interfaces for inline objects, in the order they were met. */
  readonly inlineStatements: StatementStructures[] = [];

  constructor(
    private readonly dir: string,
    private readonly selfModel?: string,
  ) {}

  useModelType(name: string): void {
    if (name !== this.selfModel) this.modelTypes.add(name);
  }

  useModelSchema(name: string): void {
    if (name !== this.selfModel) this.modelSchemas.add(name);
  }

  useEnumType(name: string): void {
    this.enumTypes.add(name);
  }

  useInt64(type: "Int64" | "Int64Input"): void {
    this.int64Types.add(type);
  }

  addInlineObject(typeName: string, shape: ObjectShape, mode: TypeMode): string {
    this.inlineStatements.push(objectInterface(typeName, "", shape, this, mode));
    return typeName;
  }

  /** The import declarations this file needs, in a stable order. */
  imports(extra: ImportDeclarationStructure[] = []): ImportDeclarationStructure[] {
    const out: ImportDeclarationStructure[] = [...extra];
    if (this.int64Types.size > 0) out.push(imp(`${this.dir}/runtime/int64.js`, [...this.int64Types].sort(), true));
    for (const name of [...this.enumTypes].sort()) out.push(imp(`${this.dir}/enums/${name}.js`, [name], true));
    for (const model of [...new Set([...this.modelTypes, ...this.modelSchemas])].sort()) {
      const names = [
        ...(this.modelTypes.has(model) ? [`type ${model}`] : []),
        ...(this.modelSchemas.has(model) ? [`${model}Schema`] : []),
      ];
      // A type-only import must say so, or the module would be loaded for nothing.
      const typeOnly = !this.modelSchemas.has(model);
      out.push(imp(`${this.dir}/models/${model}.js`, typeOnly ? [model] : names, typeOnly));
    }
    return out.sort((a, b) => (a.moduleSpecifier < b.moduleSpecifier ? -1 : 1));
  }
}

/** An exported interface for an object shape, with TSDoc from the spec. */
export function objectInterface(
  name: string,
  description: string,
  shape: ObjectShape,
  ctx: ShapeContext,
  mode: TypeMode = "output",
): StatementStructures {
  return {
    kind: StructureKind.Interface,
    name,
    isExported: true,
    docs: docsOf(description || `Part of ${mode === "input" ? "an input" : "a response"}: ${name}.`),
    properties: shape.properties.map((p) => ({
      name: p.name,
      type: typeCode(p.shape, ctx, `${name}${p.name}`, mode),
      hasQuestionToken: !p.required,
      docs: docsOf(p.description, p.example),
    })),
  };
}

/** An import declaration structure. */
export function imp(from: string, names: string[], typeOnly = false): ImportDeclarationStructure {
  return { kind: StructureKind.ImportDeclaration, moduleSpecifier: from, namedImports: names, isTypeOnly: typeOnly };
}
