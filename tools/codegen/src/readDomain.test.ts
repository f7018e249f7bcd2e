import { describe, expect, it } from "vitest";
import { fixtureDocument, problems } from "../test/specProblems.js";

const base = () => fixtureDocument("domain");
// biome-ignore lint/suspicious/noExplicitAny: as above
const op = (doc: Record<string, any>) => doc.paths["/?Action=ListJobs"].post;

describe("buildIr: problems in the domain extensions", () => {
  it("accepts the domain fixture (enumerations, value rules, Json and Body parameters, pagination, error codes)", async () => {
    expect(problems(await base())).toEqual([]);
  });

  it("names an enumeration without identifiers, with a wrong value or a bad identifier", async () => {
    const doc = await base();
    delete doc.components.schemas.JobStatus["x-enum-varnames"];
    doc.components.schemas.JobKind.enum.push(3);
    doc.components.schemas.JobKind["x-enum-varnames"] = ["Fast", "slow"];
    expect(problems(doc)).toEqual([
      "components.schemas.JobStatus: an integer enumeration needs x-enum-varnames (one identifier per value).",
      "components.schemas.JobKind.enum[2]: 3 is not a string.",
      "components.schemas.JobKind.x-enum-varnames: must list one identifier per value (3).",
      "components.schemas.JobKind.x-dmsflow-enum-codes: must list one integer code or null per value (3).",
    ]);
  });

  it("names integer codes on an integer enumeration, a wrong count, a non-integer code and a code given twice", async () => {
    const doc = await base();
    doc.components.schemas.JobStatus["x-dmsflow-enum-codes"] = [1, 2, 3];
    doc.components.schemas.JobKind["x-dmsflow-enum-codes"] = [7];
    expect(problems(doc)).toEqual([
      "components.schemas.JobStatus.x-dmsflow-enum-codes: only a string enumeration can map its names to integer codes.",
      "components.schemas.JobKind.x-dmsflow-enum-codes: must list one integer code or null per value (2).",
    ]);
    delete doc.components.schemas.JobStatus["x-dmsflow-enum-codes"];
    doc.components.schemas.JobKind["x-dmsflow-enum-codes"] = ["7", 7];
    expect(problems(doc)).toEqual(['components.schemas.JobKind.x-dmsflow-enum-codes[0]: "7" is not an integer or null.']);
    doc.components.schemas.JobKind["x-dmsflow-enum-codes"] = [7, 7];
    expect(problems(doc)).toEqual(["components.schemas.JobKind.x-dmsflow-enum-codes: gives one code to two values."]);
  });

  it("names a rule that does not fit its type, a bad pattern and an unknown position", async () => {
    const doc = await base();
    const [id, , name] = op(doc).parameters;
    id.schema.maxLength = 3;
    name.schema.pattern = "(";
    name["x-acs-position"] = "Header";
    expect(problems(doc)).toEqual([
      "paths./?Action=ListJobs.post.parameters[0].schema.maxLength: does not apply to a integer parameter.",
      'paths./?Action=ListJobs.post.parameters[2].x-acs-position: must be "Query" or "Body", got "Header".',
      expect.stringMatching(
        /^paths\.\/\?Action=ListJobs\.post\.parameters\[2\]\.schema\.pattern: is not a valid regular expression/,
      ),
    ]);
  });

  it("names pagination that points at a missing parameter or at no list", async () => {
    const doc = await base();
    op(doc)["x-dmsflow-pagination"].sizeParameter = "Size";
    op(doc)["x-dmsflow-pagination"].items = "JobList.Nope";
    expect(problems(doc)).toEqual([
      'paths./?Action=ListJobs.post.x-dmsflow-pagination.sizeParameter: must name an integer parameter of the operation, got "Size".',
      'paths./?Action=ListJobs.post.x-dmsflow-pagination.items: must be the dotted path of an array in the response, got "JobList.Nope".',
    ]);
  });

  it("names a duplicate error code, a wrong kind and a documented code without its source", async () => {
    const doc = await base();
    const table = doc["x-dmsflow-error-codes"];
    table.push({ ...table[0] }, { ...table[0], code: "Other", kind: "client", documented: true });
    expect(problems(doc)).toEqual([
      "x-dmsflow-error-codes[2].code: duplicate code JobNotFound.",
      'x-dmsflow-error-codes[3].kind: must be "business" or "gateway".',
      "x-dmsflow-error-codes[3].source: a documented code needs the URL of its source.",
    ]);
  });
});
