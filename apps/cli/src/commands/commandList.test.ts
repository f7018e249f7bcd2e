import { describe, expect, it } from "vitest";
import { COMMANDS } from "./commandList.js";
import { DAG_CHOICE, DAG_FLAGS } from "./commonFlags.js";

describe("the task flow flags", () => {
  it("come as a pair with the rule that exactly one is given, in every command that takes them", () => {
    const taking = COMMANDS.filter((c) => c.flags.some((f) => f.name === "dag-id" || f.name === "dag-name"));
    expect(taking.map((c) => c.name)).toEqual(expect.arrayContaining(["resume", "wait", "run", "schedule", "instances"]));
    for (const command of taking) {
      expect(
        command.flags.filter((f) => DAG_FLAGS.includes(f)),
        command.name,
      ).toEqual(DAG_FLAGS);
      expect(command.relations, command.name).toContain(DAG_CHOICE);
      expect(
        command.usage.every((line) => line.includes("--dag-id <id>|--dag-name <name>")),
        command.name,
      ).toBe(true);
    }
  });
});
