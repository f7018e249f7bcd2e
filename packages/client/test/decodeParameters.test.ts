import { describe, expect, it } from "vitest";
import { decodeParameters, ListTaskFlowInstanceOperation, ResumeTaskFlowInstanceOperation } from "../src/index.js";

describe("decodeParameters", () => {
  it("decodes text parameters by the descriptor and ignores undeclared ones", () => {
    expect(
      decodeParameters(ListTaskFlowInstanceOperation, {
        DagId: "9007199254740993",
        PageIndex: "1",
        PageSize: "20",
        UseBizDate: "true",
        Foo: "x",
      }),
    ).toEqual({ ok: true, values: { DagId: "9007199254740993", PageIndex: 1, PageSize: 20, UseBizDate: true } });
  });

  it("reports the first missing or invalid parameter the way the gateway does", () => {
    expect(decodeParameters(ResumeTaskFlowInstanceOperation, { DagId: "1" })).toEqual({
      ok: false,
      code: "MissingParameter",
      parameter: "DagInstanceId",
      reason: "is required",
    });
    expect(decodeParameters(ResumeTaskFlowInstanceOperation, { DagId: "9223372036854775808", DagInstanceId: "1" })).toMatchObject(
      {
        ok: false,
        code: "InvalidParameter",
        parameter: "DagId",
      },
    );
    expect(decodeParameters(ListTaskFlowInstanceOperation, { DagId: "1", PageIndex: "2147483648", PageSize: "1" })).toMatchObject(
      {
        code: "InvalidParameter",
        parameter: "PageIndex",
      },
    );
    expect(
      decodeParameters(ListTaskFlowInstanceOperation, { DagId: "1", PageIndex: "1", PageSize: "1", UseBizDate: "yes" }),
    ).toMatchObject({
      code: "InvalidParameter",
      parameter: "UseBizDate",
      reason: "must be true or false",
    });
  });
});
