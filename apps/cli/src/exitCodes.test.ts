import { createRequire } from "node:module";
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
import { exitCodeFor, isExpectedError } from "./errorExitCode.js";
import { ExitCode } from "./exitCodes.js";
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

  it("recognises core's errors from its CommonJS build too, by brand and code", () => {
    const cjs = createRequire(import.meta.url)("@dmsflow/core") as typeof import("@dmsflow/core");
    expect(new cjs.DmsConfigError("regionId", "x")).not.toBeInstanceOf(DmsConfigError);
    expect(exitCodeFor(new cjs.DmsConfigError("regionId", "x"))).toBe(ExitCode.Config);
    expect(exitCodeFor(new cjs.DmsCredentialsError("CredentialsNotFound", "x"))).toBe(ExitCode.Config);
    expect(exitCodeFor(new cjs.DmsNetworkError("x", { outcomeUnknown: false }))).toBe(ExitCode.Network);
    expect(exitCodeFor(new cjs.DmsAbortError("x"))).toBe(ExitCode.Interrupted);
  });

  it("treats anything else as an unexpected failure (1)", () => {
    const lookAlike = Object.assign(new Error("x"), { name: "DmsConfigError", code: "ConfigError" });
    expect(isExpectedError(lookAlike)).toBe(false);
    expect(exitCodeFor(new TypeError("boom"))).toBe(1);
    expect(isExpectedError(new TypeError("boom"))).toBe(false);
    expect(exitCodeFor("a string")).toBe(1);
  });
});

describe("formatError", () => {
  const plain = createPalette(false);

  it("prints one line, adds the RequestId once, and speaks in flags", () => {
    // The hint is found by the error's fields, not by its wording: core may reword it freely.
    const hint = "Set regionId, or pass endpoint.";
    const error = new DmsConfigError("regionId", `No region at all. ${hint} More text after it.`, hint);
    expect(formatError(error, plain, false, {})).toBe(
      "error: No region at all. Pass --region (e.g. cn-hangzhou), set ALIBABA_CLOUD_REGION_ID, set region_id in your aliyun CLI profile (`aliyun configure`), or pass --endpoint <url> for another region or a private endpoint. More text after it.\n",
    );
    // Without a hint there is nothing to put in flags; the message stays as core wrote it.
    expect(formatError(new DmsConfigError("regionId", "regionId is wrong."), plain, false, {})).toBe(
      "error: regionId is wrong.\n",
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
