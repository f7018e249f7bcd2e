import type { CommandSpec } from "./commandSpec.js";

/**
 * `dmsflow call <Action> --<Parameter> <value> ...`: any operation of the spec, driven by the
 * generated operation table, so an operation added to the spec appears here with no CLI code.
 */
export const call: CommandSpec = {
  name: "call",
  summary: "Call any API operation by name, the aliyun CLI way",
  group: "Other commands",
  usage: ["dmsflow call <Action> --<Parameter> <value> ...", "dmsflow call --help", "dmsflow call <Action> --help"],
  description:
    "Calls one API operation by its action name with parameters under their API (wire) names, like\n" +
    "'aliyun dms-enterprise <Action>'. Values are checked against the spec before anything is sent\n" +
    "(int64 IDs exact, int32 ranges, true/false). Prints the response as JSON unless --output says\n" +
    "otherwise; table and text print one 'path value' pair per line.",
  flags: [],
  args: {
    min: 1,
    max: 1,
    name: "an action name, such as ResumeTaskFlowInstance (see 'dmsflow call --help')",
    completes: "actions",
  },
  acceptExtra: true,
  dynamicHelp: true,
  defaultOutput: "json",
  examples: [
    "dmsflow call ListUserTenants",
    "dmsflow call ResumeTaskFlowInstance --DagId 11 --DagInstanceId 3",
    "dmsflow call ListTaskFlowInstance --DagId 11 --PageIndex 1 --PageSize 20 --Status 2",
  ],
  load: async () => (await import("../handlers/call.js")).callHandler,
};
