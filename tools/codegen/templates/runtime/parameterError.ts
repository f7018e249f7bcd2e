/** Thrown before anything is sent when an input parameter is missing, mistyped or out of range. */
export class DmsParameterError extends Error {
  override readonly name = "DmsParameterError";
  /** The API action whose input was rejected, e.g. `ResumeTaskFlowInstance`. */
  readonly action: string;
  /** The wire name of the parameter at fault, e.g. `DagInstanceId`. */
  readonly parameter: string;

  constructor(action: string, parameter: string, problem: string) {
    super(`${action}: ${problem}`);
    this.action = action;
    this.parameter = parameter;
  }
}
