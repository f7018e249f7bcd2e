import {
  type DAGInstance,
  type DmsTransport,
  type InstanceStatus,
  type Int64Input,
  paginateListTaskFlowInstance,
} from "@dmsflow/client";
import type { DmsCallOptions } from "../client/DmsCallOptions.js";

/** The task flow (and tenant) whose instances to scan. */
export interface FlowRef {
  readonly DagId: Int64Input;
  readonly Tid?: Int64Input | undefined;
}

/** A ListTaskFlowInstance start-time window: whole days, `yyyy-MM-dd`, the form the API documents. */
export interface StartTimeWindow {
  /** The first day, or undefined for no lower bound. */
  readonly from: string | undefined;
  /** The last day, or undefined for no upper bound. */
  readonly to: string | undefined;
}

/** What a scan found, and whether it listed every matching instance (so "not found" means "not there"). */
export interface ScanResult {
  readonly found: Map<string, DAGInstance>;
  readonly complete: boolean;
  /** ListTaskFlowInstance calls made. */
  readonly calls: number;
}

/** How one scan narrows and how far it may go. */
export interface ScanOptions {
  readonly status?: InstanceStatus | undefined;
  readonly window?: StartTimeWindow | undefined;
  readonly maxPages: number;
  readonly pageSize?: number | undefined;
  readonly callOptions?: DmsCallOptions | undefined;
  /** Called with every listed instance (then the scan runs to the end or maxPages). */
  readonly collect?: ((instance: DAGInstance) => void) | undefined;
  /** Called before each list call (a rate limiter's slot). */
  readonly beforeCall?: (() => Promise<unknown>) | undefined;
}

/**
 * The smallest window of whole days holding every given start time, or undefined when one is
 * unknown (then only the status narrows the listing).
 */
export function windowAround(startTimes: Iterable<string | undefined>): StartTimeWindow | undefined {
  let from: string | undefined;
  let to: string | undefined;
  for (const time of startTimes) {
    const day = time?.slice(0, 10);
    if (day === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
    if (from === undefined || day < from) from = day;
    if (to === undefined || day > to) to = day;
  }
  return from === undefined || to === undefined ? undefined : { from, to };
}

/**
 * Lists a flow's instances narrowed by status and start-time window, looking for the wanted ids;
 * stops once all are found or after `maxPages` pages.
 */
export async function scanInstances(
  client: DmsTransport<DmsCallOptions>,
  flow: FlowRef,
  wanted: ReadonlySet<string>,
  options: ScanOptions,
): Promise<ScanResult> {
  const found = new Map<string, DAGInstance>();
  const input = {
    DagId: flow.DagId,
    Tid: flow.Tid,
    Status: options.status,
    StartTimeBegin: options.window?.from,
    StartTimeEnd: options.window?.to,
    PageSize: options.pageSize,
  };
  let calls = 0;
  const pages = paginateListTaskFlowInstance(client, input, options.callOptions);
  for (;;) {
    if (options.collect === undefined && found.size === wanted.size) return { found, complete: true, calls };
    if (calls >= options.maxPages) return { found, complete: false, calls };
    await options.beforeCall?.();
    const next = await pages.next();
    if (next.done) return { found, complete: true, calls };
    calls++;
    for (const instance of next.value.DAGInstanceList?.DAGInstance ?? []) {
      options.collect?.(instance);
      if (instance.Id !== undefined && wanted.has(instance.Id)) found.set(instance.Id, instance);
    }
  }
}
