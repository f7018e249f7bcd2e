import { rpcEncode } from "@dmsflow/client/signing";
import { describe, expect, it } from "vitest";
import { DmsError } from "./DmsError.js";
import { redactError, redactSecrets } from "./redactSecrets.js";

describe("redactSecrets", () => {
  it("removes a secret in plain, once-encoded and twice-encoded form", () => {
    const token = "CAIS+token/with=chars";
    const text = `a ${token} b ${rpcEncode(token)} c ${rpcEncode(rpcEncode(token))} d`;
    expect(redactSecrets(text, [token])).toBe("a *** b *** c *** d");
  });

  it("removes a percent-encoded secret echoed back with lower-case escapes", () => {
    const signature = "Ab+c/d=EfGh";
    const lower = rpcEncode(signature).replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase());
    const twiceLower = rpcEncode(rpcEncode(signature)).replace(/%25[0-9A-F]{2}/g, (e) => e.toLowerCase());
    expect(lower).toBe("Ab%2bc%2fd%3dEfGh");
    expect(twiceLower).toBe("Ab%252bc%252fd%253dEfGh");
    expect(redactSecrets(`sig ${lower} and ${twiceLower}`, [signature])).toBe("sig *** and ***");
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
