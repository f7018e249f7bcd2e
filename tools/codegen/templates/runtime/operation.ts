import type { Schema } from "./schema.js";

/** A parameter's type on the wire, as the Alibaba Cloud API metadata names it; Json is one JSON document as text. */
export type WireType = "Long" | "Integer" | "String" | "Boolean" | "Json";

/** The value rules the spec declares for a parameter, checked on both sides of the wire. */
export interface ValueRules {
  /** The smallest allowed number (Long and Integer). */
  readonly minimum?: number;
  /** The largest allowed number (Long and Integer). */
  readonly maximum?: number;
  /** The shortest allowed text (String). */
  readonly minLength?: number;
  /** The longest allowed text (String). */
  readonly maxLength?: number;
  /** A regular expression the whole text must match (String). */
  readonly pattern?: string;
  /** The allowed values. */
  readonly enum?: readonly (string | number)[];
}

/** How a paged operation pages: its page-number and page-size parameters, and where items and total are. */
export interface Pagination {
  /** The 1-based page-number parameter, e.g. `PageIndex`. */
  readonly pageParameter: string;
  /** The page-size parameter, e.g. `PageSize`. */
  readonly sizeParameter: string;
  /** The member names leading to the item list, e.g. `["DAGInstanceList", "DAGInstance"]`. */
  readonly items: readonly string[];
  /** The member names leading to the total count, when the response has one. */
  readonly total?: readonly string[];
}

/** What the generator knows about one request parameter. */
export interface ParameterDescriptor {
  /** The wire name, e.g. `DagInstanceId`. */
  readonly name: string;
  /** The wire type: Long is int64, Integer int32. */
  readonly wireType: WireType;
  /** Whether the API refuses a request without it. */
  readonly required: boolean;
  /** Where it travels when not in the query: the form body. */
  readonly position?: "Body";
  /** The value rules it must meet. */
  readonly rules?: ValueRules;
  /**
   * The enumeration its values come from (a key of `enumerations`); when `rules.enum` is absent the
   * enumeration is open: it names the known values and others are allowed.
   */
  readonly enumeration?: string;
  /** For a Json parameter: the schema of the document. */
  readonly schema?: Schema;
}

/** What the generator knows about one RPC operation: everything needed to call it, and no prose. */
export interface OperationDescriptor {
  /** The product code, e.g. `dms-enterprise`. */
  readonly product: string;
  /** The action name, e.g. `ResumeTaskFlowInstance`. */
  readonly action: string;
  /** The API version, e.g. `2018-11-01`. */
  readonly version: string;
  /** The API style; always RPC here. */
  readonly style: "RPC";
  /** The HTTP methods the API accepts for this action. */
  readonly methods: readonly ("GET" | "POST")[];
  /** The path every request goes to. */
  readonly pathname: string;
  /** Whether the operation only reads: the spec marks it `x-dmsflow-readonly`; otherwise it may change state. */
  readonly readOnly: boolean;
  /** How it pages, when the spec marks it paged (`x-dmsflow-pagination`); generic tools (`dmsflow call --pager`) read it. */
  readonly pagination?: Pagination;
  /** The request parameters, in spec order. */
  readonly parameters: readonly ParameterDescriptor[];
  /** The schema of a successful response body. */
  readonly output: Schema;
}

/** An operation's documentation from the spec, kept apart from its descriptor so calls do not carry it. */
export interface OperationDocs {
  /** The one-line summary. */
  readonly summary: string;
  /** Each parameter's description, by wire name. */
  readonly parameters: { readonly [name: string]: string };
}

/** Request parameters as they go on the wire: wire name to text (the body ones too; see ParameterDescriptor.position). */
export type WireParameters = Record<string, string>;

/** Everything a transport needs to run one operation: its descriptor, serializer and deserializer. */
export interface Command<Input, Output> {
  /** The operation this command runs. */
  readonly operation: OperationDescriptor;
  /** Checks the input and turns it into wire parameters; throws DmsParameterError. */
  readonly serialize: (input: Input) => WireParameters;
  /** Turns a successful response body into the typed output, keeping int64 values exact. */
  readonly deserialize: (body: string) => Output;
}

/** Per-call options every transport understands. */
export interface CallOptions {
  /** Aborts the call. */
  readonly signal?: AbortSignal;
}

/** Sends commands to the API; `DmsClient` in `@dmsflow/core` is the standard implementation. */
export interface DmsTransport<Options extends CallOptions = CallOptions> {
  /** Serializes the input, sends it, and resolves with the deserialized output. */
  send<Input, Output>(command: Command<Input, Output>, input: Input, options?: Options): Promise<Output>;
}
