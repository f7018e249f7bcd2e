import { describe, expect, it } from "vitest";
import {
  DmsResponseFormatError,
  GetUserActiveTenantCommand,
  ListTaskFlowInstanceCommand,
  ListUserTenantsCommand,
  ResumeTaskFlowInstanceCommand,
} from "../src/index.js";

describe("deserializers", () => {
  it("read the documented Resume example, error fields and all", () => {
    expect(
      ResumeTaskFlowInstanceCommand.deserialize(
        '{"RequestId":"7FF2E325-763F-5E27-9157-C3CFA02F4CBF","ErrorCode":"UnknownError","ErrorMessage":"UnknownError","Success":true}',
      ),
    ).toEqual({
      RequestId: "7FF2E325-763F-5E27-9157-C3CFA02F4CBF",
      ErrorCode: "UnknownError",
      ErrorMessage: "UnknownError",
      Success: true,
    });
  });

  it("keep instance ids exact, DagId a string and startTime lower-case", () => {
    const out = ListTaskFlowInstanceCommand.deserialize(
      '{"RequestId":"r","Success":true,"TotalCount":1,"DAGInstanceList":{"DAGInstance":[{"Id":12345678901234567890,"DagId":"7001","HistoryDagId":9007199254740993,"Status":2,"startTime":"2021-11-11 14:35:57","Unknown":1}]}}',
    );
    expect(out.DAGInstanceList?.DAGInstance?.[0]).toEqual({
      Id: "12345678901234567890",
      DagId: "7001",
      HistoryDagId: "9007199254740993",
      Status: 2,
      startTime: "2021-11-11 14:35:57",
    });
    expect(out.TotalCount).toBe(1);
  });

  it("read the bare tenant array and the tenant object", () => {
    expect(
      ListUserTenantsCommand.deserialize('{"RequestId":"r","TenantList":[{"Tid":3,"TenantName":"t","Status":"ACTIVE"}]}')
        .TenantList,
    ).toEqual([{ Tid: "3", TenantName: "t", Status: "ACTIVE" }]);
    expect(GetUserActiveTenantCommand.deserialize('{"RequestId":"r","Tenant":{"Tid":"3"}}').Tenant).toEqual({ Tid: "3" });
  });

  it("say where a response breaks the spec", () => {
    const run = () =>
      ListTaskFlowInstanceCommand.deserialize('{"RequestId":"r","DAGInstanceList":{"DAGInstance":[{"Id":1},{"Id":{}}]}}');
    expect(run).toThrow(DmsResponseFormatError);
    expect(run).toThrow(
      "The response is not what the API describes: DAGInstanceList.DAGInstance[1].Id is object, expected an int64.",
    );
    expect(() => ResumeTaskFlowInstanceCommand.deserialize('{"Success":true}')).toThrow("RequestId is missing.");
    expect(() => ResumeTaskFlowInstanceCommand.deserialize("[1]")).toThrow("is an array, expected an object.");
  });
});
