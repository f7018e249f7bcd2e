import type { Enumeration, Model, ObjectShape, Property, ScalarKind, Shape } from "./ir.js";
import { readEnumeration } from "./readDomain.js";
import { isObject, type Resolved } from "./resolveRef.js";
import { specPath } from "./specError.js";
import type { SpecReader } from "./specReader.js";
import { exampleOf, text } from "./specText.js";

const SCHEMA_NAME = /^[A-Z][A-Za-z0-9]*$/;
const PROPERTY_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const EMPTY: ObjectShape = { kind: "object", properties: [] };

/**
 * Reads schemas into shapes and reports what the generator cannot express: the component schemas
 * (each read once, on first use, so an allOf part can inline a model) and every value schema of a
 * response or a Json parameter. Refs to component schemas stay named; everything else is inlined.
 */
export class ShapeReader {
  /** A component model's shape; null while it is being read (an allOf cycle, reported separately). */
  private readonly models = new Map<string, ObjectShape | null>();

  constructor(
    private readonly spec: SpecReader,
    private readonly schemas: Record<string, unknown>,
  ) {}

  /** Reads every component schema in spec order into models and enumerations. */
  components(): { models: Model[]; enums: Enumeration[] } {
    const models: Model[] = [];
    const enums: Enumeration[] = [];
    for (const name of Object.keys(this.schemas)) this.spec.edges.set(name, new Set());
    for (const [name, schema] of Object.entries(this.schemas)) {
      const path = specPath("components.schemas", name);
      if (!SCHEMA_NAME.test(name)) this.spec.report(path, "schema names must be PascalCase identifiers.");
      if (isObject(schema) && Array.isArray(schema.enum)) {
        enums.push(readEnumeration(name, schema, path, this.spec.report));
      } else {
        models.push({ name, description: text(isObject(schema) ? schema.description : undefined), shape: this.model(name) });
      }
    }
    return { models, enums };
  }

  /** A component model's object shape, read the first time it is asked for. */
  model(name: string): ObjectShape {
    const known = this.models.get(name);
    if (known) return known;
    if (known === null) return EMPTY;
    this.models.set(name, null);
    const path = specPath("components.schemas", name);
    const shape = this.spec.inComponent(name, () => {
      const read = this.value(this.schemas[name], path);
      return read?.kind === "object" ? read : EMPTY;
    });
    this.models.set(name, shape);
    return shape;
  }

  /** Reads the value schema at `path` (following its `$ref`). */
  value(raw: unknown, path: string): Shape | undefined {
    const resolved = this.spec.resolve(raw, path);
    return resolved && this.resolved(resolved);
  }

  /** The shape of a schema already resolved: a named component, an object, a list or a scalar. */
  resolved({ value: schema, path, schemaName }: Resolved): Shape | undefined {
    if (schemaName !== undefined) return named(schemaName, schema);
    if (!isObject(schema)) {
      this.spec.report(path, "must be a schema object.");
      return undefined;
    }
    if (schema.allOf !== undefined || schema.type === "object") return this.object(schema, path);
    switch (schema.type) {
      case "array": {
        if (schema.items === undefined) {
          this.spec.report(path, "an array needs items.");
          return undefined;
        }
        const items = this.value(schema.items, specPath(path, "items"));
        return items && { kind: "array", items };
      }
      case "integer":
        if (schema.format !== "int32" && schema.format !== "int64") {
          this.spec.report(
            specPath(path, "format"),
            `unsupported format ${JSON.stringify(schema.format)} for an integer; use int32 or int64.`,
          );
        }
        return { kind: integerKind(schema) };
      case "string":
      case "boolean":
        return { kind: schema.type };
      default:
        this.spec.report(
          specPath(path, "type"),
          `unsupported type ${JSON.stringify(schema.type)}; use object, array, integer, string or boolean.`,
        );
        return undefined;
    }
  }

  /** An object: its allOf parts merged in order, then its own properties (a later one replaces an earlier). */
  private object(schema: Record<string, unknown>, path: string): ObjectShape | undefined {
    const properties = new Map<string, Property>();
    if (schema.allOf !== undefined) {
      if (!Array.isArray(schema.allOf)) {
        this.spec.report(specPath(path, "allOf"), "must be a list.");
        return undefined;
      }
      for (const [i, part] of schema.allOf.entries()) {
        const at = specPath(specPath(path, "allOf"), i);
        const r = this.spec.resolve(part, at);
        if (r === undefined) continue;
        if (!isObject(r.value) || r.value.type !== "object") {
          this.spec.report(at, "allOf parts must be object schemas.");
          continue;
        }
        const shape = r.schemaName !== undefined ? this.model(r.schemaName) : this.object(r.value, r.path);
        for (const p of shape?.properties ?? []) properties.set(p.name, p);
      }
    }
    const props = schema.properties ?? {};
    if (!isObject(props)) {
      this.spec.report(specPath(path, "properties"), "must be an object.");
      return undefined;
    }
    const required = new Set(Array.isArray(schema.required) ? schema.required : []);
    for (const [name, prop] of Object.entries(props)) {
      const property = this.property(name, prop, specPath(specPath(path, "properties"), name), required.has(name));
      if (property) properties.set(name, property);
    }
    this.checkRequired(schema.required, props, specPath(path, "required"));
    return { kind: "object", properties: [...properties.values()] };
  }

  private property(name: string, prop: unknown, path: string, required: boolean): Property | undefined {
    if (!PROPERTY_NAME.test(name)) this.spec.report(path, "property names must be identifiers.");
    const resolved = this.spec.resolve(prop, path);
    const shape = resolved && this.resolved(resolved);
    if (resolved === undefined || shape === undefined) return undefined;
    const target = isObject(resolved.value) ? resolved.value : {};
    // A description beside a $ref (allowed in 3.1) describes this use of the referenced schema.
    const own = isObject(prop) && typeof prop.description === "string" ? prop.description : target.description;
    return {
      name,
      shape,
      required,
      description: text(own),
      example: exampleOf(isObject(prop) && prop.examples !== undefined ? prop : target),
    };
  }

  private checkRequired(list: unknown, props: Record<string, unknown>, path: string): void {
    if (list === undefined) return;
    if (!Array.isArray(list)) {
      this.spec.report(path, "must be a list.");
      return;
    }
    for (const name of list) {
      if (typeof name !== "string" || !Object.hasOwn(props, name)) {
        this.spec.report(path, `names ${JSON.stringify(name)}, which is not a property.`);
      }
    }
  }
}

/** A ref to a component schema: an enumeration's values, or a model by name. */
function named(name: string, target: unknown): Shape {
  if (isObject(target) && Array.isArray(target.enum) && target.type !== "object") {
    return { kind: "enum", name, base: target.type === "integer" ? integerKind(target) : "string" };
  }
  return { kind: "ref", name };
}

/** An integer's scalar: int64 only when the spec says so (validation refuses other formats). */
export function integerKind(schema: Record<string, unknown>): Extract<ScalarKind, "int32" | "int64"> {
  return schema.format === "int64" ? "int64" : "int32";
}
