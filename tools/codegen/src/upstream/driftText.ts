import type { Drift } from "./compareOperation.js";
import type { UpstreamParameter } from "./readMetadata.js";

/** One drift in plain words, e.g. `ListTaskFlowInstance: parameter Status type changed from Integer to Long`. */
export function describeDrift(drift: Drift): string {
  switch (drift.kind) {
    case "operationRemoved":
      return `${drift.action}: operation removed upstream (no ${drift.action}.json in the metadata)`;
    case "operationNotCarried":
      return `${drift.action}: upstream operation that our spec does not carry`;
    case "added":
      return `${drift.action}: ${what(drift.path)} ${drift.label} added upstream (${summary(drift.upstream, drift.path.length === 1)})`;
    case "removed":
      return `${drift.action}: ${what(drift.path)} ${drift.label} removed upstream`;
    case "type":
      return `${drift.action}: ${what(drift.path)} ${drift.label} type changed from ${drift.from} to ${drift.to}`;
    case "position":
      return `${drift.action}: ${what(drift.path)} ${drift.label} position changed from ${drift.from} to ${drift.to}`;
    case "required":
      return `${drift.action}: ${what(drift.path)} ${drift.label} is now ${drift.to === "true" ? "required (was optional)" : "optional (was required)"}`;
  }
}

/** The whole report: one line per drift, then a count. */
export function driftReport(drifts: readonly Drift[], compared: number): string {
  const carried = drifts.filter((d) => d.kind !== "operationNotCarried");
  const extra = drifts.length - carried.length;
  const lines = drifts.map((d) => `  ${describeDrift(d)}`);
  const operations = new Set(carried.map((d) => d.action)).size;
  const total =
    carried.length === 0
      ? `No drift: the ${compared} operations of our spec match Alibaba's metadata.`
      : `${carried.length} difference${carried.length === 1 ? "" : "s"} in ${operations} of ${compared} operations.`;
  const notCarried = extra ? ` ${extra} upstream operations are not in our spec (listed for --all only).` : "";
  return `${lines.length ? `${lines.join("\n")}\n` : ""}${total}${notCarried}\n`;
}

function what(path: readonly string[]): string {
  return path.length === 1 ? "parameter" : "field";
}

function summary(p: UpstreamParameter, topLevel: boolean): string {
  const parts = [p.type, ...(topLevel ? [p.position] : []), p.required ? "required" : "optional"];
  if (p.subParameters) parts.push(`fields ${p.subParameters.map((s) => s.name).join(", ")}`);
  return parts.join(", ");
}
