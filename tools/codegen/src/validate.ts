import { isObject, resolveRef } from "./resolveRef.js";
import { type Report, SpecError, type SpecProblem, specPath } from "./specError.js";
import { checkDomainExtensions, checkEnumSchema, checkParameterDomain } from "./validateDomain.js";

const METHODS = ["get", "post", "put", "delete", "patch", "head", "options", "trace"] as const;
const WIRE_METHODS = new Set(["GET", "POST"]);
const ACTION_NAME = /^[A-Z][A-Za-z0-9]*$/;
const PROPERTY_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Checks that the spec uses only what the generator supports, and collects every problem with its
 * path, so that one run reports them all. Throws a SpecError when anything is wrong.
 */
export function validateSpec(file: string, document: unknown): void {
  const problems: SpecProblem[] = [];
  const report = (path: string, message: string) => problems.push({ path, message });
  if (!isObject(document)) throw new SpecError(file, [{ path: "", message: "the spec must be an object." }]);

  if (typeof document.openapi !== "string" || !document.openapi.startsWith("3.1.")) {
    report("openapi", `must be an OpenAPI 3.1.x version, got ${JSON.stringify(document.openapi)}.`);
  }
  for (const key of ["x-acs-product", "x-acs-version"]) {
    if (typeof document[key] !== "string" || document[key] === "") report(key, "must be a non-empty string.");
  }
  if (document["x-acs-style"] !== "RPC") report("x-acs-style", 'must be "RPC" (the only style supported).');

  checkRefs(document, document, "", report);
  const schemas = isObject(document.components) ? document.components.schemas : undefined;
  if (isObject(schemas)) {
    for (const [name, schema] of Object.entries(schemas)) {
      const path = specPath("components.schemas", name);
      if (!ACTION_NAME.test(name)) report(path, "schema names must be PascalCase identifiers.");
      if (isObject(schema) && Array.isArray(schema.enum)) checkEnumSchema(schema, path, report);
      else checkSchema(document, schema, path, report);
    }
    checkNoRecursion(schemas, report);
  }

  if (!isObject(document.paths)) {
    report("paths", "must be an object of operations.");
    throw new SpecError(file, problems);
  }
  const actions = new Map<string, string>();
  for (const [route, item] of Object.entries(document.paths)) {
    const itemPath = specPath("paths", route);
    if (!route.startsWith("/")) report(itemPath, 'path keys must start with "/".');
    if (!isObject(item)) {
      report(itemPath, "must be a path item object.");
      continue;
    }
    for (const method of METHODS) {
      if (item[method] === undefined) continue;
      const opPath = specPath(itemPath, method);
      const action = checkOperation(document, item[method], opPath, report);
      if (action === undefined) continue;
      const earlier = actions.get(action);
      if (earlier) report(specPath(opPath, "x-acs-action"), `duplicate action ${action}; it is already defined at ${earlier}.`);
      else actions.set(action, opPath);
    }
  }
  checkDomainExtensions(document, report);
  if (problems.length > 0) throw new SpecError(file, problems);
}

function checkOperation(document: unknown, op: unknown, path: string, report: Report): string | undefined {
  if (!isObject(op)) {
    report(path, "must be an operation object.");
    return undefined;
  }
  const id = op.operationId;
  if (typeof id !== "string" || id === "") {
    report(specPath(path, "operationId"), "is missing; every operation needs one (the action name).");
    return undefined;
  }
  if (!ACTION_NAME.test(id)) report(specPath(path, "operationId"), `${JSON.stringify(id)} is not a PascalCase action name.`);
  if (op["x-acs-action"] !== id) {
    report(
      specPath(path, "x-acs-action"),
      `must equal the operationId ${JSON.stringify(id)}, got ${JSON.stringify(op["x-acs-action"])}.`,
    );
  }
  const methods = op["x-acs-methods"];
  if (!Array.isArray(methods) || methods.length === 0 || !methods.every((m) => WIRE_METHODS.has(m))) {
    report(specPath(path, "x-acs-methods"), 'must be a non-empty list of "GET" and/or "POST".');
  }
  // Absent means the operation may change state: a tool that forgets the marker stays behind the change guard.
  const readOnly = op["x-dmsflow-readonly"];
  if (readOnly !== undefined && typeof readOnly !== "boolean") {
    report(specPath(path, "x-dmsflow-readonly"), `must be true or false, got ${JSON.stringify(readOnly)}.`);
  }
  checkParameters(document, op.parameters, specPath(path, "parameters"), report);
  checkResponse(document, op.responses, specPath(path, "responses"), report);
  checkParameterDomain(document, op, path, report);
  return id;
}

