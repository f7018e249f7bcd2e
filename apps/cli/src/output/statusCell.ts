import { statusName } from "../statusNames.js";
import type { Palette } from "./color.js";

/** An instance status for a table cell: its name, coloured by what it means for the on-call engineer. */
export function statusCell(code: number | undefined, palette: Palette): string {
  const name = statusName(code);
  switch (code) {
    case 1:
    case 4:
    case 5:
      return palette.green(name);
    case 2:
      return palette.yellow(name);
    case 3:
      return palette.red(name);
    case 0:
      return palette.dim(name);
    default:
      return name;
  }
}

/** A trigger type for humans: 0 periodic, 1 manual. */
export function triggerName(code: number | undefined): string {
  if (code === undefined) return "";
  return code === 0 ? "periodic" : code === 1 ? "manual" : String(code);
}

/** Shortens a cell to `max` characters with an ellipsis. */
export function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
