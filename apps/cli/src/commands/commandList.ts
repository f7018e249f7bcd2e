import { call } from "./call.js";
import type { CommandSpec } from "./commandSpec.js";
import { completion } from "./completion.js";
import { help } from "./help.js";
import { instances } from "./instances.js";
import { makeSuccess } from "./makeSuccess.js";
import { rerun } from "./rerun.js";
import { resume } from "./resume.js";
import { stop } from "./stop.js";
import { suspend } from "./suspend.js";
import { taskFlows } from "./taskFlows.js";
import { tenants } from "./tenants.js";
import { versions } from "./versions.js";
import { wait } from "./wait.js";

/** Every command, in the order the help lists them. */
export const COMMANDS: readonly CommandSpec[] = [
  resume,
  suspend,
  stop,
  rerun,
  makeSuccess,
  wait,
  instances,
  taskFlows,
  versions,
  tenants,
  call,
  completion,
  help,
];
