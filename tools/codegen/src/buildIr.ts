import type { Ir, Operation, Shape } from "./ir.js";
import { readErrorCodes, readPagination } from "./readDomain.js";
import { readParameters } from "./readParameter.js";
import { ShapeReader } from "./readShape.js";
import { isObject } from "./resolveRef.js";
import { SpecError, specPath } from "./specError.js";
import { reportRecursion, SpecReader } from "./specReader.js";
import { text } from "./specText.js";

const METHODS = new Set(["get", "post", "put", "delete", "patch", "head", "options", "trace"]);
const WIRE_METHODS = new Set(["GET", "POST"]);
const ACTION_NAME = /^[A-Z][A-Za-z0-9]*$/;

/**
 * Reads a parsed spec into the IR in one pass, checking on the way that it uses only what the
 * generator supports. Every problem is collected with its path, so one run reports them all; any
 * problem throws a SpecError. Refs to component schemas stay named, everything else is inlined.
 */
export function buildIr(specFile: string, document: unknown): Ir {
  if (!isObject(document)) throw new SpecError(specFile, [{ path: "", message: "the spec must be an object." }]);
  const spec = new SpecReader(document);
  const { report } = spec;
  if (typeof document.openapi !== "string" || !document.openapi.startsWith("3.1.")) {
    report("openapi", `must be an OpenAPI 3.1.x version, got ${JSON.stringify(document.openapi)}.`);
  }
  for (const key of ["x-acs-product", "x-acs-version"]) {
    if (typeof document[key] !== "string" || document[key] === "") report(key, "must be a non-empty string.");
  }
  if (document["x-acs-style"] !== "RPC") report("x-acs-style", 'must be "RPC" (the only style supported).');

  const schemas = isObject(document.components) ? document.components.schemas : undefined;
  const shapes = new ShapeReader(spec, isObject(schemas) ? schemas : {});
  const { models, enums } = shapes.components();
  reportRecursion(spec);

  if (!isObject(document.paths)) {
    report("paths", "must be an object of operations.");
    throw new SpecError(specFile, spec.problems());
  }
  const operations: Operation[] = [];
  const actions = new Map<string, string>();
  for (const [route, item] of Object.entries(document.paths)) {
    const itemPath = specPath("paths", route);
    if (!route.startsWith("/")) report(itemPath, 'path keys must start with "/".');
    if (!isObject(item)) {
      report(itemPath, "must be a path item object.");
      continue;
    }
    for (const [method, op] of Object.entries(item)) {
      if (!METHODS.has(method)) continue;
      const opPath = specPath(itemPath, method);
      const operation = readOperation(spec, shapes, op, opPath);
      if (operation === undefined) continue;
      const earlier = actions.get(operation.action);
      if (earlier) {
        report(specPath(opPath, "x-acs-action"), `duplicate action ${operation.action}; it is already defined at ${earlier}.`);
      } else actions.set(operation.action, opPath);
      operations.push(operation);
    }
  }
  const errorCodes = readErrorCodes(document, report);
  const problems = spec.problems();
  if (problems.length > 0) throw new SpecError(specFile, problems);
  return {
    specFile,
    product: document["x-acs-product"] as string,
    version: document["x-acs-version"] as string,
    operations,
    models,
    enums,
    errorCodes,
  };
}

/** Reads one operation; undefined when it has no operationId to name it by. */
function readOperation(spec: SpecReader, shapes: ShapeReader, op: unknown, path: string): Operation | undefined {
  if (!isObject(op)) {
    spec.report(path, "must be an operation object.");
    return undefined;
  }
  const id = op.operationId;
  if (typeof id !== "string" || id === "") {
    spec.report(specPath(path, "operationId"), "is missing; every operation needs one (the action name).");
    return undefined;
  }
  if (!ACTION_NAME.test(id)) spec.report(specPath(path, "operationId"), `${JSON.stringify(id)} is not a PascalCase action name.`);
  if (op["x-acs-action"] !== id) {
    spec.report(
      specPath(path, "x-acs-action"),
      `must equal the operationId ${JSON.stringify(id)}, got ${JSON.stringify(op["x-acs-action"])}.`,
    );
  }
  const methods = op["x-acs-methods"];
  if (!Array.isArray(methods) || methods.length === 0 || !methods.every((m) => WIRE_METHODS.has(m))) {
    spec.report(specPath(path, "x-acs-methods"), 'must be a non-empty list of "GET" and/or "POST".');
  }
  // Absent means the operation may change state: a tool that forgets the marker stays behind the change guard.
  const readOnly = op["x-dmsflow-readonly"];
  if (readOnly !== undefined && typeof readOnly !== "boolean") {
    spec.report(specPath(path, "x-dmsflow-readonly"), `must be true or false, got ${JSON.stringify(readOnly)}.`);
  }
  const parameters = readParameters(spec, shapes, op.parameters, specPath(path, "parameters"));
  const output = readOutput(spec, shapes, op.responses, specPath(path, "responses"));
  const paging = op["x-dmsflow-pagination"];
  const pagination =
    paging === undefined
      ? undefined
      : readPagination(
          paging,
          parameters,
          output,
          (name) => shapes.model(name),
          specPath(path, "x-dmsflow-pagination"),
          spec.report,
        );
  return {
    action: id,
    methods: methods as ("GET" | "POST")[],
    summary: text(op.summary),
    description: text(op.description),
    readOnly: readOnly === true,
    parameters,
    output: output ?? { kind: "object", properties: [] },
    ...(pagination ? { pagination } : {}),
  };
}

/** The shape of the `200` response body; the other responses are only checked for dangling refs. */
function readOutput(spec: SpecReader, shapes: ShapeReader, responses: unknown, path: string): Shape | undefined {
  if (!isObject(responses) || responses["200"] === undefined) {
    spec.report(path, 'needs a "200" response.');
    return undefined;
  }
  for (const [status, response] of Object.entries(responses)) {
    if (status === "200") continue;
    const r = spec.resolve(response, specPath(path, status));
    if (r === undefined || !isObject(r.value) || !isObject(r.value.content)) continue;
    for (const [type, media] of Object.entries(r.value.content)) {
      if (isObject(media)) spec.resolve(media.schema, specPath(specPath(specPath(r.path, "content"), type), "schema"));
    }
  }
  const ok = spec.resolve(responses["200"], specPath(path, "200"));
  if (ok === undefined) return undefined;
  const content = isObject(ok.value) ? ok.value.content : undefined;
  const json = isObject(content) ? content["application/json"] : undefined;
  if (!isObject(json) || json.schema === undefined) {
    spec.report(specPath(ok.path, "content"), 'needs an "application/json" schema.');
    return undefined;
  }
  const schema = spec.resolve(json.schema, specPath(specPath(specPath(ok.path, "content"), "application/json"), "schema"));
  if (schema === undefined) return undefined;
  if (!isObject(schema.value) || (schema.value.type !== "object" && schema.value.allOf === undefined)) {
    spec.report(schema.path, "the response body must be an object (or an allOf of objects).");
    return undefined;
  }
  return shapes.resolved(schema);
}
