/**
 * @dmsflow/emulator: a local DMS Enterprise task-flow server that signs, checks and fails like the
 * real one. `startEmulator` for tests and demos; the `dmsflow-emulator` bin for the command line.
 */

export type { EngineEvent, EngineListener, NodeStatusEvent, RunStatusEvent } from "./engine/engineEvents.js";
export type { NodeBehaviour } from "./engine/nodeBehaviour.js";
export type { FaultOutcome, FaultRule, FaultSettings } from "./faults/faultSettings.js";
export { FaultSettingsError } from "./faults/faultSettings.js";
export type { GatewayErrorCode } from "./gateway/gatewayError.js";
export type { LogSink } from "./log/requestLog.js";
export { SeedError } from "./seed/seedReader.js";
export type {
  Seed,
  SeedAccessKey,
  SeedDagVersion,
  SeedGraphEdge,
  SeedGraphNode,
  SeedInstance,
  SeedInt64,
  SeedNodeBehaviour,
  SeedScenario,
  SeedSchedule,
  SeedTaskFlow,
  SeedTenant,
} from "./seed/seedTypes.js";
export { type EmulatorOptions, type RunningEmulator, startEmulator } from "./startEmulator.js";
export { DataFileError } from "./store/dataFileError.js";
export type { SeedSummary } from "./store/seedSummary.js";
