import type { OperationDescriptor } from "@dmsflow/client";

/**
 * The wire parameters that travel in the body (the spec's `x-acs-position: Body`), or undefined when
 * none is present, which is almost every call: the common path then stays as it was.
 */
export function bodyParametersOf(
  operation: Pick<OperationDescriptor, "parameters">,
  params: Readonly<Record<string, string>>,
): Record<string, string> | undefined {
  let body: Record<string, string> | undefined;
  for (const p of operation.parameters) {
    if (p.position !== undefined && params[p.name] !== undefined) {
      body ??= {};
      body[p.name] = params[p.name]!;
    }
  }
  return body;
}
