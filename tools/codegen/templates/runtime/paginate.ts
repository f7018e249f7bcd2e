import type { CallOptions, Command, DmsTransport, Pagination } from "./operation.js";

export type { Pagination } from "./operation.js";

/** A paged operation's input for its paginator: the page number and size become optional. */
export type PaginatorInput<Input, Page extends string, Size extends string> = Omit<Input, Page | Size> & {
  readonly [K in Page | Size]?: number;
};

/** The page size paginators use unless told otherwise. */
export const DEFAULT_PAGE_SIZE = 100;

/**
 * Iterates over the pages of a paged operation, fetching the next page only when the caller asks
 * for it, so one page is in memory at a time whatever the total. Stops after a short or empty page,
 * or once the total has been seen. Generated `paginate<Action>` functions call it.
 */
export async function* paginate<Input, Output, Options extends CallOptions>(
  transport: DmsTransport<Options>,
  command: Command<Input, Output>,
  pagination: Pagination,
  input: object,
  options?: Options,
): AsyncGenerator<Output, void, undefined> {
  const given = input as Record<string, unknown>;
  const pageSize = (given[pagination.sizeParameter] as number | undefined) ?? DEFAULT_PAGE_SIZE;
  let pageIndex = (given[pagination.pageParameter] as number | undefined) ?? 1;
  let seen = (pageIndex - 1) * pageSize;
  for (;;) {
    const request = { ...given, [pagination.pageParameter]: pageIndex, [pagination.sizeParameter]: pageSize } as Input;
    let page: Output | undefined = await transport.send(command, request, options);
    const count = (memberAt(page, pagination.items) as unknown[] | undefined)?.length ?? 0;
    const total = pagination.total ? (memberAt(page, pagination.total) as number | undefined) : undefined;
    yield page;
    // Drop our reference before the next request, so only the caller can keep a page alive.
    page = undefined;
    seen += count;
    if (count === 0 || count < pageSize || (total !== undefined && seen >= total)) return;
    pageIndex++;
  }
}

function memberAt(value: unknown, names: readonly string[]): unknown {
  let current = value;
  for (const name of names) current = (current as Record<string, unknown> | undefined)?.[name];
  return current;
}
