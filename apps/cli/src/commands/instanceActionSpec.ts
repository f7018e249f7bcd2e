import type { InstanceAction } from "../handlers/instanceAction.js";
import type { CommandSpec } from "./commandSpec.js";
import { DAG_ID, DAG_VERSION, INSTANCE_ID, TID } from "./commonFlags.js";

/** The spec of a one-instance command that has no other mode (suspend, stop, rerun, make-success). */
export function instanceActionSpec(action: InstanceAction, summary: string, description: string, example: string): CommandSpec {
  const version = action.takesDagVersion ? " [--dag-version <v>]" : "";
  return {
    name: action.command,
    summary,
    group: "Instance commands",
    usage: [`dmsflow ${action.command} --dag-id <id> --instance-id <id>${version} [--tid <tid>]`],
    description,
    flags: action.takesDagVersion ? [DAG_ID, INSTANCE_ID, DAG_VERSION, TID] : [DAG_ID, INSTANCE_ID, TID],
    examples: [example, `dmsflow ${action.command} --dag-id 11 --instance-id 3 --output json`],
    load: async () => (await import("../handlers/instanceAction.js")).instanceActionHandler(action),
  };
}
