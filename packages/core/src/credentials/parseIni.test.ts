import { describe, expect, it } from "vitest";
import { parseIni } from "./parseIni.js";

describe("parseIni", () => {
  it("reads sections, trims, unquotes and skips comments", () => {
    const ini = parseIni('; top\n[default]\n type = access_key \naccess_key_secret = "a=b"\n# note\n[ other ]\r\nx=1\n');
    expect([...ini.keys()]).toEqual(["default", "other"]);
    expect(Object.fromEntries(ini.get("default")!)).toEqual({ type: "access_key", access_key_secret: "a=b" });
    expect(ini.get("other")!.get("x")).toBe("1");
  });
});
