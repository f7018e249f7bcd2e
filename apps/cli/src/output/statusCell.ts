import { InstanceStatus } from "@dmsflow/client";
import { statusName } from "../statusNames.js";
import type { Palette } from "./color.js";

/** An instance status for a table cell: its name, coloured by what it means for the on-call engineer. */
export function statusCell(code: number | undefined, palette: Palette): string {
  const name = statusName(code);
  switch (code) {
    case InstanceStatus.running:
    case InstanceStatus.succeeded:
    case InstanceStatus.completed:
      return palette.green(name);
    case InstanceStatus.suspended:
      return palette.yellow(name);
    case InstanceStatus.failed:
      return palette.red(name);
    case InstanceStatus.waiting:
      return palette.dim(name);
    default:
      return name;
  }
}

/** Shortens a cell to `max` characters with an ellipsis. */
export function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
