import { type DmsTransport, type Int64Input, paginateListTaskFlowsByPage, type TaskFlowDetail } from "@dmsflow/client";
import type { DmsCallOptions } from "../client/DmsCallOptions.js";
import { DmsLookupError } from "../errors/localErrors.js";

/** Where to look for the task flow. */
export interface FindTaskFlowByNameOptions extends DmsCallOptions {
  /** The tenant, if not the caller's active one. */
  readonly Tid?: Int64Input | undefined;
}

/** How many near matches a "not found" error names. */
const NAMED_CANDIDATES = 10;

/**
 * The task flow whose name is exactly `name` (ListTaskFlowsByPage with `name` as SearchKey, every
 * page). Names are compared exactly (case and spaces count), so a partial name never picks a flow.
 * Throws DmsLookupError `TaskFlowNotFound` (its `candidates` are the flows whose names contain
 * `name`) or `TaskFlowNameAmbiguous` (several flows carry the name; `candidates` lists them).
 */
export async function findTaskFlowByName(
  client: DmsTransport<DmsCallOptions>,
  name: string,
  options: FindTaskFlowByNameOptions = {},
): Promise<TaskFlowDetail> {
  const { Tid, ...callOptions } = options;
  const exact: TaskFlowDetail[] = [];
  const near: TaskFlowDetail[] = [];
  for await (const page of paginateListTaskFlowsByPage(client, { SearchKey: name, Tid, PageSize: 100 }, callOptions)) {
    for (const flow of page.TaskFlowList?.TaskFlow ?? []) (flow.DagName === name ? exact : near).push(flow);
  }
  const candidates = (flows: TaskFlowDetail[]) => flows.map((f) => ({ id: f.Id ?? "", name: f.DagName }));
  const listed = (flows: TaskFlowDetail[]) => flows.map((f) => `${JSON.stringify(f.DagName ?? "")} (${f.Id})`).join(", ");
  if (exact.length === 1) return exact[0]!;
  if (exact.length > 1) {
    throw new DmsLookupError(
      "TaskFlowNameAmbiguous",
      `${exact.length} task flows are named ${JSON.stringify(name)}: ${listed(exact)}; give the task flow by its ID instead.`,
      candidates(exact),
    );
  }
  const tenant = Tid === undefined ? "the active tenant" : `tenant ${String(Tid)}`;
  const close = near.slice(0, NAMED_CANDIDATES);
  const more = near.length > close.length ? ` and ${near.length - close.length} more` : "";
  throw new DmsLookupError(
    "TaskFlowNotFound",
    near.length === 0
      ? `No task flow in ${tenant} is named ${JSON.stringify(name)}; check the name (it is compared exactly) and the tenant.`
      : `No task flow in ${tenant} is named exactly ${JSON.stringify(name)}; names containing it: ${listed(close)}${more}.`,
    candidates(near),
  );
}
