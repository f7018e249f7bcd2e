import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./fixtures/runCli.js";

let dir: string;
let bashScript: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "dmsflow-completion-"));
  const bash = await runCli(["completion", "bash"], {});
  expect(bash.code).toBe(0);
  bashScript = join(dir, "dmsflow.bash");
  writeFileSync(bashScript, bash.stdout);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What bash offers for the last word of `line`, by calling the generated completion function. */
function complete(line: string): string[] {
  const words = line.split(" ");
  const script = [
    `source ${JSON.stringify(bashScript)}`,
    `COMP_WORDS=(${words.map((w) => `'${w}'`).join(" ")})`,
    `COMP_CWORD=${words.length - 1}`,
    "_dmsflow",
    // biome-ignore lint/suspicious/noTemplateCurlyInString: bash syntax.
    'printf "%s\\n" "${COMPREPLY[@]}"',
  ].join("\n");
  return execFileSync("bash", ["--norc", "--noprofile", "-c", script], { encoding: "utf8" }).split("\n").filter(Boolean).sort();
}

describe("bash completion", () => {
  it.each([
    ["dmsflow re", ["rerun", "resume"]],
    ["dmsflow t", ["task-flows", "tenants"]],
    ["dmsflow --profile ops res", ["resume"]],
    ["dmsflow -o j", ["json"]],
    ["dmsflow resume --a", ["--all-suspended"]],
    ["dmsflow resume --dag-id ", []],
    ["dmsflow resume --dag-", ["--dag-id", "--dag-name", "--dag-version"]],
    ["dmsflow p", ["publish"]],
    ["dmsflow run --locate ", ["answer", "listing"]],
    ["dmsflow schedule --o", ["--off", "--output"]],
    ["dmsflow instances --status su", ["succeeded", "suspended"]],
    ["dmsflow wait --until ", ["finished", "running"]],
    ["dmsflow instances --until ", []],
    ["dmsflow completion ", ["bash", "zsh"]],
    ["dmsflow help ma", ["make-success"]],
    ["dmsflow call ResumeTask", ["ResumeTaskFlowInstance"]],
    ["dmsflow call ResumeTaskFlowInstance --Dag", ["--DagId", "--DagInstanceId", "--DagVersion"]],
    ["dmsflow call ResumeTaskFlowInstance --DagId ", []],
    ["dmsflow call ListTaskFlowInstance --DagId 1 --Page", ["--PageIndex", "--PageSize"]],
  ])("%j", (line, expected) => {
    expect(complete(line)).toEqual(expected);
  });
});

describe("zsh completion", () => {
  it("describes every command, flag choice and API action, and registers itself", async () => {
    const zsh = await runCli(["completion", "zsh"], {});
    expect(zsh.code).toBe(0);
    const script = zsh.stdout;
    expect(script.startsWith("#compdef dmsflow\n")).toBe(true);
    expect(script).toContain("compdef _dmsflow dmsflow");
    for (const command of ["resume", "make-success", "task-flows", "wait", "call", "completion"]) {
      expect(script).toMatch(new RegExp(`^    '${command}:[A-Z]`, "m"));
      expect(script).toMatch(new RegExp(`^      ${command}\\) _arguments|^      ${command}\\)$`, "m"));
    }
    expect(script).toContain(
      "'--status[only this status\\: waiting, running, suspended, failed, succeeded, completed]:<status>:(waiting running suspended failed succeeded completed)'",
    );
    expect(script).toContain(
      "'(-o --output)'{-o,--output}'[table, json or text (default\\: table on a terminal, text in a pipe), or cols=<A,B> rows=<JMESPath>]:<format>:(table json text)'",
    );
    expect(script).toMatch(
      /^ {12}ResumeTaskFlowInstance\) _arguments -s : \$globals '--DagId\[The ID of the task flow, from ListTaskFlow\.\]:Long:'/m,
    );
    // Quotes in help texts must not end the single-quoted words early.
    expect(script).toContain("task flow ID (from '\\''dmsflow task-flows'\\'' or '\\''dmsflow flows'\\'')");
  });
});
