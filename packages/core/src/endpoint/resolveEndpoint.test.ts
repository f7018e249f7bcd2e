import { describe, expect, it } from "vitest";
import { DmsConfigError } from "../errors/localErrors.js";
import { KNOWN_REGIONS } from "./knownRegions.js";
import { resolveEndpoint } from "./resolveEndpoint.js";

describe("resolveEndpoint", () => {
  it("builds the regional public and VPC hosts", () => {
    expect(resolveEndpoint({ regionId: "cn-hangzhou" })).toEqual({
      protocol: "https:",
      hostname: "dms-enterprise.cn-hangzhou.aliyuncs.com",
      port: 443,
      host: "dms-enterprise.cn-hangzhou.aliyuncs.com",
      origin: "https://dms-enterprise.cn-hangzhou.aliyuncs.com",
    });
    expect(resolveEndpoint({ regionId: "ap-southeast-1", network: "vpc" }).origin).toBe(
      "https://dms-enterprise-vpc.ap-southeast-1.aliyuncs.com",
    );
  });

  it("knows every region of the reference, VPC where the API metadata lists it", () => {
    expect(KNOWN_REGIONS.map((r) => r.id)).toHaveLength(18);
    expect(KNOWN_REGIONS.filter((r) => !r.vpc).map((r) => r.id)).toEqual(["ap-southeast-2", "ap-northeast-2"]);
    for (const region of KNOWN_REGIONS)
      expect(resolveEndpoint({ regionId: region.id }).hostname).toBe(`dms-enterprise.${region.id}.aliyuncs.com`);
  });

  it("lets an explicit endpoint win: a full URL (http allowed) or a bare host", () => {
    expect(resolveEndpoint({ regionId: "cn-hangzhou", endpoint: "http://127.0.0.1:8080" })).toEqual({
      protocol: "http:",
      hostname: "127.0.0.1",
      port: 8080,
      host: "127.0.0.1:8080",
      origin: "http://127.0.0.1:8080",
    });
    expect(resolveEndpoint({ endpoint: "dms-enterprise.aliyuncs.com" }).origin).toBe("https://dms-enterprise.aliyuncs.com");
    expect(resolveEndpoint({ endpoint: "https://example.com/" }).port).toBe(443);
    expect(resolveEndpoint({ endpoint: "http://[::1]:9000" })).toMatchObject({ hostname: "::1", host: "[::1]:9000" });
  });

  it("names the known regions and suggests endpoint for an unknown one", () => {
    const error = (() => {
      try {
        resolveEndpoint({ regionId: "mars-north-1" });
      } catch (e) {
        return e;
      }
    })() as DmsConfigError;
    expect(error).toBeInstanceOf(DmsConfigError);
    expect(error.option).toBe("regionId");
    expect(error.message).toContain('Unknown DMS region "mars-north-1". Known regions: cn-qingdao, cn-beijing,');
    expect(error.message).toContain('pass endpoint, e.g. endpoint: "https://dms-enterprise.mars-north-1.aliyuncs.com"');
  });

  it("refuses what cannot work", () => {
    expect(() => resolveEndpoint({ regionId: "ap-northeast-2", network: "vpc" })).toThrow(/no DMS VPC endpoint/);
    expect(() => resolveEndpoint({ network: "internal" as never, regionId: "cn-hangzhou" })).toThrow(
      /network must be "public" or "vpc"/,
    );
    expect(() => resolveEndpoint({})).toThrow(/No region/);
    expect(() => resolveEndpoint({ endpoint: "ftp://x" })).toThrow(/http:\/\/ or https:\/\//);
    expect(() => resolveEndpoint({ endpoint: "http://a/b" })).toThrow(/bare origin/);
    expect(() => resolveEndpoint({ endpoint: "http://u:p@a" })).toThrow(/user name or password/);
    expect(() => resolveEndpoint({ endpoint: "http://" })).toThrow(/not a URL/);
  });
});
