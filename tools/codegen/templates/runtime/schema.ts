/** A scalar in a response: `int64` is read as an exact decimal string, `int32` as a number. */
export type ScalarSchema = "int64" | "int32" | "string" | "boolean";

/** A JSON array whose items all have one schema. */
export interface ListSchema {
  /** The schema of each item. */
  readonly list: Schema;
}

/** A JSON object: the schema of each member the spec names, and the members it requires. */
export interface StructureSchema {
  /** Each member's schema, by wire name, in spec order. */
  readonly members: { readonly [name: string]: Schema };
  /** Members that must be present; omitted when none are. */
  readonly required?: readonly string[];
}

/**
 * What the spec says a response value looks like. Generated code describes responses as data and
 * one reader interprets it, as smithy-typescript's schema-based serde does: a new operation adds a
 * table, not another reader function, which keeps bundles small.
 */
export type Schema = ScalarSchema | ListSchema | StructureSchema;
