/** One problem in a spec, located by its path inside the document (e.g. `paths./.post.operationId`). */
export interface SpecProblem {
  readonly path: string;
  readonly message: string;
}

/** Stops the generator: the spec cannot be turned into code. Printed without a stack trace. */
export class SpecError extends Error {
  override readonly name = "SpecError";
  readonly file: string;
  readonly problems: readonly SpecProblem[];

  constructor(file: string, problems: readonly SpecProblem[]) {
    super(problems.map((p) => `${file}: ${p.path ? `${p.path}: ` : ""}${p.message}`).join("\n"));
    this.file = file;
    this.problems = problems;
  }
}

/** Joins a spec path and one more key the way error messages show it. */
export function specPath(parent: string, key: string | number): string {
  if (typeof key === "number") return `${parent}[${key}]`;
  return parent ? `${parent}.${key}` : key;
}

/** Records one problem at a spec path; validation collects them all before it stops. */
export type Report = (path: string, message: string) => void;
