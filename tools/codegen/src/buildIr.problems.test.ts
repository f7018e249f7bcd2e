import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { DMS_SPEC } from "../test/fixturePaths.js";
import { fixtureDocument, problems } from "../test/specProblems.js";
import { loadSpec } from "./load.js";

const base = () => fixtureDocument("minimal");
// biome-ignore lint/suspicious/noExplicitAny: as above
const op = (doc: Record<string, any>) => doc.paths["/?Action=PauseJob"].post;

describe("buildIr: the problems it reports", () => {
  it("accepts the real DMS spec and the fixtures", async () => {
    expect(problems((await loadSpec(DMS_SPEC)).document)).toEqual([]);
    expect(problems(await base())).toEqual([]);
  });

  it("names a missing operationId by its path", async () => {
    const doc = await base();
    delete op(doc).operationId;
    expect(problems(doc)).toEqual([
      "paths./?Action=PauseJob.post.operationId: is missing; every operation needs one (the action name).",
    ]);
  });

  it("refuses a duplicate action and says where the first one is", async () => {
    const doc = await base();
    doc.paths["/?Action=PauseJobAgain"] = { post: structuredClone(op(doc)) };
    expect(problems(doc)).toEqual([
      "paths./?Action=PauseJobAgain.post.x-acs-action: duplicate action PauseJob; it is already defined at paths./?Action=PauseJob.post.",
    ]);
  });

  it("names an unknown parameter type and format down to the schema key", async () => {
    const doc = await base();
    op(doc).parameters.push({ name: "When", in: "query", schema: { type: "number" } });
    op(doc).parameters.push({ name: "Big", in: "query", schema: { type: "integer", format: "int128" } });
    expect(problems(doc)).toEqual([
      'paths./?Action=PauseJob.post.parameters[1].schema.type: unsupported parameter type "number"; use integer (int32/int64), string, boolean, or array/object for a Json parameter.',
      'paths./?Action=PauseJob.post.parameters[2].schema.format: unsupported format "int128" for an integer parameter; use int32 or int64.',
    ]);
  });

  it("refuses a read-only marker that is not a boolean", async () => {
    const doc = await base();
    op(doc)["x-dmsflow-readonly"] = "yes";
    expect(problems(doc)).toEqual(['paths./?Action=PauseJob.post.x-dmsflow-readonly: must be true or false, got "yes".']);
  });

  it("names a $ref that points at nothing", async () => {
    const doc = await base();
    doc.components.schemas.Job.properties.Owner = { $ref: "#/components/schemas/Person" };
    expect(problems(doc)).toEqual([
      'components.schemas.Job.properties.Owner.$ref: $ref "#/components/schemas/Person" points at nothing.',
    ]);
  });

  it("refuses external refs, non-query parameters and unknown response types", async () => {
    const doc = await base();
    op(doc).parameters[0].in = "header";
    doc.components.schemas.Job.properties.Size = { type: "number" };
    doc.components.schemas.Job.properties.Other = { $ref: "other.yaml#/X" };
    expect(problems(doc)).toEqual([
      'components.schemas.Job.properties.Other.$ref: $ref must be a local reference starting with "#/", got "other.yaml#/X".',
      'components.schemas.Job.properties.Size.type: unsupported type "number"; use object, array, integer, string or boolean.',
      'paths./?Action=PauseJob.post.parameters[0].in: must be "query" (RPC parameters travel as query or form values), got "header".',
    ]);
  });

  it("refuses recursive schemas, naming the cycle", async () => {
    const doc = await base();
    doc.components.schemas.Job.properties.Parent = { $ref: "#/components/schemas/Job" };
    expect(problems(doc)).toEqual([
      "components.schemas.Job: refers to itself (Job -> Job); recursive schemas are not supported.",
    ]);
    doc.components.schemas.Job.properties.Parent = { type: "array", items: { $ref: "#/components/schemas/Envelope" } };
    doc.components.schemas.Envelope.properties.Job = { $ref: "#/components/schemas/Job" };
    expect(problems(doc)).toEqual([
      "components.schemas.Envelope: refers to itself (Envelope -> Job -> Envelope); recursive schemas are not supported.",
    ]);
  });

  it("checks the RPC extensions and the OpenAPI version", () => {
    const doc = parse("openapi: 3.0.3\npaths: {}\n");
    expect(problems(doc)).toEqual([
      'openapi: must be an OpenAPI 3.1.x version, got "3.0.3".',
      "x-acs-product: must be a non-empty string.",
      "x-acs-version: must be a non-empty string.",
      'x-acs-style: must be "RPC" (the only style supported).',
    ]);
  });

  it("requires a JSON 200 response and x-acs-methods", async () => {
    const doc = await base();
    op(doc).responses = { default: { description: "x" } };
    op(doc)["x-acs-methods"] = ["PUT"];
    expect(problems(doc)).toEqual([
      'paths./?Action=PauseJob.post.x-acs-methods: must be a non-empty list of "GET" and/or "POST".',
      'paths./?Action=PauseJob.post.responses: needs a "200" response.',
    ]);
  });

  it("checks an inline response body as closely as a model", async () => {
    const doc = await base();
    const body = op(doc).responses["200"].content["application/json"].schema.allOf[1];
    body.properties.Ratio = { type: "number" };
    body.required = ["Missing"];
    expect(problems(doc)).toEqual([
      'paths./?Action=PauseJob.post.responses.200.content.application/json.schema.allOf[1].properties.Ratio.type: unsupported type "number"; use object, array, integer, string or boolean.',
      'paths./?Action=PauseJob.post.responses.200.content.application/json.schema.allOf[1].required: names "Missing", which is not a property.',
    ]);
  });

  it("reports a shared parameter's problem once, where it is defined", async () => {
    const doc = await base();
    doc.components.parameters = { JobId: { ...op(doc).parameters[0], in: "header" } };
    op(doc).parameters[0] = { $ref: "#/components/parameters/JobId" };
    doc.paths["/?Action=ResumeJob"] = {
      post: { ...structuredClone(op(doc)), operationId: "ResumeJob", "x-acs-action": "ResumeJob" },
    };
    expect(problems(doc)).toEqual([
      'components.parameters.JobId.in: must be "query" (RPC parameters travel as query or form values), got "header".',
    ]);
  });

  it("names a dangling $ref in an error response, and stops on schemas that include each other", async () => {
    const doc = await base();
    op(doc).responses.default = { $ref: "#/components/responses/GatewayError" };
    doc.components.schemas.Job.allOf = [{ $ref: "#/components/schemas/Envelope" }];
    doc.components.schemas.Envelope.allOf = [{ $ref: "#/components/schemas/Job" }];
    expect(problems(doc)).toEqual([
      'paths./?Action=PauseJob.post.responses.default.$ref: $ref "#/components/responses/GatewayError" points at nothing.',
      "components.schemas.Envelope: refers to itself (Envelope -> Job -> Envelope); recursive schemas are not supported.",
    ]);
  });
});
