import type { Palette } from "./color.js";
import { stripAnsi } from "./displayWidth.js";

/** Where the bar is drawn: a terminal stream (stderr). */
export interface ProgressTarget {
  write(text: string): unknown;
  readonly columns?: number;
}

/** How far a bulk command has got. */
export interface ProgressState {
  /** Items finished, whatever the outcome. */
  readonly done: number;
  /** Items in all, once known. */
  readonly total?: number;
  /** Items that succeeded. */
  readonly succeeded: number;
  /** Items left alone (already in the wanted state). */
  readonly skipped: number;
  /** Items that failed. */
  readonly failed: number;
}

const REDRAW_MS = 80;

/**
 * A one-line progress bar redrawn in place with `\r`. Only ever created for a terminal: in a pipe
 * or a log file the carriage returns would be noise, so commands print just the summary there.
 */
export class ProgressBar {
  private lastDraw = Number.NEGATIVE_INFINITY;
  private readonly started: number;
  private drawn = false;

  /**
   * @param target the terminal stream.
   * @param palette colours, or the identity palette.
   * @param label what is happening, e.g. `Resuming`.
   * @param now a millisecond clock (injectable for tests).
   */
  constructor(
    private readonly target: ProgressTarget,
    private readonly palette: Palette,
    private readonly label: string,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.started = now();
  }

  /** Redraws the bar, at most every 80 ms unless `force`. */
  update(state: ProgressState, force = false): void {
    const t = this.now();
    if (!force && t - this.lastDraw < REDRAW_MS) return;
    this.lastDraw = t;
    this.target.write(`\r${this.render(state, t)}\x1b[K`);
    this.drawn = true;
  }

  /** Shows a line of text in the bar's place (e.g. while the total is not known yet). */
  message(text: string): void {
    this.target.write(`\r${text}\x1b[K`);
    this.drawn = true;
  }

  /** Erases the bar so that the summary starts on a clean line. */
  clear(): void {
    if (this.drawn) this.target.write("\r\x1b[K");
    this.drawn = false;
  }

  /** The bar's text for a state at time `t` (exposed for tests). */
  render(state: ProgressState, t: number): string {
    const p = this.palette;
    const elapsed = (t - this.started) / 1000;
    const counts = [
      p.green(`resumed ${state.succeeded}`),
      state.skipped ? `skipped ${state.skipped}` : "",
      state.failed ? p.red(`failed ${state.failed}`) : "",
    ]
      .filter(Boolean)
      .join("  ");
    if (state.total === undefined || state.total === 0) {
      return `${this.label} ${state.done} done  ${counts}`;
    }
    const fraction = Math.min(1, state.done / state.total);
    const rate = elapsed > 0 ? state.done / elapsed : 0;
    const eta = rate > 0 && state.done < state.total ? `  ETA ${formatSeconds((state.total - state.done) / rate)}` : "";
    const numbers = `${state.done}/${state.total}  ${Math.floor(fraction * 100)}%`;
    const fixed = `${this.label}  ${numbers}  ${stripAnsi(counts)}${eta}`.length + 4;
    const width = Math.max(10, Math.min(40, (this.target.columns || 80) - fixed - 1));
    const filled = Math.round(fraction * width);
    const bar = `[${p.green("█".repeat(filled))}${p.dim("░".repeat(width - filled))}]`;
    return `${this.label} ${bar}  ${numbers}  ${counts}${eta}`;
  }
}

/** `0.42` -> `0.4s`; `75` -> `1m15s`; `3700` -> `1h01m`. */
export function formatSeconds(seconds: number): string {
  if (seconds < 10) return `${(Math.round(seconds * 10) / 10).toFixed(1)}s`;
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${String(s % 60).padStart(2, "0")}s`;
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, "0")}m`;
}
