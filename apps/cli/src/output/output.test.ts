import { DmsBusinessError } from "@dmsflow/core";
import { describe, expect, it } from "vitest";
import { formatError } from "../formatError.js";
import { colorEnabled, createPalette } from "./color.js";
import { displayWidth, stripAnsi } from "./displayWidth.js";
import { flatten } from "./flatten.js";
import { formatJson, JsonArrayWriter } from "./json.js";
import { formatSeconds, ProgressBar } from "./progressBar.js";
import { sanitize } from "./sanitize.js";
import { renderTable } from "./table.js";
import { textLine } from "./text.js";

describe("colorEnabled", () => {
  const tty = { isTTY: true };
  const pipe = { isTTY: false };
  it("colours terminals only, and obeys NO_COLOR, FORCE_COLOR, TERM=dumb and --no-color", () => {
    expect(colorEnabled(tty, {})).toBe(true);
    expect(colorEnabled(pipe, {})).toBe(false);
    expect(colorEnabled(tty, { NO_COLOR: "1" })).toBe(false);
    expect(colorEnabled(tty, { NO_COLOR: "" })).toBe(true);
    expect(colorEnabled(tty, { TERM: "dumb" })).toBe(false);
    expect(colorEnabled(pipe, { FORCE_COLOR: "1" })).toBe(true);
    expect(colorEnabled(tty, { FORCE_COLOR: "0" })).toBe(false);
    expect(colorEnabled(tty, { FORCE_COLOR: "1", NO_COLOR: "1" })).toBe(true);
    expect(colorEnabled(tty, { FORCE_COLOR: "1" }, true)).toBe(false);
  });
  it("the off palette is the identity", () => {
    expect(createPalette(false).red("x")).toBe("x");
    expect(createPalette(true).red("x")).toBe("\x1b[31mx\x1b[39m");
  });
});

describe("renderTable", () => {
  it("aligns columns by visible width, ignoring colour codes, without trailing spaces", () => {
    const red = createPalette(true).red;
    const text = renderTable(
      [{ header: "ID" }, { header: "STATUS" }, { header: "NAME" }],
      [
        ["9007199254740993", red("failed"), "数据"],
        ["3", "running", ""],
      ],
    );
    expect(stripAnsi(text)).toBe(
      ["ID                STATUS   NAME", "9007199254740993  failed   数据", "3                 running"].join("\n") + "\n",
    );
  });
  it("right-aligns when asked", () => {
    expect(renderTable([{ header: "N", align: "right" }, { header: "X" }], [["10", "a"]])).toBe(" N  X\n10  a\n");
  });
});

describe("displayWidth and sanitize", () => {
  it("counts wide characters twice and colour codes not at all", () => {
    expect(displayWidth("任务流")).toBe(6);
    expect(displayWidth("\x1b[1mab\x1b[22m")).toBe(2);
  });
  it("counts a letter with combining marks once, an emoji twice, zero-width characters not at all", () => {
    // "e" + U+0301 and "n" + U+0303: decomposed accents, as macOS file names and some APIs send them.
    expect(displayWidth("cafe\u0301 man\u0303ana")).toBe(11);
    expect(displayWidth("\u{1F680}")).toBe(2);
    // A family emoji is one grapheme of four code points and three joiners.
    expect(displayWidth("\u{1F468}\u200D\u{1F469}\u200D\u{1F467}\u200D\u{1F466}")).toBe(2);
    expect(displayWidth("a\u200Bb")).toBe(2);
    expect(displayWidth("ｄｍｓ")).toBe(6);
  });
  it("aligns columns holding CJK names, combining marks and emoji", () => {
    const text = renderTable(
      [{ header: "NAME" }, { header: "STATUS" }],
      [
        ["夜间任务流", "running"],
        ["cafe\u0301", "failed"],
        ["\u{1F680} deploy", "ok"],
      ],
    );
    // Every STATUS cell starts in the same terminal column.
    const starts = text
      .trimEnd()
      .split("\n")
      .map((line) => displayWidth(line.slice(0, line.search(/(STATUS|running|failed|ok)$/))));
    expect(new Set(starts)).toEqual(new Set([12]));
  });
  it("turns control characters into visible escapes", () => {
    expect(sanitize("a\tb\nc\x1b[31m")).toBe("a\\tb\\nc\\x1b[31m");
    const error = new DmsBusinessError("InvalidStatus", "declined: name\u202Etxt.exe \x1b[2J", {});
    expect(formatError(error, createPalette(false), false, {})).toBe("error: declined: name\\u202etxt.exe \\x1b[2J\n");
    expect(sanitize("invoice\u202Egnp.exe \u2066x\u2069 \u200F")).toBe("invoice\\u202egnp.exe \\u2066x\\u2069 \\u200f");
  });
});

