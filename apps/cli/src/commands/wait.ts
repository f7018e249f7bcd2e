import { parseDuration } from "../args/parseDuration.js";
import type { CommandSpec } from "./commandSpec.js";
import { DAG_ID, INSTANCE_ID, TID } from "./commonFlags.js";

/** The time between polls when --interval is not given. */
const DEFAULT_INTERVAL = "5s";

/** `dmsflow wait`: polls one instance until it runs or finishes. */
export const wait: CommandSpec = {
  name: "wait",
  summary: "Wait until an instance runs or finishes",
  group: "Instance commands",
  usage: ["dmsflow wait --dag-id <id> --instance-id <id> --until running|finished [--timeout 10m] [--interval 5s]"],
  description:
    "Polls an instance (ListTaskFlowInstance) until it is running (--until running; an instance that\n" +
    "already finished counts too, since it ran) or has finished: failed, succeeded or completed\n" +
    "(--until finished). Prints the status it reached. Exit 0 when it got there; 1 when the instance\n" +
    "failed; 4 when --timeout (default 10m, the whole wait) ran out.",
  flags: [
    DAG_ID,
    INSTANCE_ID,
    TID,
    {
      name: "until",
      kind: "string",
      valueName: "<state>",
      help: "running or finished",
      choices: ["running", "finished"],
      required: true,
    },
    {
      name: "interval",
      kind: "string",
      valueName: "<duration>",
      help: `time between polls (default ${DEFAULT_INTERVAL})`,
      default: DEFAULT_INTERVAL,
      parse: parseDuration,
    },
  ],
  ownsTimeout: "how long to wait in all, e.g. 2m (default 10m)",
  examples: [
    "dmsflow wait --dag-id 11 --instance-id 3 --until running --timeout 2m",
    "# resume, then block until the run is over",
    "dmsflow resume --dag-id 11 --instance-id 3 && dmsflow wait --dag-id 11 --instance-id 3 --until finished",
  ],
  load: async () => (await import("../handlers/wait.js")).waitHandler,
};
