/** The intermediate representation: what the emitter needs, with every $ref and allOf resolved away. */

import type { ValueRules, WireType } from "../templates/runtime/operation.js";
import type { ScalarSchema } from "../templates/runtime/schema.js";

// The wire types and value rules are declared once, in the runtime every generated client carries.
export type { ValueRules, WireType };

/** A scalar's type in a response or inside a Json parameter: the runtime's scalar schema. */
export type ScalarKind = ScalarSchema;

/** The shape of a value in a response or inside a Json parameter. */
export type Shape =
  | { readonly kind: ScalarKind }
  | { readonly kind: "array"; readonly items: Shape }
  | ObjectShape
  | { readonly kind: "ref"; readonly name: string }
  | EnumRefShape;

/** A value of a named enumeration (a component schema with `enum`). */
export interface EnumRefShape {
  readonly kind: "enum";
  /** The enumeration's name, e.g. `InstanceStatus`. */
  readonly name: string;
  /** Its wire scalar. */
  readonly base: Exclude<ScalarKind, "boolean">;
}

/** An object with named properties. */
export interface ObjectShape {
  readonly kind: "object";
  readonly properties: readonly Property[];
}

/** One property of an object in a response. */
export interface Property {
  readonly name: string;
  readonly shape: Shape;
  readonly required: boolean;
  readonly description: string;
  readonly example?: string;
}

/** Where a parameter travels: the query (the default) or the form body. */
export type Position = "Query" | "Body";

/** One request parameter. */
export interface Parameter {
  readonly name: string;
  readonly wireType: WireType;
  readonly position: Position;
  readonly required: boolean;
  readonly description: string;
  readonly example?: string;
  readonly rules: ValueRules;
  /** The enumeration its values come from, if any. */
  readonly enumName?: string;
  /** Whether that enumeration is open (`x-dmsflow-open-enum`: the list is incomplete, other values allowed). */
  readonly openEnum?: boolean;
  /** For Json parameters: the shape of the document. */
  readonly shape?: Shape;
}

/** How a paged operation pages: parameter names and dotted paths into the response. */
export interface Pagination {
  readonly pageParameter: string;
  readonly sizeParameter: string;
  readonly items: readonly string[];
  readonly total?: readonly string[];
}

/** One RPC operation. */
export interface Operation {
  readonly action: string;
  readonly methods: readonly ("GET" | "POST")[];
  readonly summary: string;
  readonly description: string;
  /** Whether it only reads (`x-dmsflow-readonly: true`); absent in the spec means it may change state. */
  readonly readOnly: boolean;
  readonly parameters: readonly Parameter[];
  /** The successful response body: a model reference or an inline object. */
  readonly output: Shape;
  readonly pagination?: Pagination;
}

/** A named object schema from `components.schemas`. */
export interface Model {
  readonly name: string;
  readonly description: string;
  readonly shape: ObjectShape;
}

/** One member of an enumeration. */
export interface EnumMember {
  readonly value: string | number;
  /** The identifier (`x-enum-varnames`), e.g. `suspended`. */
  readonly varName: string;
  /** A few words (`x-enum-descriptions`), e.g. `waiting to be scheduled`. */
  readonly description: string;
  /** The integer code the API uses for this name elsewhere (`x-dmsflow-enum-codes`), when one is documented. */
  readonly code?: number;
}

/** A named enumeration from `components.schemas` (a scalar schema with `enum`). */
export interface Enumeration {
  readonly name: string;
  readonly description: string;
  readonly base: Exclude<ScalarKind, "boolean">;
  readonly members: readonly EnumMember[];
}

/** One error code the API (or the emulator) answers with, from `x-dmsflow-error-codes`. */
export interface ErrorCodeEntry {
  readonly code: string;
  readonly kind: "business" | "gateway";
  readonly httpStatus: number;
  readonly message: string;
  readonly meaning: string;
  readonly documented: boolean;
  readonly source?: string;
}

/** Everything the generator knows about one spec. */
export interface Ir {
  /** The spec file, relative to the repository root, for generated headers. */
  readonly specFile: string;
  readonly product: string;
  readonly version: string;
  readonly operations: readonly Operation[];
  readonly models: readonly Model[];
  readonly enums: readonly Enumeration[];
  readonly errorCodes: readonly ErrorCodeEntry[];
}
