import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { resolveRegion } from "./resolveRegion.js";

const home = (config?: unknown) => {
  const dir = mkdtempSync(join(tmpdir(), "dmsflow-region-"));
  if (config !== undefined) {
    mkdirSync(join(dir, ".aliyun"));
    writeFileSync(join(dir, ".aliyun/config.json"), JSON.stringify(config));
  }
  return dir;
};
const config = {
  current: "work",
  profiles: [
    { name: "work", mode: "AK", region_id: "cn-shanghai" },
    { name: "other", mode: "AK", region_id: "ap-southeast-1" },
  ],
};

describe("resolveRegion", () => {
  it("reads the aliyun CLI's variables in its order", () => {
    expect(resolveRegion({ env: { REGION: "r5", REGION_ID: "r4", ALICLOUD_REGION_ID: "r3" }, homeDir: home() })).toBe("r3");
    expect(resolveRegion({ env: { ALIBABA_CLOUD_REGION_ID: "r1", ALIBABACLOUD_REGION_ID: "r2" }, homeDir: home() })).toBe("r1");
    expect(resolveRegion({ env: { REGION: "r5" }, homeDir: home() })).toBe("r5");
  });

  it("falls back to the region of the current, named or ALIBABA_CLOUD_PROFILE profile", () => {
    const dir = home(config);
    expect(resolveRegion({ env: {}, homeDir: dir })).toBe("cn-shanghai");
    expect(resolveRegion({ env: {}, homeDir: dir, profile: "other" })).toBe("ap-southeast-1");
    expect(resolveRegion({ env: { ALIBABA_CLOUD_PROFILE: "other" }, homeDir: dir })).toBe("ap-southeast-1");
    expect(resolveRegion({ env: { ALIBABA_CLOUD_CLI_PROFILE_DISABLED: "true" }, homeDir: dir })).toBeUndefined();
  });

  it("finds nothing without variables, file or region_id", () => {
    expect(resolveRegion({ env: {}, homeDir: home() })).toBeUndefined();
    expect(resolveRegion({ env: {}, homeDir: home({ current: "x", profiles: [{ name: "x" }] }) })).toBeUndefined();
  });
});
