import type { ObjectShape, Property, Shape } from "../ir.js";

/** What emitting shapes needs from the file being written: imports it records, types it adds. */
export interface ShapeContext {
  /** Records a runtime reader (e.g. `readInt64`) to import. */
  useReader(name: string): void;
  /** Records a model (its type and reader) to import. */
  useModel(name: string): void;
  /** Records that the Int64 type is used. */
  useInt64(): void;
  /** Adds a named interface and reader for an inline object; returns the type name. */
  addInlineObject(typeName: string, shape: ObjectShape): string;
}

const PRIMITIVE_READERS = { int64: "readInt64", int32: "readInt32", string: "readString", boolean: "readBoolean" } as const;

/**
 * The TypeScript type of a shape. Inline objects become named interfaces (`<Owner><Property>`), as
 * AWS SDK v3 names every structure: one-line types read better and print with even indentation.
 */
export function typeCode(shape: Shape, ctx: ShapeContext, nameIfObject: string): string {
  switch (shape.kind) {
    case "int64":
      ctx.useInt64();
      return "Int64";
    case "int32":
      return "number";
    case "string":
      return "string";
    case "boolean":
      return "boolean";
    case "ref":
      ctx.useModel(shape.name);
      return shape.name;
    case "array":
      return `${typeCode(shape.items, ctx, `${nameIfObject}Item`)}[]`;
    case "object":
      return ctx.addInlineObject(nameIfObject, shape);
  }
}

/** The name of a function `(value, path, key) => T` that reads a shape (after typeCode has named it). */
export function readerName(shape: Shape, ctx: ShapeContext, nameIfObject: string): string {
  switch (shape.kind) {
    case "ref":
      ctx.useModel(shape.name);
      return `read${shape.name}`;
    case "object":
      return `read${nameIfObject}`;
    case "array": {
      const item = readerName(shape.items, ctx, `${nameIfObject}Item`);
      ctx.useReader("readArray");
      return `(value: unknown, path: string, key: string | number) => readArray(value, path, key, ${item})`;
    }
    default: {
      const name = PRIMITIVE_READERS[shape.kind];
      ctx.useReader(name);
      return name;
    }
  }
}

/** The body of a reader for an object type: required checks, then one assignment per property. */
export function objectReaderBody(shape: ObjectShape, typeName: string, ctx: ShapeContext): string[] {
  ctx.useReader("readObject");
  ctx.useReader("childPath");
  const lines = ["const o = readObject(value, path, key);", "const here = childPath(path, key);"];
  const required = shape.properties.filter((p) => p.required);
  for (const p of required) {
    ctx.useReader("requireField");
    lines.push(`requireField(o.${p.name}, here, "${p.name}");`);
  }
  const call = (p: Property): string => {
    const nested = `${typeName}${p.name}`;
    if (p.shape.kind === "array") {
      ctx.useReader("readArray");
      return `readArray(o.${p.name}, here, "${p.name}", ${readerName(p.shape.items, ctx, `${nested}Item`)})`;
    }
    return `${readerName(p.shape, ctx, nested)}(o.${p.name}, here, "${p.name}")`;
  };
  const literal = required.map((p) => `${p.name}: ${call(p)}`).join(", ");
  lines.push(literal ? `const out: ${typeName} = { ${literal} };` : `const out: ${typeName} = {};`);
  for (const p of shape.properties.filter((q) => !q.required)) {
    lines.push(`if (o.${p.name} != null) out.${p.name} = ${call(p)};`);
  }
  lines.push("return out;");
  return lines;
}
