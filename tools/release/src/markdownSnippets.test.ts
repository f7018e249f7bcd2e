import { describe, expect, it } from "vitest";
import { fencedSnippets } from "./markdownSnippets.js";

describe("fencedSnippets", () => {
  it("reads each fence's language, flags, code and opening line", () => {
    const text = [
      "# T",
      "",
      "```ts test",
      "const a = 1;",
      "```",
      "text",
      "~~~~sh",
      "```",
      "echo",
      "~~~~",
      "  ```",
      "  x",
      "  ```",
    ].join("\n");
    expect(fencedSnippets("a.md", text)).toEqual([
      { file: "a.md", line: 3, lang: "ts", flags: ["test"], code: "const a = 1;" },
      // A longer fence of the other character holds a backtick fence as code.
      { file: "a.md", line: 7, lang: "sh", flags: [], code: "```\necho" },
      // An indented fence takes its indentation off the code.
      { file: "a.md", line: 11, lang: "", flags: [], code: "x" },
    ]);
  });

  it("ends an unclosed block at the end of the file", () => {
    expect(fencedSnippets("b.md", "```js\nconsole.log(1)")).toEqual([
      { file: "b.md", line: 1, lang: "js", flags: [], code: "console.log(1)" },
    ]);
  });
});
