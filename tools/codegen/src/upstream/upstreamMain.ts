import { readFile, writeFile } from "node:fs/promises";
import { relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { parseSpecText } from "../load.js";
import type { SpecError } from "../specError.js";
import { compareOperation, type Drift } from "./compareOperation.js";
import { driftReport } from "./driftText.js";
import { checkMetadataFolder, listUpstreamActions, readUpstreamOperation, type UpstreamOperation } from "./readMetadata.js";
import { readSpecOperations } from "./specOperations.js";
import { UpstreamInputError } from "./upstreamError.js";
import { writeUpstreamChanges } from "./writeSpec.js";

const USAGE = `usage: npm run spec:upstream -- --meta <folder> [--spec <openapi.yaml>] [--all] [--write]
  Compares every operation of our spec with Alibaba's API metadata (<folder>/<Action>.json, as in
  aliyun/aliyun-openapi-meta metadatas/dms-enterprise) and prints what changed upstream.
  --all    also list upstream operations our spec does not carry (they do not count as drift)
  --write  update the request side of our spec to match, then run: npm run regen
  Exit code: 0 no drift, 1 drift found (after --write: drift left that needs a hand), 2 usage or input error.`;

/** Where the comparison found the spec and the metadata, and what differs. */
export interface UpstreamComparison {
  readonly drifts: Drift[];
  readonly compared: number;
  readonly upstream: Map<string, UpstreamOperation>;
}

/** Compares a spec text with a metadata folder. */
export async function compareWithUpstream(
  specName: string,
  specText: string,
  folder: string,
  all: boolean,
): Promise<UpstreamComparison> {
  let document: unknown;
  try {
    document = parseSpecText(specName, specText);
  } catch (error) {
    throw new UpstreamInputError("SpecInvalid", specName, (error as SpecError).problems?.[0]?.message ?? String(error));
  }
  const operations = readSpecOperations(document);
  const upstream = new Map<string, UpstreamOperation>();
  const drifts: Drift[] = [];
  for (const op of operations) {
    const meta = await readUpstreamOperation(folder, op.action);
    if (meta) upstream.set(op.action, meta);
    drifts.push(...compareOperation(op, meta));
  }
  if (all) {
    const carried = new Set(operations.map((o) => o.action));
    for (const action of await listUpstreamActions(folder)) {
      if (!carried.has(action)) drifts.push({ kind: "operationNotCarried", action });
    }
  }
  return { drifts, compared: operations.length, upstream };
}

/** The `npm run spec:upstream` command. Returns the exit code. */
export async function upstreamMain(argv: string[], rootDir: string): Promise<number> {
  let values: ReturnType<typeof parse>["values"];
  try {
    values = parse(argv).values;
  } catch (error) {
    process.stderr.write(`spec:upstream: ${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (!values.meta) {
    process.stderr.write(`spec:upstream: --meta <folder> is required.\n${USAGE}\n`);
    return 2;
  }
  const specFile = resolve(rootDir, values.spec ?? "specs/dms-enterprise/2018-11-01/openapi.yaml");
  const specName = relative(rootDir, specFile).split("\\").join("/");
  const folder = resolve(values.meta);
  try {
    await checkMetadataFolder(folder);
    const specText = await readFile(specFile, "utf8").catch((error: NodeJS.ErrnoException) => {
      const reason = error.code === "ENOENT" ? "no such file" : String(error);
      throw new UpstreamInputError("SpecUnreadable", specName, `cannot read the spec (${reason}); pass --spec <openapi.yaml>.`);
    });
    const found = await compareWithUpstream(specName, specText, folder, values.all === true);
    process.stdout.write(`Compared ${specName} with ${folder}:\n${driftReport(found.drifts, found.compared)}`);
    const drift = found.drifts.some((d) => d.kind !== "operationNotCarried");
    if (!values.write || !drift) return drift ? 1 : 0;
    const written = writeUpstreamChanges(specText, found.upstream, found.drifts);
    await writeFile(specFile, written.text);
    const left = await compareWithUpstream(specName, written.text, folder, false);
    process.stdout.write(
      `\nWrote ${specName}: request parameters updated in ${written.changedOperations.length} operations.\n` +
        written.notes.map((n) => `  note: ${n}\n`).join("") +
        (left.drifts.length ? `Still differs (needs a hand):\n${driftReport(left.drifts, left.compared)}` : "") +
        "Next: npm run regen (regenerates the client, prints the API diff, writes a changeset); fill in descriptions marked TODO, review, commit.\n",
    );
    return left.drifts.length ? 1 : 0;
  } catch (error) {
    if (error instanceof UpstreamInputError) {
      process.stderr.write(`spec:upstream: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    options: {
      meta: { type: "string" },
      spec: { type: "string" },
      all: { type: "boolean" },
      write: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
  });
}