function checkParameters(document: unknown, parameters: unknown, path: string, report: Report): void {
  if (parameters === undefined) return;
  if (!Array.isArray(parameters)) {
    report(path, "must be a list.");
    return;
  }
  const names = new Set<string>();
  for (const [index, raw] of parameters.entries()) {
    const resolved = resolveRef(document, raw, specPath(path, index));
    if ("error" in resolved) continue; // reported by checkRefs
    const p = resolved.value;
    const at = specPath(path, index);
    if (!isObject(p)) {
      report(at, "must be a parameter object.");
      continue;
    }
    if (typeof p.name !== "string" || p.name === "") {
      report(specPath(at, "name"), "is missing.");
      continue;
    }
    if (names.has(p.name)) report(specPath(at, "name"), `duplicate parameter ${p.name}.`);
    names.add(p.name);
    if (p.in !== "query")
      report(specPath(at, "in"), `must be "query" (RPC parameters travel as query or form values), got ${JSON.stringify(p.in)}.`);
    if (p.required !== undefined && typeof p.required !== "boolean") report(specPath(at, "required"), "must be a boolean.");
    const schema = resolveRef(document, p.schema, specPath(at, "schema"));
    if ("error" in schema) continue;
    const s = schema.value;
    if (!isObject(s)) {
      report(schema.path, "is missing; a parameter needs a schema.");
      continue;
    }
    if (s.type === "array" || s.type === "object") {
      // A Json parameter: one JSON document in one parameter; its leaves follow the response rules.
      checkSchema(document, s, schema.path, report);
    } else if (s.type === "integer") {
      if (s.format !== "int32" && s.format !== "int64") {
        report(
          specPath(schema.path, "format"),
          `unsupported format ${JSON.stringify(s.format)} for an integer parameter; use int32 or int64.`,
        );
      }
    } else if (s.type !== "string" && s.type !== "boolean") {
      report(
        specPath(schema.path, "type"),
        `unsupported parameter type ${JSON.stringify(s.type)}; use integer (int32/int64), string, boolean, or array/object for a Json parameter.`,
      );
    }
  }
}

function checkResponse(document: unknown, responses: unknown, path: string, report: Report): void {
  if (!isObject(responses) || responses["200"] === undefined) {
    report(path, 'needs a "200" response.');
    return;
  }
  const ok = resolveRef(document, responses["200"], specPath(path, "200"));
  if ("error" in ok) return;
  const content = isObject(ok.value) ? ok.value.content : undefined;
  const json = isObject(content) ? content["application/json"] : undefined;
  if (!isObject(json) || json.schema === undefined) {
    report(specPath(ok.path, "content"), 'needs an "application/json" schema.');
    return;
  }
  const schema = resolveRef(
    document,
    json.schema,
    specPath(specPath(specPath(ok.path, "content"), "application/json"), "schema"),
  );
  if ("error" in schema) return;
  if (!isObject(schema.value) || (schema.value.type !== "object" && schema.value.allOf === undefined)) {
    report(schema.path, "the response body must be an object (or an allOf of objects).");
  }
}

