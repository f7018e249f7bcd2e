import {
  DmsAbortError,
  DmsBusinessError,
  DmsConfigError,
  DmsCredentialsError,
  DmsNetworkError,
  DmsResponseError,
  DmsServiceError,
  DmsThrottlingError,
  DmsTimeoutError,
  DmsValidationError,
  DmsWaiterError,
} from "@dmsflow/core";
import { describe, expect, it } from "vitest";
import { UsageError } from "./args/usageError.js";
import { ExitCode, exitCodeFor, isExpectedError } from "./exitCodes.js";
import { formatError } from "./formatError.js";
import { createPalette } from "./output/color.js";

describe("exitCodeFor maps core's error classes to the documented codes", () => {
  const cases: Array<[Error, number]> = [
    [new UsageError("x"), ExitCode.Usage],
    [new DmsValidationError("x", { parameter: "DagId" }), ExitCode.Usage],
    [new DmsServiceError("InternalError", "x", true, { statusCode: 500 }), ExitCode.ApiFailure],
    [new DmsThrottlingError("Throttling.User", "x", { statusCode: 400 }), ExitCode.ApiFailure],
    [new DmsBusinessError("InvalidStatus", "x", {}), ExitCode.ApiFailure],
    [new DmsResponseError("x", { statusCode: 200 }), ExitCode.ApiFailure],
    [new DmsCredentialsError("CredentialsNotFound", "x"), ExitCode.Config],
    [new DmsConfigError("regionId", "x"), ExitCode.Config],
    [new DmsTimeoutError("x", { outcomeUnknown: true, timeoutMs: 1, phase: "total" }), ExitCode.Network],
    [new DmsNetworkError("x", { outcomeUnknown: false }), ExitCode.Network],
    [new DmsWaiterError("WaiterTimeout", "x", 2), ExitCode.Network],
    [new DmsWaiterError("WaiterTerminalState", "x", 3), ExitCode.ApiFailure],
    [new DmsAbortError("x"), ExitCode.Interrupted],
  ];
  it.each(cases)("%s", (error, code) => {
    expect(exitCodeFor(error)).toBe(code);
    expect(isExpectedError(error)).toBe(true);
  });

  it("treats anything else as an unexpected failure (1)", () => {
    expect(exitCodeFor(new TypeError("boom"))).toBe(1);
    expect(isExpectedError(new TypeError("boom"))).toBe(false);
    expect(exitCodeFor("a string")).toBe(1);
  });
});

describe("formatError", () => {
  const plain = createPalette(false);

  it("prints one line, adds the RequestId once, and speaks in flags", () => {
    const error = new DmsConfigError(
      "regionId",
      "No region: pass regionId (e.g. cn-hangzhou), set ALIBABA_CLOUD_REGION_ID, or pass endpoint (a full URL).",
    );
    expect(formatError(error, plain, false, {})).toBe(
      "error: No region: pass --region (e.g. cn-hangzhou), set ALIBABA_CLOUD_REGION_ID, or pass --endpoint <url>.\n",
    );
    const business = new DmsBusinessError("InvalidStatus", "Declined:\n  not suspended.", { requestId: "R-1" });
    expect(formatError(business, plain, false, {})).toBe("error: Declined: not suspended. (RequestId R-1)\n");
  });

  it("marks a bug as unexpected, with its stack only under --debug", () => {
    const bug = new TypeError("x is undefined");
    expect(formatError(bug, plain, false, {})).toBe(
      "error: unexpected TypeError: x is undefined (run again with --debug for details)\n",
    );
    expect(formatError(bug, plain, true, {})).toContain("\n    at ");
  });

  it("masks secrets of the environment whatever the message says", () => {
    const env = { ALIBABA_CLOUD_ACCESS_KEY_SECRET: "very-secret-value", ALIBABA_CLOUD_SECURITY_TOKEN: "token-token-token" };
    const error = new Error("echo very-secret-value and token-token-token");
    expect(formatError(error, plain, false, env)).toBe(
      "error: unexpected Error: echo *** and *** (run again with --debug for details)\n",
    );
  });
});
