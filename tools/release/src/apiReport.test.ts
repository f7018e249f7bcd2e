import { describe, expect, it } from "vitest";
import { apiReport } from "./apiReport.js";
import { publishedPackages } from "./publishedPackages.js";

// Update with `npm run api-report` after an intended change, and review the diff.
describe("public API reports", () => {
  for (const pkg of publishedPackages()) {
    it(`${pkg.name} matches ${pkg.dir}/api-report.api.md`, async () => {
      await expect(apiReport(pkg.name, pkg.dir)).toMatchFileSnapshot(`../../../${pkg.dir}/api-report.api.md`);
    });
  }

  it("the report shows signatures, so a changed parameter type changes it", () => {
    const report = apiReport("@dmsflow/client", "packages/client");
    expect(report).toContain(
      "function resumeTaskFlowInstance<Options extends CallOptions>(transport: DmsTransport<Options>, input: ResumeTaskFlowInstanceInput, options?: Options): Promise<ResumeTaskFlowInstanceOutput>;",
    );
    expect(report).toMatch(/interface ResumeTaskFlowInstanceInput \{\n\s+DagId: Int64Input;/);
  });
});
