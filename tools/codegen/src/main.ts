import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { generate, summaryLine } from "./generate.js";
import { SpecError } from "./specError.js";

const USAGE = `usage: npm run generate [-- --check] [--spec <openapi.yaml>] [--out <folder>]
  --check   exit 1 when the generated client is not what the spec gives; write nothing`;

/** The `npm run generate` command. Returns the exit code. */
export async function main(argv: string[], rootDir: string): Promise<number> {
  let args: ReturnType<typeof parse>;
  try {
    args = parse(argv);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (args.values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const check = args.values.check ?? false;
  const options = {
    rootDir,
    specFile: resolve(rootDir, args.values.spec ?? "specs/dms-enterprise/2018-11-01/openapi.yaml"),
    outDir: resolve(rootDir, args.values.out ?? "packages/client/src/generated"),
    check,
  };
  try {
    const result = await generate(options);
    process.stdout.write(`${summaryLine(result, check)}\n`);
    if (check && (result.changed.length > 0 || result.stale.length > 0)) {
      const list = [
        ...result.changed.map((f) => `  out of date: ${f}`),
        ...result.stale.map((f) => `  no longer generated: ${f}`),
      ];
      process.stderr.write(
        `The generated client does not match the spec (${options.outDir}):\n${list.join("\n")}\nRun \`npm run generate\` and commit the result.\n`,
      );
      return 1;
    }
    return 0;
  } catch (error) {
    if (error instanceof SpecError) {
      process.stderr.write(`codegen: the spec cannot be generated:\n${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    options: {
      check: { type: "boolean" },
      spec: { type: "string" },
      out: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
  });
}
