import { operationTable } from "@dmsflow/client";

/** The outcomes a fault can force on a request, in the order one random draw is matched against them. */
export const FAULT_OUTCOMES = ["error500", "error503", "throttle", "drop", "resetAfterApply", "loseResponse"] as const;

/**
 * One fault outcome: InternalError 500, ServiceUnavailable 503, Throttling.User, a connection reset
 * before or after the change, or a response lost after the change (the client times out).
 */
export type FaultOutcome = (typeof FAULT_OUTCOMES)[number];

/** Faults for one action (or `*`, every action without its own rule). Probabilities are 0 to 1. */
export interface FaultRule {
  /** Answer InternalError (HTTP 500) without applying the request. */
  error500?: number;
  /** Answer ServiceUnavailable (HTTP 503) without applying the request. */
  error503?: number;
  /** Answer Throttling.User (HTTP 400, x-acs-retry-after) without applying the request. */
  throttle?: number;
  /** Destroy the connection before applying the request: the client sees a reset, nothing changed. */
  drop?: number;
  /** Apply and commit the request, then destroy the connection: the change happened, the client sees a reset. */
  resetAfterApply?: number;
  /**
   * Apply and commit the request, then never answer: the client waits until its own timeout,
   * although the change happened (the connection closes when the client gives up).
   */
  loseResponse?: number;
  /** Delay before the request is handled: a fixed number of ms, or [min, max] drawn uniformly. */
  latencyMs?: number | [number, number];
  /** The rule covers only this many more requests of the action, then disappears. Unlimited when absent. */
  remaining?: number;
}

/** Fault injection: a PRNG seed (the same seed and requests give the same faults) and rules by action. */
export interface FaultSettings {
  seed?: number;
  actions?: Record<string, FaultRule>;
}

/** Fault settings that do not follow the documented format. */
export class FaultSettingsError extends Error {
  override readonly name = "FaultSettingsError";
}

const RULE_FIELDS = [...FAULT_OUTCOMES, "latencyMs", "remaining"];
const MAX_LATENCY_MS = 120_000;

/** Checks fault settings and returns a normalized copy; throws FaultSettingsError naming the field. */
export function validateFaultSettings(input: unknown): Required<FaultSettings> {
  const bad = (path: string, what: string): never => {
    throw new FaultSettingsError(`Invalid fault settings: ${path} ${what}.`);
  };
  if (input === null || typeof input !== "object" || Array.isArray(input)) bad("the settings", "must be an object");
  const settings = input as Record<string, unknown>;
  for (const key of Object.keys(settings))
    if (key !== "seed" && key !== "actions") bad(`"${key}"`, "is not a setting (use seed, actions)");
  const seed = settings.seed ?? 1;
  if (typeof seed !== "number" || !Number.isInteger(seed) || seed < 0 || seed > 0xffffffff)
    bad("seed", "must be an integer from 0 to 4294967295");
  const actions: Record<string, FaultRule> = {};
  const given = settings.actions ?? {};
  if (given === null || typeof given !== "object" || Array.isArray(given))
    bad("actions", "must be an object keyed by action name");
  for (const [action, value] of Object.entries(given as Record<string, unknown>)) {
    if (action !== "*" && !Object.hasOwn(operationTable, action)) {
      bad(`actions.${action}`, `is not an action; use * or one of ${Object.keys(operationTable).join(", ")}`);
    }
    const path = `actions.${action}`;
    if (value === null || typeof value !== "object" || Array.isArray(value)) bad(path, "must be an object");
    const rule = value as Record<string, unknown>;
    const out: FaultRule = {};
    let total = 0;
    for (const key of Object.keys(rule))
      if (!RULE_FIELDS.includes(key)) bad(`${path}.${key}`, `is not a fault; use ${RULE_FIELDS.join(", ")}`);
    for (const outcome of FAULT_OUTCOMES) {
      const p = rule[outcome];
      if (p === undefined) continue;
      if (typeof p !== "number" || !(p >= 0 && p <= 1)) bad(`${path}.${outcome}`, "must be a probability from 0 to 1");
      out[outcome] = p as number;
      total += p as number;
    }
    if (total > 1 + 1e-9) bad(path, "has probabilities that add up to more than 1");
    const latency = rule.latencyMs;
    if (latency !== undefined) {
      const ok = (n: unknown) => typeof n === "number" && n >= 0 && n <= MAX_LATENCY_MS;
      if (Array.isArray(latency)) {
        if (latency.length !== 2 || !ok(latency[0]) || !ok(latency[1]) || latency[0] > latency[1]) {
          bad(`${path}.latencyMs`, `must be [min, max] with 0 <= min <= max <= ${MAX_LATENCY_MS}`);
        }
        out.latencyMs = [latency[0], latency[1]];
      } else {
        if (!ok(latency)) bad(`${path}.latencyMs`, `must be a number of ms from 0 to ${MAX_LATENCY_MS}, or [min, max]`);
        out.latencyMs = latency as number;
      }
    }
    if (rule.remaining !== undefined) {
      if (typeof rule.remaining !== "number" || !Number.isInteger(rule.remaining) || rule.remaining < 1) {
        bad(`${path}.remaining`, "must be a whole number of requests, 1 or more");
      }
      out.remaining = rule.remaining as number;
    }
    actions[action] = out;
  }
  return { seed: seed as number, actions };
}
