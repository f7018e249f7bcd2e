import { describe, expect, it } from "vitest";
import { rpcEncode } from "../signing/rpcEncode.js";
import { DmsError } from "./DmsError.js";
import { redactError, redactSecrets } from "./redactSecrets.js";

describe("redactSecrets", () => {
  it("removes a secret in plain, once-encoded and twice-encoded form", () => {
    const token = "CAIS+token/with=chars";
    const text = `a ${token} b ${rpcEncode(token)} c ${rpcEncode(rpcEncode(token))} d`;
    expect(redactSecrets(text, [token])).toBe("a *** b *** c *** d");
  });

  it("leaves short or missing secrets alone", () => {
    expect(redactSecrets("abc abc", ["abc", undefined, ""])).toBe("abc abc");
  });

  it("rewrites an error's message, stack and string fields", () => {
    const error = new DmsError("X", "failed with sekrit-value inside", false, { requestId: "sekrit-value" });
    redactError(error, ["sekrit-value"]);
    expect(error.message).toBe("failed with *** inside");
    expect(error.requestId).toBe("***");
    expect(error.stack).not.toContain("sekrit-value");
    expect(JSON.stringify(error)).not.toContain("sekrit-value");
  });
});
