import { describe, expect, it } from "vitest";
// The domain fixture's generated tree (a committed file snapshot) is real code: run it.
import {
  type Command,
  DmsParameterError,
  decodeParameters,
  enumKeyOf,
  errorCodes,
  JobKindCodes,
  JobStatus,
  JobStatusDescriptions,
  LinkJobsCommand,
  ListJobsCommand,
  paginateListJobs,
  writeValue,
} from "./__output__/domain/index.js";

describe("code generated from the domain fixture", () => {
  it("writes a Json parameter as JSON text with every int64 digit, and checks its shape", () => {
    const params = LinkJobsCommand.serialize({ Links: [{ From: 9007199254740993n, To: "1234567890123456789" }], Tags: ["a"] });
    expect(params).toEqual({ Links: '[{"From":9007199254740993,"To":1234567890123456789}]', Tags: '["a"]' });
    expect(() => LinkJobsCommand.serialize({ Links: [{ From: 1 } as never] })).toThrow("LinkJobs: Links[0].To is required.");
    expect(() => LinkJobsCommand.serialize({ Links: [{ From: 1, To: 2, Form: 3 } as never] })).toThrow(
      "Links[0].Form is not a member; expected From, To, Label.",
    );
    expect(() => LinkJobsCommand.serialize({ Links: [{ From: 2 ** 60, To: 1 }] })).toThrow(DmsParameterError);
  });

  it("holds parameters to the spec's value rules and enumerations, on the client and on the server side", () => {
    expect(() => ListJobsCommand.serialize({ OwnerId: 0 })).toThrow("ListJobs: OwnerId must be 1 or more; got the number 0.");
    expect(() => ListJobsCommand.serialize({ OwnerId: 1, PageSize: 51 })).toThrow("PageSize must be 50 or less");
    expect(() => ListJobsCommand.serialize({ OwnerId: 1, Name: "ABC" })).toThrow("Name must match ^[a-z]+$");
    expect(() => ListJobsCommand.serialize({ OwnerId: 1, Status: 7 as never })).toThrow("Status must be one of 0, 1, 2");
    // An open enumeration names known values but takes others.
    expect(ListJobsCommand.serialize({ OwnerId: "9223372036854775807", Kind: "medium", Status: JobStatus.done })).toEqual({
      OwnerId: "9223372036854775807",
      Kind: "medium",
      Status: "2",
    });
    const server = (raw: Record<string, string>) => decodeParameters(ListJobsCommand.operation, raw);
    expect(server({ OwnerId: "0" })).toEqual({
      ok: false,
      code: "InvalidParameter",
      parameter: "OwnerId",
      reason: "must be 1 or more",
    });
    expect(server({ OwnerId: "1", Status: "3" })).toMatchObject({ ok: false, parameter: "Status" });
    expect(server({ OwnerId: "1", Name: "abc" })).toEqual({ ok: true, values: { OwnerId: "1", Name: "abc" } });
  });

  it("decodes a Json parameter on the server side with exact int64 values", () => {
    const decoded = decodeParameters(LinkJobsCommand.operation, { Links: '[{"From":9007199254740993,"To":2}]' });
    expect(decoded).toEqual({ ok: true, values: { Links: [{ From: "9007199254740993", To: "2" }] } });
    expect(decodeParameters(LinkJobsCommand.operation, { Links: '[{"From":1}]' })).toEqual({
      ok: false,
      code: "InvalidParameter",
      parameter: "Links",
      reason: "must be a JSON document of the documented shape: Links[0].To is missing.",
    });
    expect(decodeParameters(LinkJobsCommand.operation, { Links: "[{" })).toMatchObject({
      reason: "must be a JSON document (it does not parse)",
    });
  });

  it("marks body parameters in the descriptor", () => {
    const script = LinkJobsCommand.operation.parameters.find((p) => p.name === "Script");
    expect(script?.position).toBe("Body");
  });

  it("emits enumerations as const objects with names and descriptions, and the error-code table", () => {
    expect(JobStatus).toEqual({ waiting: 0, running: 1, done: 2 });
    expect(JobStatusDescriptions[1]).toBe("running");
    expect(enumKeyOf(JobStatus, 2)).toBe("done");
    expect(enumKeyOf(JobStatus, 9)).toBeUndefined();
    // Integer codes only for the values that have one.
    expect(JobKindCodes).toEqual({ fast: 7 });
    expect(errorCodes.JobNotFound).toMatchObject({ kind: "business", httpStatus: 200, documented: false });
    expect(errorCodes["Throttling.User"].source).toBe("https://example.com/errors");
  });

  it("pages through a paged operation with one call per page, stopping at the total", async () => {
    const pages = [3, 3, 1];
    const sent: unknown[] = [];
    const transport = {
      async send<Input, Output>(command: Command<Input, Output>, input: Input): Promise<Output> {
        const params = command.serialize(input);
        sent.push(params);
        const n = pages[Number(params.PageNumber) - 1] ?? 0;
        const jobs = Array.from({ length: n }, (_, i) => `{"Id":${Number(params.PageNumber) * 10 + i}}`).join(",");
        return command.deserialize(`{"RequestId":"r","TotalCount":7,"JobList":{"Job":[${jobs}]}}`);
      },
    };
    const ids: string[] = [];
    for await (const page of paginateListJobs(transport, { OwnerId: 5, PageSize: 3 })) {
      for (const job of page.JobList?.Job ?? []) ids.push(job.Id!);
    }
    expect(ids).toEqual(["10", "11", "12", "20", "21", "22", "30"]);
    expect(sent).toEqual([
      { OwnerId: "5", PageNumber: "1", PageSize: "3" },
      { OwnerId: "5", PageNumber: "2", PageSize: "3" },
      { OwnerId: "5", PageNumber: "3", PageSize: "3" },
    ]);
  });

  it("writes replies by their schema: int64 digits kept, unknown members refused", () => {
    const schema = ListJobsCommand.operation.output;
    expect(writeValue(schema, { RequestId: "r", TotalCount: 1, JobList: { Job: [{ Id: "9007199254740993", Status: 1 }] } })).toBe(
      '{"RequestId":"r","TotalCount":1,"JobList":{"Job":[{"Id":9007199254740993,"Status":1}]}}',
    );
    expect(() => writeValue(schema, { RequestId: "r", Totalcount: 1 })).toThrow("Totalcount is not a member");
  });
});
