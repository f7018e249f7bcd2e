import { readFileSync } from "node:fs";
import { join } from "node:path";
import { InstanceStatus, InstanceTriggerType, TaskFlowStatus } from "@dmsflow/client";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { seedSchema } from "../src/seed/seedSchema.js";
import { DEMO_SEED } from "./fixtures/emulatorProcess.js";
import { testSeed } from "./fixtures/testSeed.js";

const file = join(DEMO_SEED, "..", "seed.schema.json");
const published = JSON.parse(readFileSync(file, "utf8"));

describe("seeds/seed.schema.json", () => {
  it("is the schema built from the generated client (else run `npm run seed-schema -w @dmsflow/emulator`)", () => {
    expect(published).toEqual(seedSchema());
  });

  it("takes its statuses and trigger types from the spec's enumerations", () => {
    const { taskFlow, instance } = published.definitions;
    expect(instance.properties.status.enum).toEqual(Object.values(InstanceStatus));
    expect(instance.properties.triggerType.enum).toEqual(Object.values(InstanceTriggerType));
    expect(taskFlow.properties.status.enum).toEqual(Object.values(TaskFlowStatus));
  });

  it("as an editor reads it, accepts the demo and test seeds and refuses a misspelt field", () => {
    // Editors ignore keywords they do not know; ajv is told the same of enumDescriptions.
    const ajv = new Ajv({ strict: true, strictTypes: false });
    ajv.addKeyword({ keyword: "enumDescriptions" });
    const validate = ajv.compile(published);
    expect(validate(JSON.parse(readFileSync(DEMO_SEED, "utf8"))), JSON.stringify(validate.errors)).toBe(true);
    expect(validate(JSON.parse(JSON.stringify(testSeed())))).toBe(true);
    expect(validate({ taskflows: [] })).toBe(false);
    expect(validate.errors?.[0]).toMatchObject({ keyword: "additionalProperties", params: { additionalProperty: "taskflows" } });
  });

  it("is named by the demo seed's $schema", () => {
    expect(JSON.parse(readFileSync(DEMO_SEED, "utf8")).$schema).toBe("./seed.schema.json");
  });
});
