/** A stream as far as colour decisions go. */
export interface ColorTarget {
  readonly isTTY?: boolean;
}

/**
 * Whether to colour what goes to a stream: `--no-color` wins, then FORCE_COLOR (0/false off, else on;
 * it wins over NO_COLOR, as in Node itself), then NO_COLOR (any non-empty value), then TERM=dumb;
 * otherwise colour only on a terminal.
 */
export function colorEnabled(
  stream: ColorTarget,
  env: Readonly<Record<string, string | undefined>>,
  noColorFlag = false,
): boolean {
  if (noColorFlag) return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== "0" && force.toLowerCase() !== "false";
  if (env.NO_COLOR) return false;
  if (env.TERM === "dumb") return false;
  return stream.isTTY === true;
}

/** Wraps text in ANSI styles, or returns it untouched when colour is off. */
export interface Palette {
  /** Whether the palette emits escape codes. */
  readonly enabled: boolean;
  /** Bold, for table headers. */
  bold(text: string): string;
  /** Dim, for secondary information. */
  dim(text: string): string;
  /** Red, for failures. */
  red(text: string): string;
  /** Green, for success and running instances. */
  green(text: string): string;
  /** Yellow, for suspended and waiting instances. */
  yellow(text: string): string;
  /** Cyan, for commands in explanations. */
  cyan(text: string): string;
}

const style = (open: number, close: number) => (text: string) => `\x1b[${open}m${text}\x1b[${close}m`;
const identity = (text: string) => text;

/** A palette that colours when `enabled`, and is the identity otherwise. */
export function createPalette(enabled: boolean): Palette {
  if (!enabled) {
    return { enabled, bold: identity, dim: identity, red: identity, green: identity, yellow: identity, cyan: identity };
  }
  return {
    enabled,
    bold: style(1, 22),
    dim: style(2, 22),
    red: style(31, 39),
    green: style(32, 39),
    yellow: style(33, 39),
    cyan: style(36, 39),
  };
}
