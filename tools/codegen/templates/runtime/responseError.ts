/** Thrown when a response body is not the JSON the spec describes. */
export class DmsResponseFormatError extends Error {
  override readonly name = "DmsResponseFormatError";
  /** Where in the body the problem is, e.g. `DAGInstanceList.DAGInstance[3].Id`. */
  readonly path: string;

  constructor(path: string, problem: string) {
    super(`The response is not what the API describes: ${path ? `${path} ` : ""}${problem}`);
    this.path = path;
  }
}