/** Checks a response schema: supported types only, every allOf part an object. */
export function checkSchema(document: unknown, raw: unknown, path: string, report: Report): void {
  if (isObject(raw) && raw.$ref !== undefined) return; // the target is checked where it is defined
  if (!isObject(raw)) {
    report(path, "must be a schema object.");
    return;
  }
  if (raw.allOf !== undefined) {
    if (!Array.isArray(raw.allOf)) {
      report(specPath(path, "allOf"), "must be a list.");
      return;
    }
    for (const [i, part] of raw.allOf.entries()) {
      const at = specPath(specPath(path, "allOf"), i);
      const r = resolveRef(document, part, at);
      if ("error" in r) continue;
      if (!isObject(r.value) || r.value.type !== "object") report(at, "allOf parts must be object schemas.");
      else if (r.schemaName === undefined) checkSchema(document, part, at, report);
    }
    return;
  }
  switch (raw.type) {
    case "object": {
      const props = raw.properties ?? {};
      if (!isObject(props)) {
        report(specPath(path, "properties"), "must be an object.");
        return;
      }
      for (const [name, prop] of Object.entries(props)) {
        const at = specPath(specPath(path, "properties"), name);
        if (!PROPERTY_NAME.test(name)) report(at, "property names must be identifiers.");
        checkSchema(document, prop, at, report);
      }
      if (raw.required !== undefined) {
        if (!Array.isArray(raw.required)) {
          report(specPath(path, "required"), "must be a list.");
          return;
        }
        for (const name of raw.required) {
          if (typeof name !== "string" || !Object.hasOwn(props, name)) {
            report(specPath(path, "required"), `names ${JSON.stringify(name)}, which is not a property.`);
          }
        }
      }
      return;
    }
    case "array":
      if (raw.items === undefined) {
        report(path, "an array needs items.");
        return;
      }
      checkSchema(document, raw.items, specPath(path, "items"), report);
      return;
    case "integer":
      if (raw.format !== "int32" && raw.format !== "int64") {
        report(specPath(path, "format"), `unsupported format ${JSON.stringify(raw.format)} for an integer; use int32 or int64.`);
      }
      return;
    case "string":
    case "boolean":
      return;
    default:
      report(
        specPath(path, "type"),
        `unsupported type ${JSON.stringify(raw.type)}; use object, array, integer, string or boolean.`,
      );
  }
}

/** Reports every `$ref` in the document that does not resolve. */
function checkRefs(document: unknown, node: unknown, path: string, report: Report): void {
  if (Array.isArray(node)) {
    for (const [i, child] of node.entries()) checkRefs(document, child, specPath(path, i), report);
    return;
  }
  if (!isObject(node)) return;
  if (node.$ref !== undefined) {
    const r = resolveRef(document, node, path);
    if ("error" in r) report(r.path, r.error);
    return;
  }
  for (const [key, child] of Object.entries(node)) checkRefs(document, child, specPath(path, key), report);
}

/**
 * Refuses component schemas that reach themselves through `$ref`: generated schemas are constants
 * that refer to each other, and a cycle would read one before it is initialised.
 */
function checkNoRecursion(schemas: Record<string, unknown>, report: Report): void {
  const refsOf = (node: unknown, out: Set<string>): Set<string> => {
    if (Array.isArray(node)) for (const item of node) refsOf(item, out);
    else if (isObject(node)) {
      const ref = node.$ref;
      if (typeof ref === "string" && ref.startsWith("#/components/schemas/")) out.add(ref.slice("#/components/schemas/".length));
      for (const [key, value] of Object.entries(node)) if (key !== "$ref") refsOf(value, out);
    }
    return out;
  };
  const edges = new Map(Object.entries(schemas).map(([name, schema]) => [name, [...refsOf(schema, new Set())]]));
  const done = new Set<string>();
  const visit = (name: string, trail: string[]): void => {
    if (trail.includes(name)) {
      const cycle = [...trail.slice(trail.indexOf(name)), name];
      report(
        specPath("components.schemas", cycle[0]!),
        `refers to itself (${cycle.join(" -> ")}); recursive schemas are not supported.`,
      );
      return;
    }
    if (done.has(name)) return;
    for (const next of edges.get(name) ?? []) visit(next, [...trail, name]);
    done.add(name);
  };
  for (const name of edges.keys()) visit(name, []);
}
