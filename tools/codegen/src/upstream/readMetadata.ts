import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { UpstreamInputError } from "./upstreamError.js";

/** One parameter of an operation as Alibaba's API metadata (aliyun-openapi-meta) declares it. */
export interface UpstreamParameter {
  readonly name: string;
  /** Long, Integer, String, Boolean, Json, or another metadata type (RepeatList, Array, ...). */
  readonly type: string;
  /** Query or Body. */
  readonly position: string;
  readonly required: boolean;
  /** The fields of a Json parameter, when the metadata lists them. */
  readonly subParameters?: readonly UpstreamParameter[];
}

/** One operation from `metadatas/<product>/<Action>.json`. */
export interface UpstreamOperation {
  readonly action: string;
  readonly parameters: readonly UpstreamParameter[];
}

/** Fails with a clear message unless the folder exists and is a folder. */
export async function checkMetadataFolder(folder: string): Promise<void> {
  const info = await stat(folder).catch(() => undefined);
  if (!info?.isDirectory()) {
    throw new UpstreamInputError(
      "MetaFolderMissing",
      folder,
      "no such folder; pass --meta <copy of aliyun-openapi-meta>/metadatas/dms-enterprise.",
    );
  }
}

/** The actions the folder has metadata for (one `<Action>.json` each), sorted. */
export async function listUpstreamActions(folder: string): Promise<string[]> {
  const files = await readdir(folder);
  return files
    .filter((f) => f.endsWith(".json"))
    .map((f) => f.slice(0, -".json".length))
    .sort();
}

/** Reads `<folder>/<action>.json`; undefined when the file does not exist (the operation is gone upstream). */
export async function readUpstreamOperation(folder: string, action: string): Promise<UpstreamOperation | undefined> {
  const file = join(folder, `${action}.json`);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new UpstreamInputError("MetaUnreadable", file, `cannot read the metadata (${String(error)}).`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UpstreamInputError("MetaInvalid", file, `not valid JSON: ${(error as Error).message}`);
  }
  const root = json as { parameters?: unknown };
  if (typeof json !== "object" || json === null || (root.parameters !== undefined && !Array.isArray(root.parameters))) {
    throw new UpstreamInputError("MetaInvalid", file, 'expected an object with a "parameters" array.');
  }
  return { action, parameters: readParameters(file, (root.parameters as unknown[]) ?? [], "parameters") };
}

function readParameters(file: string, list: readonly unknown[], where: string): UpstreamParameter[] {
  return list.map((raw, i) => {
    const p = raw as Record<string, unknown>;
    const at = `${where}[${i}]`;
    if (typeof p?.name !== "string" || typeof p.type !== "string") {
      throw new UpstreamInputError("MetaInvalid", file, `${at}: a parameter needs a string "name" and "type".`);
    }
    if (p.sub_parameters !== undefined && !Array.isArray(p.sub_parameters)) {
      throw new UpstreamInputError("MetaInvalid", file, `${at}.sub_parameters: expected an array.`);
    }
    const subs = p.sub_parameters as unknown[] | undefined;
    return {
      name: p.name,
      type: p.type,
      // Absent position means Query in the metadata, as in the Alibaba SDK generators.
      position: typeof p.position === "string" ? p.position : "Query",
      required: p.required === true,
      ...(subs?.length ? { subParameters: readParameters(file, subs, `${at}.sub_parameters`) } : {}),
    };
  });
}
