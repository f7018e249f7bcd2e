/** The intermediate representation: what the emitter needs, with every $ref and allOf resolved away. */

/** The shape of a value in a response. */
export type Shape =
  | { readonly kind: "int64" | "int32" | "string" | "boolean" }
  | { readonly kind: "array"; readonly items: Shape }
  | ObjectShape
  | { readonly kind: "ref"; readonly name: string };

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

/** A request parameter's type on the wire. */
export type WireType = "Long" | "Integer" | "String" | "Boolean";

/** One request parameter. */
export interface Parameter {
  readonly name: string;
  readonly wireType: WireType;
  readonly required: boolean;
  readonly description: string;
  readonly example?: string;
}

/** One RPC operation. */
export interface Operation {
  readonly action: string;
  readonly methods: readonly ("GET" | "POST")[];
  readonly summary: string;
  readonly description: string;
  readonly parameters: readonly Parameter[];
  /** The successful response body: a model reference or an inline object. */
  readonly output: Shape;
}

/** A named object schema from `components.schemas`. */
export interface Model {
  readonly name: string;
  readonly description: string;
  readonly shape: ObjectShape;
}

/** Everything the generator knows about one spec. */
export interface Ir {
  /** The spec file, relative to the repository root, for generated headers. */
  readonly specFile: string;
  readonly product: string;
  readonly version: string;
  readonly operations: readonly Operation[];
  readonly models: readonly Model[];
}
