import { type DAGInstance, type DmsTransport, InstanceStatus, listTaskFlowInstance, toInt64String } from "@dmsflow/client";
import type { DmsCallOptions } from "../client/DmsCallOptions.js";
import { DmsValidationError } from "../errors/localErrors.js";
import type { TaskFlowInstanceRef } from "./findTaskFlowInstance.js";
import { type StartTimeWindow, windowAround } from "./scanInstances.js";

/** The largest page ListTaskFlowInstance serves (the spec's PageSize maximum). */
const PAGE_SIZE = 100;

/** Where the instance was last listed: its status, the day it started, and the page of that narrowed listing. */
interface Position {
  readonly status: number;
  readonly window: StartTimeWindow | undefined;
  page: number;
}

/**
 * Finds one instance again and again at the cost of one ListTaskFlowInstance call: after the first
 * find it asks only for instances with the same status that started the same day, on the page where
 * it was last seen. When it is not there any more its status changed, and it is looked up under the
 * statuses it may have moved to (the awaited ones first), then in the whole listing.
 */
export class InstanceTracker {
  /** ListTaskFlowInstance calls made so far. */
  calls = 0;
  readonly #client: DmsTransport<DmsCallOptions>;
  readonly #ref: TaskFlowInstanceRef;
  readonly #id: string;
  readonly #likely: readonly number[];
  readonly #callOptions: DmsCallOptions;
  #position: Position | undefined;

  /** `likely`: the statuses to look under first when the status changes (e.g. the awaited ones). */
  constructor(
    client: DmsTransport<DmsCallOptions>,
    ref: TaskFlowInstanceRef,
    likely: readonly number[] = [],
    callOptions: DmsCallOptions = {},
  ) {
    const id = toInt64String(ref.DagInstanceId);
    if (id === undefined) {
      throw new DmsValidationError("DagInstanceId must be an int64 (a bigint, a decimal string, or a safe integer number).", {
        parameter: "DagInstanceId",
      });
    }
    this.#client = client;
    this.#ref = ref;
    this.#id = id;
    this.#likely = likely;
    this.#callOptions = callOptions;
  }

  /** The instance as listed now, or undefined when no listing holds it. */
  async find(): Promise<DAGInstance | undefined> {
    const position = this.#position;
    if (position !== undefined) {
      const found = await this.#scan(position.status, position.window, position.page);
      if (found !== undefined) return found;
      // Its status changed: look under the statuses it may have moved to, the same day.
      for (const status of this.#candidates(position.status)) {
        const moved = await this.#scan(status, position.window, 1);
        if (moved !== undefined) return moved;
      }
    }
    // Not seen yet, or rerun on another day: the whole listing, newest first.
    const anywhere = await this.#scan(undefined, undefined, 1);
    if (anywhere?.Status !== undefined) {
      this.#position = { status: anywhere.Status, window: windowAround([anywhere.startTime]), page: 1 };
    }
    return anywhere;
  }

  #candidates(previous: number): number[] {
    const all = Object.values(InstanceStatus) as number[];
    return [...new Set([...this.#likely, ...all])].filter((status) => status !== previous && all.includes(status));
  }

  /**
   * Lists one narrowed query from `startPage` to its end, then back from `startPage - 1` to page 1,
   * and remembers where the instance was found. Pages are read one call at a time, so a find on
   * the first page read costs one call.
   */
  async #scan(
    status: number | undefined,
    window: StartTimeWindow | undefined,
    startPage: number,
  ): Promise<DAGInstance | undefined> {
    let lastPage = Number.POSITIVE_INFINITY;
    const pages = (function* () {
      for (let page = startPage; page <= lastPage; page++) yield page;
      for (let page = Math.min(startPage, lastPage + 1) - 1; page >= 1; page--) yield page;
    })();
    for (const page of pages) {
      this.calls++;
      const answer = await listTaskFlowInstance(
        this.#client,
        {
          DagId: this.#ref.DagId,
          Tid: this.#ref.Tid,
          Status: status as InstanceStatus | undefined,
          StartTimeBegin: window?.from,
          StartTimeEnd: window?.to,
          PageIndex: page,
          PageSize: PAGE_SIZE,
        },
        this.#callOptions,
      );
      lastPage = Math.max(1, Math.ceil((answer.TotalCount ?? 0) / PAGE_SIZE));
      const found = answer.DAGInstanceList?.DAGInstance?.find((instance) => instance.Id === this.#id);
      if (found !== undefined) {
        if (status !== undefined) this.#position = { status, window, page };
        return found;
      }
    }
    return undefined;
  }
}
