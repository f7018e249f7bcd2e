import type { Command, DmsTransport, Pagination } from "@dmsflow/client";
import { paginate } from "@dmsflow/client";
import type { DmsCallOptions } from "@dmsflow/core";

/**
 * `call --pager`, as the aliyun CLI's: every page of a paged action, its list merged into the first
 * page's response (the other members, such as TotalCount and RequestId, are the first page's).
 */
export async function fetchAllPages(
  client: DmsTransport<DmsCallOptions>,
  command: Command<unknown, unknown>,
  pagination: Pagination,
  input: object,
  signal: AbortSignal | undefined,
): Promise<unknown> {
  let first: Record<string, unknown> | undefined;
  const items: unknown[] = [];
  for await (const page of paginate(client, command, pagination, input, { signal })) {
    first ??= page as Record<string, unknown>;
    const list = memberAt(page, pagination.items);
    if (Array.isArray(list)) items.push(...list);
  }
  if (first === undefined) return undefined;
  return withMember(first, pagination.items, items);
}

function memberAt(value: unknown, names: readonly string[]): unknown {
  let current = value;
  for (const name of names) current = (current as Record<string, unknown> | undefined)?.[name];
  return current;
}

// A copy of value with the member at names set, the objects on the way copied too.
function withMember(value: Record<string, unknown>, names: readonly string[], member: unknown): Record<string, unknown> {
  const [name, ...rest] = names;
  if (name === undefined) return value;
  const inner = (value[name] ?? {}) as Record<string, unknown>;
  return { ...value, [name]: rest.length === 0 ? member : withMember(inner, rest, member) };
}
