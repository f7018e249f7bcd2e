import type { ObjectShape, Shape } from "../ir.js";

/** Whether a type describes a response (int64 read as Int64) or an input (int64 given as Int64Input). */
export type TypeMode = "output" | "input";

/** What emitting shapes needs from the file being written: imports it records, types it adds. */
export interface ShapeContext {
  /** Records a model type to import. */
  useModelType(name: string): void;
  /** Records a model schema (`<Model>Schema`) to import. */
  useModelSchema(name: string): void;
  /** Records an enumeration type to import. */
  useEnumType(name: string): void;
  /** Records that an int64 type (Int64 or Int64Input) is used. */
  useInt64(type: "Int64" | "Int64Input"): void;
  /** Adds a named interface for an inline object; returns the type name. */
  addInlineObject(typeName: string, shape: ObjectShape, mode: TypeMode): string;
}

/**
 * The TypeScript type of a shape. Inline objects become named interfaces (`<Owner><Property>`), as
 * AWS SDK v3 names every structure: one-line types read better and print with even indentation.
 */
export function typeCode(shape: Shape, ctx: ShapeContext, nameIfObject: string, mode: TypeMode = "output"): string {
  switch (shape.kind) {
    case "int64": {
      const type = mode === "input" ? "Int64Input" : "Int64";
      ctx.useInt64(type);
      return type;
    }
    case "int32":
      return "number";
    case "string":
      return "string";
    case "boolean":
      return "boolean";
    case "enum":
      ctx.useEnumType(shape.name);
      return shape.name;
    case "ref":
      ctx.useModelType(shape.name);
      return shape.name;
    case "array":
      return `${typeCode(shape.items, ctx, `${nameIfObject}Item`, mode)}[]`;
    case "object":
      return ctx.addInlineObject(nameIfObject, shape, mode);
  }
}

/**
 * The schema of a shape as a TypeScript expression: a scalar name, `{ list: … }`, a model's
 * `<Model>Schema`, or an object literal printed over several lines at the given indentation.
 * An enumeration is its wire scalar: readers keep values the spec does not list.
 */
export function schemaCode(shape: Shape, ctx: ShapeContext, indent = ""): string {
  switch (shape.kind) {
    case "ref":
      ctx.useModelSchema(shape.name);
      return `${shape.name}Schema`;
    case "array":
      return `{ list: ${schemaCode(shape.items, ctx, indent)} }`;
    case "object":
      return structureCode(shape, ctx, indent);
    case "enum":
      return `"${shape.base}"`;
    default:
      return `"${shape.kind}"`;
  }
}

function structureCode(shape: ObjectShape, ctx: ShapeContext, indent: string): string {
  const inner = `${indent}    `;
  const members = shape.properties.map((p) => `${inner}${p.name}: ${schemaCode(p.shape, ctx, inner)},`);
  const required = shape.properties.filter((p) => p.required).map((p) => `"${p.name}"`);
  return [
    "{",
    members.length > 0 ? `${indent}  members: {\n${members.join("\n")}\n${indent}  },` : `${indent}  members: {},`,
    ...(required.length > 0 ? [`${indent}  required: [${required.join(", ")}],`] : []),
    `${indent}}`,
  ].join("\n");
}
