import { type ImportDeclarationStructure, type StatementStructures, StructureKind } from "ts-morph";
import type { ObjectShape } from "../ir.js";
import { docsOf } from "./docs.js";
import { objectReaderBody, type ShapeContext, typeCode } from "./shapeCode.js";

/**
 * Collects what one generated file needs while its code is being built: runtime and model imports,
 * and the named types and readers for inline objects. `dir` is how the file reaches the output root.
 */
export class FileContext implements ShapeContext {
  private readonly readers = new Set<string>();
  private readonly models = new Set<string>();
  private int64 = false;
  /** Interfaces and readers for inline objects, in the order they were met. */
  readonly inlineStatements: StatementStructures[] = [];

  constructor(
    private readonly dir: string,
    private readonly selfModel?: string,
  ) {}

  useReader(name: string): void {
    this.readers.add(name);
  }

  useModel(name: string): void {
    if (name !== this.selfModel) this.models.add(name);
  }

  useInt64(): void {
    this.int64 = true;
  }

  addInlineObject(typeName: string, shape: ObjectShape): string {
    this.inlineStatements.push(objectInterface(typeName, "", shape, this));
    this.inlineStatements.push(objectReader(typeName, shape, this, false));
    return typeName;
  }

  /** The import declarations this file needs, in a stable order. */
  imports(extra: ImportDeclarationStructure[] = []): ImportDeclarationStructure[] {
    const out: ImportDeclarationStructure[] = [...extra];
    if (this.int64) out.push(imp(`${this.dir}/runtime/int64.js`, ["Int64"], true));
    if (this.readers.size > 0) out.push(imp(`${this.dir}/runtime/readValue.js`, [...this.readers].sort()));
    for (const model of [...this.models].sort()) {
      out.push(imp(`${this.dir}/models/${model}.js`, [`type ${model}`, `read${model}`]));
    }
    return out.sort((a, b) => (a.moduleSpecifier < b.moduleSpecifier ? -1 : 1));
  }
}

/** An exported interface for an object shape, with TSDoc from the spec. */
export function objectInterface(name: string, description: string, shape: ObjectShape, ctx: ShapeContext): StatementStructures {
  return {
    kind: StructureKind.Interface,
    name,
    isExported: true,
    docs: docsOf(description || `Part of a response: ${name}.`),
    properties: shape.properties.map((p) => ({
      name: p.name,
      type: typeCode(p.shape, ctx, `${name}${p.name}`),
      hasQuestionToken: !p.required,
      docs: docsOf(p.description, p.example),
    })),
  };
}

/** A reader function for an object shape. */
export function objectReader(name: string, shape: ObjectShape, ctx: ShapeContext, exported: boolean): StatementStructures {
  return {
    kind: StructureKind.Function,
    name: `read${name}`,
    isExported: exported,
    docs: exported ? [`Reads a ${name} from parsed JSON; int64 values stay exact decimal strings.`] : [],
    parameters: [
      { name: "value", type: "unknown" },
      { name: "path", type: "string" },
      { name: "key", type: "string | number" },
    ],
    returnType: name,
    statements: objectReaderBody(shape, name, ctx),
  };
}

/** An import declaration structure. */
export function imp(from: string, names: string[], typeOnly = false): ImportDeclarationStructure {
  return { kind: StructureKind.ImportDeclaration, moduleSpecifier: from, namedImports: names, isTypeOnly: typeOnly };
}
