/** A command's flags after checking: each value as its spec's `parse` returned it. */
export class FlagValues {
  /** @param values parsed values by long flag name; `true` for a boolean flag given. */
  constructor(private readonly values: ReadonlyMap<string, unknown>) {}

  /** Whether the flag was given. */
  has(name: string): boolean {
    return this.values.has(name);
  }

  /** A flag's value as text (an ID, a version), if given. */
  string(name: string): string | undefined {
    return this.typed(name, "string");
  }

  /** Every value of a repeatable flag, as text, if given. */
  strings(name: string): readonly string[] | undefined {
    const value = this.values.get(name);
    if (value === undefined) return undefined;
    if (!Array.isArray(value) || value.some((v) => typeof v !== "string")) {
      throw new Error(`--${name} is not a repeatable flag of text values`);
    }
    return value as string[];
  }

  /** A flag's value as a number (a count, a rate, a duration in ms), if given. */
  number(name: string): number | undefined {
    return this.typed(name, "number");
  }

  /** These values with one more set (a flag resolved from another, such as --dag-id from --dag-name). */
  with(name: string, value: string | number | true): FlagValues {
    return new FlagValues(new Map([...this.values, [name, value]]));
  }

  /** The text of a flag its spec makes required (or gives a default), so it is always there. */
  requiredString(name: string): string {
    return this.present(name, this.string(name));
  }

  /** The number of a flag its spec makes required or gives a default. */
  requiredNumber(name: string): number {
    return this.present(name, this.number(name));
  }

  private present<T>(name: string, value: T | undefined): T {
    // Reaching here without a value is a spec that neither requires nor defaults the flag: a bug.
    if (value === undefined) throw new Error(`--${name} has no value; its spec must make it required or give a default`);
    return value;
  }

  private typed<T extends "string" | "number">(name: string, type: T): (T extends "string" ? string : number) | undefined {
    const value = this.values.get(name);
    if (value === undefined) return undefined;
    // A mismatch is a spec whose parse returns another type: a bug, not a user error.
    if (typeof value !== type) throw new Error(`--${name} holds a ${typeof value}, not a ${type}`);
    return value as T extends "string" ? string : number;
  }
}