describe("textLine", () => {
  it("separates with tabs, marks empty fields, escapes tabs inside values", () => {
    expect(textLine(["9007199254740993", "", undefined, "a\tb", 2, true])).toBe("9007199254740993\t-\t-\ta\\tb\t2\ttrue\n");
  });
});

describe("JSON output", () => {
  it("prints int64 strings as they are", () => {
    expect(formatJson({ Id: "9007199254740993" })).toBe('{\n  "Id": "9007199254740993"\n}\n');
  });
  it("streams an array that parses back to the same items", () => {
    let text = "";
    const writer = new JsonArrayWriter((t) => {
      text += t;
    });
    writer.push({ Id: "1", Nested: { a: [1, 2] } });
    writer.push({ Id: "9007199254740993" });
    writer.end();
    expect(JSON.parse(text)).toEqual([{ Id: "1", Nested: { a: [1, 2] } }, { Id: "9007199254740993" }]);
    expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
    let empty = "";
    const none = new JsonArrayWriter((t) => {
      empty += t;
    });
    none.end();
    expect(empty).toBe("[]\n");
  });
});

describe("flatten", () => {
  it("gives one path per leaf", () => {
    expect(flatten({ RequestId: "r", List: { Item: [{ Id: "9007199254740993" }, { Id: "2" }] }, Empty: [] })).toEqual([
      ["RequestId", "r"],
      ["List.Item[0].Id", "9007199254740993"],
      ["List.Item[1].Id", "2"],
      ["Empty", "[]"],
    ]);
  });
});

describe("ProgressBar", () => {
  it("draws in place with counts, percentage and ETA, throttled, and clears itself", () => {
    let written = "";
    let t = 0;
    const bar = new ProgressBar({ write: (s) => (written += s), columns: 100 }, createPalette(false), "Resuming", () => t);
    t = 10_000;
    bar.update({ done: 250, total: 500, succeeded: 240, skipped: 5, failed: 5 });
    const line = `Resuming [${"█".repeat(15)}${"░".repeat(15)}]  250/500  50%  resumed 240  skipped 5  failed 5  ETA 10s`;
    expect(written).toBe(`\r${line}\x1b[K`);
    expect(line.length).toBeLessThan(100);
    t = 10_010;
    bar.update({ done: 251, total: 500, succeeded: 241, skipped: 5, failed: 5 });
    expect(written.split("\r")).toHaveLength(2);
    bar.update({ done: 500, total: 500, succeeded: 490, skipped: 5, failed: 5 }, true);
    expect(written.split("\r")).toHaveLength(3);
    bar.clear();
    expect(written.endsWith("\r\x1b[K")).toBe(true);
  });
  it("counts without a bar while the total is unknown", () => {
    const bar = new ProgressBar({ write: () => {} }, createPalette(false), "Resuming", () => 0);
    expect(bar.render({ done: 3, succeeded: 3, skipped: 0, failed: 0 }, 1000)).toBe("Resuming 3 done  resumed 3");
  });
  it("formats ETAs", () => {
    expect(formatSeconds(0.42)).toBe("0.4s");
    expect(formatSeconds(12.4)).toBe("12s");
    expect(formatSeconds(75)).toBe("1m15s");
    expect(formatSeconds(3700)).toBe("1h01m");
  });
});
