import type { OperationDescriptor } from "@dmsflow/client";

/**
 * The names of an operation's body parameters (the spec's `x-acs-position: Body`), or undefined
 * when it has none, which is almost every operation: the common path then stays as it was.
 */
export function bodyParameterNames(operation: Pick<OperationDescriptor, "parameters">): readonly string[] | undefined {
  const names = operation.parameters.filter((p) => p.position === "Body").map((p) => p.name);
  return names.length > 0 ? names : undefined;
}

/** Splits wire parameters into the query ones and the body ones; `body` is undefined when none is present. */
export function splitParameters(
  params: Readonly<Record<string, string>>,
  bodyNames: readonly string[] | undefined,
): { query: Readonly<Record<string, string>>; body: Readonly<Record<string, string>> | undefined } {
  if (bodyNames === undefined || !bodyNames.some((name) => Object.hasOwn(params, name)))
    return { query: params, body: undefined };
  const query: Record<string, string> = {};
  const body: Record<string, string> = {};
  for (const [name, value] of Object.entries(params)) (bodyNames.includes(name) ? body : query)[name] = value;
  return { query, body };
}
