/**
 * The identifier of an enumeration value (`suspended` for 2 in InstanceStatus), or undefined for a
 * value the spec does not list (the service may add values; readers keep them).
 */
export function enumKeyOf<T extends Record<string, string | number>>(enumeration: T, value: unknown): keyof T | undefined {
  for (const key in enumeration) if (enumeration[key] === value) return key;
  return undefined;
}
