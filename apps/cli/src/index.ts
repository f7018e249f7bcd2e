/**
 * @dmsflow/cli: the `dmsflow` command. The package is mainly its bin; this entry lets a program run
 * a command line in-process and read the documented exit codes.
 */
export type { CliIo, OutputStream } from "./cliIo.js";
export { exitCodeFor } from "./errorExitCode.js";
export { ExitCode, type ExitCodeValue } from "./exitCodes.js";
export { run } from "./run.js";
