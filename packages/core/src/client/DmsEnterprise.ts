import { type Command, DmsOperations, type ResumeTaskFlowInstanceInput } from "@dmsflow/client";
import type { ResumeSafelyOptions, ResumeTaskFlowInstanceResult } from "../taskFlowInstances/resumeTaskFlowInstanceSafely.js";
import type { DmsCallOptions } from "./DmsCallOptions.js";
import { DmsClient } from "./DmsClient.js";
import type { DmsClientOptions } from "./DmsClientOptions.js";

/**
 * Every operation of the spec as a method (`listTaskFlowsByPage`, `createTask`, ...), as AWS SDK
 * v3's aggregated clients offer them, over a DmsClient built from the same options. Convenient in
 * scripts and tools; a program that must stay small uses DmsClient with the functions it imports,
 * since a class's methods cannot be tree-shaken.
 */
export class DmsEnterprise extends DmsOperations<DmsCallOptions> {
  /** The client every call goes through: its endpoint, middleware and connections. */
  readonly client: DmsClient;

  constructor(options: DmsClientOptions | DmsClient = {}) {
    super();
    this.client = options instanceof DmsClient ? options : new DmsClient(options);
  }

  /** Sends any generated command through the client. */
  send<Input, Output>(command: Command<Input, Output>, input: Input, options?: DmsCallOptions): Promise<Output> {
    return this.client.send(command, input, options);
  }

  /** Resumes a suspended task-flow instance; safe to retry (see the README's "Resume safety"). */
  override resumeTaskFlowInstance(
    input: ResumeTaskFlowInstanceInput,
    options?: ResumeSafelyOptions,
  ): Promise<ResumeTaskFlowInstanceResult> {
    return this.client.resumeTaskFlowInstance(input, options);
  }

  /** Closes the kept-alive connections. */
  destroy(): void {
    this.client.destroy();
  }
}
