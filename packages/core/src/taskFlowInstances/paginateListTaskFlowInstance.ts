import {
  type DmsTransport,
  type ListTaskFlowInstanceInput,
  type ListTaskFlowInstanceOutput,
  listTaskFlowInstance,
} from "@dmsflow/client";
import type { DmsCallOptions } from "../client/DmsCallOptions.js";

/** ListTaskFlowInstance input for the paginator: PageIndex (first page) and PageSize are optional. */
export type PaginateListTaskFlowInstanceInput = Omit<ListTaskFlowInstanceInput, "PageIndex" | "PageSize"> & {
  /** The first page to fetch (default 1). */
  PageIndex?: number;
  /** Entries per page (default 100). */
  PageSize?: number;
};

/** The page size the paginator uses unless told otherwise. */
export const DEFAULT_PAGE_SIZE = 100;

/**
 * Iterates over every page of ListTaskFlowInstance, fetching the next page only when the caller
 * asks for it, so one page is in memory at a time whatever the total. Stops after a short or
 * empty page, or once TotalCount entries have been seen.
 */
export async function* paginateListTaskFlowInstance(
  client: DmsTransport<DmsCallOptions>,
  input: PaginateListTaskFlowInstanceInput,
  options?: DmsCallOptions,
): AsyncGenerator<ListTaskFlowInstanceOutput, void, undefined> {
  const pageSize = input.PageSize ?? DEFAULT_PAGE_SIZE;
  let pageIndex = input.PageIndex ?? 1;
  let seen = (pageIndex - 1) * pageSize;
  for (;;) {
    let page: ListTaskFlowInstanceOutput | undefined = await listTaskFlowInstance(
      client,
      { ...input, PageIndex: pageIndex, PageSize: pageSize },
      options,
    );
    const count = page.DAGInstanceList?.DAGInstance?.length ?? 0;
    const total = page.TotalCount;
    yield page;
    // Drop our reference before the next request, so only the caller can keep a page alive.
    page = undefined;
    seen += count;
    if (count === 0 || count < pageSize || (total !== undefined && seen >= total)) return;
    pageIndex++;
  }
}
