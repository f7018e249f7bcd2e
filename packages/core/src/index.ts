/**
 * @dmsflow/core: the runtime for @dmsflow/client. DmsClient signs (V3 or V1), sends over
 * keep-alive connections with timeouts, proxy support and standard retries, keeps int64 exact and
 * throws one-line DmsError subclasses; helpers paginate, wait and resume in bulk.
 */

// Everything the generated client offers (operations, paginators, enumerations, error codes) comes
// with core too, so a program needs one import.
export * from "@dmsflow/client";
// The signing primitives live in @dmsflow/client/signing (the emulator verifies with them); core
// offers them too, like the rest of the client.
export * from "@dmsflow/client/signing";
export type { DmsCallOptions } from "./client/DmsCallOptions.js";
export { DEFAULT_CONNECT_TIMEOUT_MS, DEFAULT_TIMEOUT_MS, DmsClient } from "./client/DmsClient.js";
export type { DmsClientOptions } from "./client/DmsClientOptions.js";
export { DmsEnterprise } from "./client/DmsEnterprise.js";
export { CredentialCache, REFRESH_BEFORE_EXPIRY_MS } from "./credentials/CredentialCache.js";
export { type CliProfileOptions, cliProfileCredentials } from "./credentials/cliProfileCredentials.js";
export { type CredentialsFileOptions, credentialsFileCredentials } from "./credentials/credentialsFileCredentials.js";
export type {
  CredentialChainOptions,
  CredentialLookup,
  CredentialModelSource,
  CredentialSource,
  DmsCredentialProvider,
  DmsCredentials,
  DmsCredentialsOption,
  ResolvedCredentials,
} from "./credentials/DmsCredentials.js";
export { environmentCredentials } from "./credentials/environmentCredentials.js";
export { parseIni } from "./credentials/parseIni.js";
export { defaultCredentialSources, resolveCredentials } from "./credentials/resolveCredentials.js";
export { type DmsRegion, KNOWN_REGIONS } from "./endpoint/knownRegions.js";
export { type DmsNetwork, type EndpointOptions, type ResolvedEndpoint, resolveEndpoint } from "./endpoint/resolveEndpoint.js";
export { type RegionLookupOptions, resolveRegion } from "./endpoint/resolveRegion.js";
export { DMS_ERROR_BRAND, DmsError, type DmsErrorDetails, isDmsError } from "./errors/DmsError.js";
export {
  DmsConfigError,
  DmsCredentialsError,
  DmsLookupError,
  DmsValidationError,
  DmsWaiterError,
} from "./errors/localErrors.js";
export { REDACTED, redactSecrets } from "./errors/redactSecrets.js";
export {
  DmsBusinessError,
  DmsResponseError,
  DmsServiceError,
  type DmsServiceErrorDetails,
  DmsThrottlingError,
} from "./errors/serviceErrors.js";
export { DmsAbortError, DmsNetworkError, DmsTimeoutError, type DmsTransportErrorDetails } from "./errors/transportErrors.js";
export type { DmsHttpRequest, DmsHttpResponse, DmsSendOptions } from "./http/DmsHttpMessage.js";
export { type DmsProxy, httpProxy, proxyFromEnvironment } from "./http/DmsProxy.js";
export { type CertificateAuthority, DEFAULT_MAX_RESPONSE_BYTES } from "./http/HttpConnection.js";
export { bypassesProxy, type ProxySettings, type ProxyTarget, proxyFor } from "./http/proxyFromEnvironment.js";
export { combineHooks } from "./logging/combineHooks.js";
export type {
  DmsCompleteEvent,
  DmsHooks,
  DmsRequestEvent,
  DmsRequestView,
  DmsResponseEvent,
  DmsRetryEvent,
} from "./logging/DmsHooks.js";
export { debugHooks } from "./logging/debugHooks.js";
export { maskAccessKeyId, redactRequest } from "./logging/redactRequest.js";
export type {
  DmsBuildArgs,
  DmsCall,
  DmsCallResult,
  DmsFinalizeArgs,
  DmsInitializeArgs,
  DmsResponseResult,
  DmsSerializeArgs,
} from "./middleware/DmsStepArgs.js";
export {
  DMS_STEPS,
  type DmsBuiltInEntry,
  type DmsHandler,
  type DmsMiddleware,
  type DmsMiddlewareEntry,
  type DmsStep,
  type DmsStepTypes,
  type DmsTransition,
  MiddlewareStack,
} from "./middleware/MiddlewareStack.js";
export { type DmsRetryOptions, type ResolvedRetry, resolveRetry, retryDelayMs, STANDARD_RETRY } from "./retry/retryPolicy.js";
export { type DmsSignatureVersion, type DmsSigner, signerV1, signerV3 } from "./signing/DmsSigner.js";
export {
  type FindTaskFlowInstanceOptions,
  findTaskFlowInstance,
  type TaskFlowInstanceRef,
} from "./taskFlowInstances/findTaskFlowInstance.js";
export { InstanceTracker } from "./taskFlowInstances/InstanceTracker.js";
export {
  listSuspendedInstances,
  type ResumeElsewhere,
  type ResumeProgressEvent,
  type ResumeSuspendedInstancesOptions,
  type ResumeSuspendedInstancesResult,
  resumeSuspendedInstances,
  type SuspendedInstanceSelection,
  type SuspendedInstances,
} from "./taskFlowInstances/resumeSuspendedInstances.js";
export {
  attemptResume,
  type ResumeAttempt,
  type ResumeRecovery,
  type ResumeSafelyOptions,
  type ResumeTaskFlowInstanceResult,
  resumeTaskFlowInstanceSafely,
} from "./taskFlowInstances/resumeTaskFlowInstanceSafely.js";
export { type RunTaskFlowOptions, runTaskFlow, type StartedTaskFlowRun } from "./taskFlowInstances/runTaskFlow.js";
export {
  pollDelayMs,
  TERMINAL_STATUSES,
  type WaiterTiming,
  type WaitForTaskFlowInstanceOptions,
  type WaitPollEvent,
  waitForTaskFlowInstance,
} from "./taskFlowInstances/waitForTaskFlowInstance.js";
export {
  type FlowEdge,
  type FlowGraph,
  type FlowNode,
  flowGraphOf,
  getFlowGraph,
  nodeTypeName,
  type TaskFlowRef,
} from "./taskFlowRuns/flowGraph.js";
export {
  describeTaskFlowRun,
  type TaskFlowRun,
  type TaskFlowRunNode,
  taskFlowRunOf,
} from "./taskFlowRuns/taskFlowRun.js";
export {
  type NodeWaitPollEvent,
  type WaitForTaskFlowNodeOptions,
  waitForTaskFlowNode,
} from "./taskFlowRuns/waitForTaskFlowNode.js";
export { type FindTaskFlowByNameOptions, findTaskFlowByName } from "./taskFlows/findTaskFlowByName.js";
