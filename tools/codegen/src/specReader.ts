import { isObject, type Resolved, resolveRef } from "./resolveRef.js";
import { type Report, type SpecProblem, specPath } from "./specError.js";

const SCHEMA_REF = "#/components/schemas/";

/**
 * What one pass over a spec carries: the document, the problems found so far (each with its path),
 * and which component schemas each component refers to (for the recursion check).
 */
export class SpecReader {
  private readonly refProblems: SpecProblem[] = [];
  private readonly otherProblems: SpecProblem[] = [];
  private readonly seen = new Set<string>();
  /** The component schema being read, whose `$ref`s are recorded as its edges. */
  private component: string | undefined;
  /** Component schema name to the component schemas its own text refers to. */
  readonly edges = new Map<string, Set<string>>();

  constructor(readonly document: Record<string, unknown>) {}

  /** Records one problem at a path; a problem met twice (a shared parameter) is kept once. */
  readonly report: Report = (path, message) => this.add(this.otherProblems, path, message);

  /** Every problem, dangling references first (they explain the others), then in reading order. */
  problems(): SpecProblem[] {
    return [...this.refProblems, ...this.otherProblems];
  }

  /**
   * Follows a value's `$ref` chain. A reference that does not resolve is reported at its path and
   * gives undefined; a value without `$ref` comes back as it is, at the given path.
   */
  resolve(value: unknown, path: string): Resolved | undefined {
    if (this.component !== undefined && isObject(value) && typeof value.$ref === "string") {
      if (value.$ref.startsWith(SCHEMA_REF)) this.edges.get(this.component)?.add(value.$ref.slice(SCHEMA_REF.length));
    }
    const resolved = resolveRef(this.document, value, path);
    if ("error" in resolved) {
      this.add(this.refProblems, resolved.path, resolved.error);
      return undefined;
    }
    return resolved;
  }

  /** Runs `read` with the `$ref`s it meets recorded as edges of component schema `name`. */
  inComponent<T>(name: string, read: () => T): T {
    const outer = this.component;
    this.component = name;
    this.edges.set(name, this.edges.get(name) ?? new Set());
    try {
      return read();
    } finally {
      this.component = outer;
    }
  }

  private add(list: SpecProblem[], path: string, message: string): void {
    const key = `${path}\u0000${message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    list.push({ path, message });
  }
}

/** Refuses component schemas that reach themselves through `$ref`, naming the cycle. */
export function reportRecursion(reader: SpecReader): void {
  const done = new Set<string>();
  const visit = (name: string, trail: string[]): void => {
    if (trail.includes(name)) {
      const cycle = [...trail.slice(trail.indexOf(name)), name];
      reader.report(
        specPath("components.schemas", cycle[0]!),
        `refers to itself (${cycle.join(" -> ")}); recursive schemas are not supported.`,
      );
      return;
    }
    if (done.has(name)) return;
    for (const next of reader.edges.get(name) ?? []) visit(next, [...trail, name]);
    done.add(name);
  };
  for (const name of reader.edges.keys()) visit(name, []);
}
