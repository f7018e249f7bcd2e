import type { OutputStream } from "../cliIo.js";
import { displayWidth } from "./displayWidth.js";

/** ANSI: move the cursor up `n` lines, to column 1. */
const up = (n: number) => `\x1b[${n}F`;
/** ANSI: clear from the cursor to the end of the screen. */
const CLEAR_DOWN = "\x1b[J";

/**
 * A block of lines redrawn in place on a terminal: each draw moves the cursor back up over the
 * rows the last one took (lines wider than the terminal take several) and clears them first.
 * Only ever created for a terminal; in a pipe the escapes would be noise.
 */
export class LiveDrawing {
  #rows = 0;

  /** @param target the terminal stream (its `columns` counts wrapped rows). */
  constructor(private readonly target: OutputStream) {}

  /** Replaces what was drawn with `text` (lines ending in a newline). */
  draw(text: string): void {
    this.target.write(`${this.#erase()}${text}`);
    // A terminal of unknown size (0 columns, as under `script`) is taken as 80 wide.
    const columns = this.target.columns || 80;
    const lines = text.endsWith("\n") ? text.slice(0, -1).split("\n") : text.split("\n");
    this.#rows = lines.reduce((rows, line) => rows + Math.max(1, Math.ceil(displayWidth(line) / columns)), 0);
  }

  /** Removes what was drawn. */
  clear(): void {
    if (this.#rows > 0) this.target.write(this.#erase());
    this.#rows = 0;
  }

  #erase(): string {
    return this.#rows > 0 ? `${up(this.#rows)}${CLEAR_DOWN}` : "";
  }
}
