import type { CommandSpec } from "./commandSpec.js";
import { addNode, createFlow, offline, publish, run, schedule } from "./flowCommands.js";
import { makeSuccess, rerun, resume, status, stop, suspend, wait, watch } from "./instanceCommands.js";
import { flowShow, flows, instances, taskFlows, tenants, versions } from "./listCommands.js";
import { call, completion, help } from "./otherCommands.js";

/**
 * Every command, in the order the help lists them. The specs live in four files, by the help's
 * groups, rather than one file each: `--help` loads them all, and each module costs start-up time.
 */
export const COMMANDS: readonly CommandSpec[] = [
  resume,
  suspend,
  stop,
  rerun,
  makeSuccess,
  wait,
  status,
  watch,
  run,
  publish,
  offline,
  schedule,
  createFlow,
  addNode,
  instances,
  taskFlows,
  flows,
  flowShow,
  versions,
  tenants,
  call,
  completion,
  help,
];
