// The specs of the commands that are not about task flows: call, completion, help.
import type { CommandSpec } from "./commandSpec.js";

/**
 * `dmsflow call <Action> --<Parameter> <value> ...`: any operation of the spec, driven by the
 * generated operation table, so an operation added to the spec appears here with no CLI code.
 */
export const call: CommandSpec = {
  name: "call",
  summary: "Call any API operation by name, the aliyun CLI way",
  group: "Other commands",
  usage: [
    "dmsflow call <Action> --<Parameter> <value> ... [--pager] [--cli-input-json <json|file://path>]",
    "dmsflow call <Action> --generate-cli-skeleton",
    "dmsflow call --help",
    "dmsflow call <Action> --help",
  ],
  description:
    "Calls one API operation by its action name with parameters under their API (wire) names, like\n" +
    "'aliyun dms-enterprise <Action>'. Values are checked against the spec before anything is sent\n" +
    "(int64 IDs exact, int32 ranges, true/false). Prints the response as JSON unless --output says\n" +
    "otherwise; table and text print one 'path value' pair per line.",
  flags: [
    {
      name: "pager",
      kind: "boolean",
      help: "fetch every page of a paged action and merge its list, as the aliyun CLI's --pager",
    },
    {
      name: "cli-input-json",
      kind: "string",
      valueName: "<json|file://path>",
      help: "the parameters as one JSON object (--Name flags override it), as the AWS CLI",
    },
    {
      name: "generate-cli-skeleton",
      kind: "boolean",
      help: "print the action's parameters as an empty --cli-input-json document; call nothing",
    },
  ],
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
    "# every page, one merged list",
    "dmsflow call ListTaskFlowInstance --DagId 11 --Status 2 --pager",
    "# parameters from a file, starting from the skeleton",
    "dmsflow call ResumeTaskFlowInstance --generate-cli-skeleton > resume.json",
    "dmsflow call ResumeTaskFlowInstance --cli-input-json file://resume.json",
  ],
  load: async () => (await import("../handlers/call.js")).callHandler,
};

/** `dmsflow completion bash|zsh`: prints a shell completion script. */
export const completion: CommandSpec = {
  name: "completion",
  summary: "Print a bash or zsh completion script",
  group: "Other commands",
  usage: ["dmsflow completion bash", "dmsflow completion zsh"],
  description:
    "Prints a completion script for bash or zsh to stdout. It completes commands, flags, the values of\n" +
    "--output, --status and --until, and the actions and parameters of 'dmsflow call'. Generate it again\n" +
    "after upgrading dmsflow.",
  flags: [],
  args: { min: 1, max: 1, name: "a shell name: bash or zsh", completes: "shells" },
  examples: [
    "# bash: install for your user",
    "dmsflow completion bash > ~/.local/share/bash-completion/completions/dmsflow",
    "# zsh: put it on your $fpath",
    // biome-ignore lint/suspicious/noTemplateCurlyInString: zsh syntax, printed as is.
    'dmsflow completion zsh > "${fpath[1]}/_dmsflow"',
  ],
  load: async () => (await import("../handlers/completion.js")).completionHandler,
};

/** `dmsflow help [command]`: the same text as `--help`. */
export const help: CommandSpec = {
  name: "help",
  summary: "Show help for dmsflow or one of its commands",
  group: "Other commands",
  usage: ["dmsflow help [<command>]", "dmsflow help call [<Action>]"],
  description: "Prints the help of dmsflow, or of one command (the same as 'dmsflow <command> --help').",
  flags: [],
  args: { min: 0, max: 2, name: "a command name", completes: "commands" },
  examples: ["dmsflow help resume", "dmsflow help call ResumeTaskFlowInstance"],
  load: async () => (await import("../handlers/help.js")).helpHandler,
};
