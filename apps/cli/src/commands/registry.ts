import { suggest } from "../args/suggest.js";
import { UsageError } from "../args/usageError.js";
import type { CommandDefinition } from "./command.js";

/** A command as the top-level help lists it; its definition loads only when it is used. */
export interface CommandEntry {
  /** The name typed after `dmsflow`. */
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  /** The heading it is listed under. */
  readonly group: "Instance commands" | "Finding IDs" | "Other commands";
  /** Imports the command's module. */
  readonly load: () => Promise<CommandDefinition>;
}

/** Every command, in the order the help lists them. */
export const COMMANDS: readonly CommandEntry[] = [
  {
    name: "resume",
    summary: "Resume a suspended instance, or every suspended instance of a task flow",
    group: "Instance commands",
    load: async () => (await import("./resume.js")).resume,
  },
  {
    name: "suspend",
    summary: "Suspend a running instance",
    group: "Instance commands",
    load: async () => (await import("./suspend.js")).suspend,
  },
  {
    name: "stop",
    summary: "Stop an instance",
    group: "Instance commands",
    load: async () => (await import("./stop.js")).stop,
  },
  {
    name: "rerun",
    summary: "Run a finished instance again",
    group: "Instance commands",
    load: async () => (await import("./rerun.js")).rerun,
  },
  {
    name: "make-success",
    summary: "Mark an instance as succeeded",
    group: "Instance commands",
    load: async () => (await import("./makeSuccess.js")).makeSuccess,
  },
  {
    name: "wait",
    summary: "Wait until an instance runs or finishes",
    group: "Instance commands",
    load: async () => (await import("./wait.js")).wait,
  },
  {
    name: "instances",
    summary: "List the instances of a task flow (every page)",
    group: "Finding IDs",
    load: async () => (await import("./instances.js")).instances,
  },
  {
    name: "task-flows",
    summary: "List the task flows of a tenant (their IDs are --dag-id)",
    group: "Finding IDs",
    load: async () => (await import("./taskFlows.js")).taskFlows,
  },
  {
    name: "versions",
    summary: "List the versions of a task flow (for --dag-version)",
    group: "Finding IDs",
    load: async () => (await import("./versions.js")).versions,
  },
  {
    name: "tenants",
    summary: "List your tenants (their IDs are --tid)",
    group: "Finding IDs",
    load: async () => (await import("./tenants.js")).tenants,
  },
  {
    name: "call",
    summary: "Call any API operation by name, the aliyun CLI way",
    group: "Other commands",
    load: async () => (await import("./call.js")).call,
  },
  {
    name: "completion",
    summary: "Print a bash or zsh completion script",
    group: "Other commands",
    load: async () => (await import("./completion.js")).completion,
  },
  {
    name: "help",
    summary: "Show help for dmsflow or one of its commands",
    group: "Other commands",
    load: async () => (await import("./help.js")).help,
  },
];

/** The entry of a command by name; a UsageError suggesting the closest name when there is none. */
export function requireCommand(name: string): CommandEntry {
  const entry = COMMANDS.find((c) => c.name === name);
  if (entry) return entry;
  const close = suggest(
    name,
    COMMANDS.map((c) => c.name),
  );
  throw new UsageError(
    `unknown command '${name}'.${close ? ` Did you mean '${close}'?` : ""} Run 'dmsflow --help' for the list.`,
  );
}
