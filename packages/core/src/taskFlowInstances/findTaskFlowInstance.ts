import {
  type DAGInstance,
  type DmsTransport,
  type InstanceStatus,
  type Int64Input,
  paginateListTaskFlowInstance,
  toInt64String,
} from "@dmsflow/client";
import type { DmsCallOptions } from "../client/DmsCallOptions.js";
import { DmsValidationError } from "../errors/localErrors.js";

/** Which instance to look for. */
export interface TaskFlowInstanceRef {
  /** The task flow. */
  readonly DagId: Int64Input;
  /** The instance (its Id in ListTaskFlowInstance). */
  readonly DagInstanceId: Int64Input;
  /** The tenant, if not the active one. */
  readonly Tid?: Int64Input | undefined;
}

/** How far to look. */
export interface FindTaskFlowInstanceOptions extends DmsCallOptions {
  /** Only list instances with this status (the API's Status filter). */
  readonly status?: InstanceStatus | undefined;
  /** Give up after this many pages (default: all of them). */
  readonly maxPages?: number | undefined;
  /** Entries per page (default 100). */
  readonly pageSize?: number | undefined;
}

/**
 * Finds one instance by paging through ListTaskFlowInstance (the API has no call that reads one
 * instance). Returns undefined when it is not listed.
 */
export async function findTaskFlowInstance(
  client: DmsTransport<DmsCallOptions>,
  ref: TaskFlowInstanceRef,
  options: FindTaskFlowInstanceOptions = {},
): Promise<DAGInstance | undefined> {
  const id = toInt64String(ref.DagInstanceId);
  if (id === undefined) {
    throw new DmsValidationError("DagInstanceId must be an int64 (a bigint, a decimal string, or a safe integer number).", {
      parameter: "DagInstanceId",
    });
  }
  const { status, maxPages = Number.POSITIVE_INFINITY, pageSize, ...callOptions } = options;
  const input = { DagId: ref.DagId, Tid: ref.Tid, Status: status, PageSize: pageSize };
  let pages = 0;
  for await (const page of paginateListTaskFlowInstance(client, input, callOptions)) {
    const found = page.DAGInstanceList?.DAGInstance?.find((instance) => instance.Id === id);
    if (found) return found;
    if (++pages >= maxPages) return undefined;
  }
  return undefined;
}
