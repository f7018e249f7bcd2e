import { describe, expect, it } from "vitest";
import {
  DmsParameterError,
  ListTaskFlowInstanceCommand,
  ListUserTenantsCommand,
  ResumeTaskFlowInstanceCommand,
} from "../src/index.js";

const problem = (run: () => unknown) => {
  try {
    run();
  } catch (e) {
    if (e instanceof DmsParameterError) return `${e.parameter}: ${e.message}`;
    throw e;
  }
  return "no error";
};

describe("serializers", () => {
  it("turn typed input into wire text, leaving out absent optional parameters", () => {
    expect(ResumeTaskFlowInstanceCommand.serialize({ DagId: 11n, DagInstanceId: "3", DagVersion: "v2", Tid: 3 })).toEqual({
      DagId: "11",
      DagInstanceId: "3",
      DagVersion: "v2",
      Tid: "3",
    });
    expect(
      ListTaskFlowInstanceCommand.serialize({
        DagId: 1,
        PageIndex: 1,
        PageSize: 50,
        Status: 2,
        UseBizDate: false,
        Tid: undefined,
      }),
    ).toEqual({ DagId: "1", PageIndex: "1", PageSize: "50", Status: "2", UseBizDate: "false" });
    expect(ListUserTenantsCommand.serialize({})).toEqual({});
  });

  it("reject missing, mistyped and out-of-range values naming the parameter", () => {
    expect(problem(() => ResumeTaskFlowInstanceCommand.serialize({ DagId: 1 } as never))).toBe(
      "DagInstanceId: ResumeTaskFlowInstance: DagInstanceId is required.",
    );
    expect(problem(() => ListTaskFlowInstanceCommand.serialize({ DagId: 1, PageIndex: 1, PageSize: 2 ** 31 }))).toBe(
      "PageSize: ListTaskFlowInstance: PageSize must be an int32 integer number; got the number 2147483648.",
    );
    expect(
      problem(() => ListTaskFlowInstanceCommand.serialize({ DagId: 1, PageIndex: 1, PageSize: 1, UseBizDate: "yes" as never })),
    ).toBe('UseBizDate: ListTaskFlowInstance: UseBizDate must be a boolean; got the string "yes".');
    expect(problem(() => ResumeTaskFlowInstanceCommand.serialize({ DagId: 1, DagInstanceId: 1, DagVersion: 2 as never }))).toBe(
      "DagVersion: ResumeTaskFlowInstance: DagVersion must be a string; got the number 2.",
    );
  });

  it("refuse unknown parameters, so a typo in an optional one cannot silently change tenants", () => {
    expect(problem(() => ResumeTaskFlowInstanceCommand.serialize({ DagId: 1, DagInstanceId: 1, tid: 3 } as never))).toBe(
      "tid: ResumeTaskFlowInstance: unknown parameter tid; did you mean Tid?",
    );
    expect(problem(() => ResumeTaskFlowInstanceCommand.serialize(null as never))).toBe(
      ": ResumeTaskFlowInstance: the input must be an object of parameters, got null.",
    );
  });
});
