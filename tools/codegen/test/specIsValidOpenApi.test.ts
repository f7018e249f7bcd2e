import SwaggerParser from "@apidevtools/swagger-parser";
import { describe, expect, it } from "vitest";
import { DMS_SPEC, fixture } from "./fixturePaths.js";

describe("the specs are valid OpenAPI 3.1 (swagger-parser)", () => {
  for (const [name, file] of [
    ["dms-enterprise 2018-11-01", DMS_SPEC],
    ["fixture minimal", fixture("minimal")],
    ["fixture minimal-plus", fixture("minimal-plus")],
  ]) {
    it(name!, async () => {
      const api = await SwaggerParser.validate(file!);
      expect((api as { openapi?: string }).openapi).toBe("3.1.0");
    });
  }

  it("swagger-parser does reject a broken spec (the check can fail)", async () => {
    await expect(SwaggerParser.validate({ openapi: "3.1.0", info: { title: "x" }, paths: {} } as never)).rejects.toThrow(
      /version/,
    );
  });
});
