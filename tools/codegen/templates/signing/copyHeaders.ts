/** True when a template carries exactly the five headers core's build step sets, in any order. */
export function isBaseTemplate(headers: Readonly<Record<string, string>>): boolean {
  let count = 0;
  for (const _name in headers) count++;
  return (
    count === 5 &&
    headers.host !== undefined &&
    headers["x-acs-action"] !== undefined &&
    headers["x-acs-version"] !== undefined &&
    headers.accept !== undefined &&
    headers["user-agent"] !== undefined
  );
}

/**
 * Copies request headers. Object spread of these hyphenated names costs about 30 times more than
 * a literal of the same shape, and signing copies them on every attempt, so the usual shape is
 * copied as a literal.
 */
export function copyHeaders(headers: Readonly<Record<string, string>>, base: boolean): Record<string, string> {
  if (base) {
    return {
      host: headers.host!,
      "x-acs-action": headers["x-acs-action"]!,
      "x-acs-version": headers["x-acs-version"]!,
      accept: headers.accept!,
      "user-agent": headers["user-agent"]!,
    };
  }
  const copy: Record<string, string> = {};
  for (const name in headers) copy[name] = headers[name]!;
  return copy;
}
