import { type SourceFileStructure, StructureKind } from "ts-morph";
import type { Ir } from "../ir.js";
import type { EnumPlan, Plan } from "../plan.js";
import { exportConst } from "./exportConst.js";
import { imp } from "./fileContext.js";

/**
 * An enumeration file: a const object of identifiers to values and a union type of the values
 * (AWS SDK v3's shape), plus a few words per value for messages and help.
 */
export function emitEnum(plan: EnumPlan): SourceFileStructure {
  const e = plan.enumeration;
  const value = (v: string | number) => JSON.stringify(v);
  const key = (v: string | number) => (typeof v === "number" ? String(v) : JSON.stringify(v));
  return {
    kind: StructureKind.SourceFile,
    statements: [
      exportConst(
        e.description || `The values of ${e.name}.`,
        e.name,
        undefined,
        `{\n${e.members.map((m) => `  ${m.varName}: ${value(m.value)},\n`).join("")}} as const`,
      ),
      {
        kind: StructureKind.TypeAlias,
        isExported: true,
        name: e.name,
        docs: [`One of the ${e.name} values.`],
        type: `(typeof ${e.name})[keyof typeof ${e.name}]`,
      },
      exportConst(
        `A few words for each ${e.name} value, for messages and help.`,
        `${e.name}Descriptions`,
        `{ readonly [V in ${e.name}]: string }`,
        `{\n${e.members.map((m) => `  ${key(m.value)}: ${JSON.stringify(m.description || m.varName)},\n`).join("")}}`,
      ),
      ...(e.members.some((m) => m.code !== undefined)
        ? [
            exportConst(
              `The integer code of each ${e.name} value that has a documented one (the API shows codes in some answers).`,
              `${e.name}Codes`,
              `{ readonly [V in ${e.name}]?: number }`,
              `{\n${e.members
                .filter((m) => m.code !== undefined)
                .map((m) => `  ${key(m.value)}: ${m.code},\n`)
                .join("")}}`,
            ),
          ]
        : []),
    ],
  };
}

/** The error-code table: every code the API or the emulator answers with, what it means, and whether Alibaba documents it. */
export function emitErrorCodes(ir: Ir): SourceFileStructure {
  const entries = [...ir.errorCodes].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return {
    kind: StructureKind.SourceFile,
    statements: [
      {
        kind: StructureKind.Interface,
        name: "ErrorCodeInfo",
        isExported: true,
        docs: ["What the spec says about one error code."],
        properties: [
          {
            name: "kind",
            type: '"business" | "gateway"',
            docs: ["business: HTTP 200 with Success false; gateway: an HTTP error."],
          },
          { name: "httpStatus", type: "number", docs: ["The HTTP status it comes with."] },
          { name: "message", type: "string", docs: ["The message template ({parameter} and similar are filled in)."] },
          { name: "meaning", type: "string", docs: ["What it means and what to do."] },
          { name: "documented", type: "boolean", docs: ["Whether an Alibaba Cloud page documents the code."] },
          { name: "source", type: "string", hasQuestionToken: true, docs: ["The page that documents it."] },
        ].map((p) => ({ ...p, isReadonly: true })),
      },
      exportConst(
        "Every error code in the spec, by code.",
        "errorCodes",
        undefined,
        `{\n${entries
          .map((e) => {
            const fields = [
              `kind: ${JSON.stringify(e.kind)}`,
              `httpStatus: ${e.httpStatus}`,
              `message: ${JSON.stringify(e.message)}`,
              `meaning: ${JSON.stringify(e.meaning)}`,
              `documented: ${e.documented}`,
              ...(e.source ? [`source: ${JSON.stringify(e.source)}`] : []),
            ];
            return `  ${JSON.stringify(e.code)}: {\n    ${fields.join(",\n    ")},\n  },\n`;
          })
          .join("")}} as const satisfies { readonly [code: string]: ErrorCodeInfo }`,
      ),
      {
        kind: StructureKind.TypeAlias,
        isExported: true,
        name: "ErrorCode",
        docs: ["An error code the spec lists."],
        type: "keyof typeof errorCodes",
      },
    ],
  };
}

/**
 * The table of every enumeration by name, which a parameter descriptor's `enumeration` names: tools
 * that build input schemas or help at run time (the MCP server) read identifiers and words from it.
 */
export function emitEnumerationTable(plan: Plan): SourceFileStructure {
  return {
    kind: StructureKind.SourceFile,
    statements: [
      ...plan.enums.map((e) => imp(`./${e.module}.js`, [e.enumeration.name, `${e.enumeration.name}Descriptions`])),
      [
        "/** Every enumeration in the spec, by name: each identifier's value, and a few words per value. */",
        "export const enumerations = {",
        ...plan.enums.map(
          (e) => `  ${e.enumeration.name}: { values: ${e.enumeration.name}, descriptions: ${e.enumeration.name}Descriptions },`,
        ),
        "} as const;",
      ].join("\n"),
      {
        kind: StructureKind.TypeAlias,
        isExported: true,
        name: "EnumerationName",
        docs: ["The name of an enumeration in the table."],
        type: "keyof typeof enumerations",
      },
    ],
  };
}
