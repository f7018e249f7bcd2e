import { describe, expect, it } from "vitest";
import type { OutputFormat } from "../globalOptions.js";
import { createPalette } from "./color.js";
import type { CommandResult, ListResult } from "./commandResult.js";
import { Output } from "./output.js";
import { renderResult } from "./renderResult.js";

async function render(result: CommandResult, format: OutputFormat, color = false) {
  let stdout = "";
  let stderr = "";
  const io = {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env: {},
    version: "0",
  };
  const out = new Output(io, format, createPalette(color), createPalette(color));
  const code = await renderResult(result, out, format);
  return { code, stdout, stderr };
}

function list(items: Array<{ id: string; n: number }>): ListResult<{ id: string; n: number }> {
  return {
    kind: "list",
    items: (async function* () {
      yield* items;
    })(),
    json: (item) => ({ Id: item.id }),
    text: (item) => [item.id, item.n, undefined],
    columns: [{ header: "ID" }, { header: "N" }],
    row: (item, palette) => [item.id, palette.green(String(item.n))],
    empty: "Nothing.\n",
    footer: (count) => `${count} items.\n`,
  };
}

describe("renderResult", () => {
  it("prints a listing as a JSON array, text lines or a table with its footer", async () => {
    const items = [
      { id: "9007199254740993", n: 1 },
      { id: "2", n: 22 },
    ];
    expect((await render(list(items), "json")).stdout).toBe(
      `${JSON.stringify(
        items.map((i) => ({ Id: i.id })),
        null,
        2,
      )}\n`,
    );
    expect((await render(list(items), "text")).stdout).toBe("9007199254740993\t1\t-\n2\t22\t-\n");
    expect((await render(list(items), "table")).stdout).toBe(
      "ID                N\n9007199254740993  1\n2                 22\n2 items.\n",
    );
    expect((await render(list(items), "table", true)).stdout).toContain("\x1b[1mID");
  });

  it("prints an empty listing as [], nothing, or the empty line", async () => {
    expect((await render(list([]), "json")).stdout).toBe("[]\n");
    expect((await render(list([]), "text")).stdout).toBe("");
    expect((await render(list([]), "table")).stdout).toBe("Nothing.\n");
  });

  it("prints a record in the chosen format, then its note on stderr, and returns its exit code", async () => {
    const result: CommandResult = {
      kind: "record",
      json: { Status: 3 },
      text: [["102", "failed"]],
      human: ({ palette, table }) => `${palette.red("failed")}\n${table([{ header: "K" }], [["v"]])}`,
      exitCode: 1,
      note: (errPalette) => `${errPalette.red("error:")} it failed.`,
    };
    expect(await render(result, "json")).toEqual({ code: 1, stdout: '{\n  "Status": 3\n}\n', stderr: "error: it failed.\n" });
    expect((await render(result, "text")).stdout).toBe("102\tfailed\n");
    expect((await render(result, "table")).stdout).toBe("failed\nK\nv\n");
  });

  it("prints a document as is in every format", async () => {
    for (const format of ["json", "text", "table"] as const) {
      expect(await render({ kind: "document", text: "#!/bin/bash\n" }, format)).toEqual({
        code: 0,
        stdout: "#!/bin/bash\n",
        stderr: "",
      });
    }
  });
});
