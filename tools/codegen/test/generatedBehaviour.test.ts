import { describe, expect, it } from "vitest";
// The fixture's generated tree (a committed file snapshot) is real code: run it.
import { type Command, DmsOperations, DmsParameterError, operationTable, PauseJobCommand } from "./__output__/minimal/index.js";

describe("code generated from the minimal fixture", () => {
  it("serializes and validates input by the spec", () => {
    expect(PauseJobCommand.serialize({ JobId: 9007199254740993n })).toEqual({ JobId: "9007199254740993" });
    expect(() => PauseJobCommand.serialize({} as never)).toThrow(DmsParameterError);
    expect(() => PauseJobCommand.serialize({} as never)).toThrow("PauseJob: JobId is required.");
  });

  it("deserializes output with exact int64 and nested arrays", () => {
    const out = PauseJobCommand.deserialize(
      '{"RequestId":"r","Job":{"Id":12345678901234567890,"State":2,"Steps":{"Step":["a","b"]}}}',
    );
    expect(out).toEqual({ RequestId: "r", Job: { Id: "12345678901234567890", State: 2, Steps: { Step: ["a", "b"] } } });
  });

  it("lists the operation in the table", () => {
    expect(Object.keys(operationTable)).toEqual(["PauseJob"]);
    expect(operationTable.PauseJob.operation.parameters[0]).toMatchObject({ name: "JobId", wireType: "Long", required: true });
  });

  it("gives every operation a method on DmsOperations that sends its command", async () => {
    const sent: unknown[] = [];
    class RecordingTransport extends DmsOperations {
      async send<Input, Output>(command: Command<Input, Output>, input: Input): Promise<Output> {
        sent.push([command.operation.action, command.serialize(input)]);
        return command.deserialize('{"RequestId":"r","Job":{"Id":9007199254740993}}');
      }
    }
    const out = await new RecordingTransport().pauseJob({ JobId: "9007199254740993" });
    expect(out).toEqual({ RequestId: "r", Job: { Id: "9007199254740993" } });
    expect(sent).toEqual([["PauseJob", { JobId: "9007199254740993" }]]);
  });
});
