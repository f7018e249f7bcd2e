import { FAULT_OUTCOMES, type FaultOutcome, type FaultRule, type FaultSettings, validateFaultSettings } from "./faultSettings.js";
import { fnv1a, mulberry32 } from "./prng.js";

/** What fault injection decided for one request. */
export interface FaultDecision {
  readonly outcome: FaultOutcome | undefined;
  readonly latencyMs: number;
}

const NONE: FaultDecision = { outcome: undefined, latencyMs: 0 };

/**
 * Decides, per request, whether to inject a fault. Each action has its own PRNG stream seeded from
 * the settings' seed and the action name, so the faults one action sees do not depend on how other
 * actions' requests interleave with it. One draw picks the outcome, a second the latency in a range.
 */
export class FaultInjector {
  private settings: Required<FaultSettings> = { seed: 1, actions: {} };
  private streams = new Map<string, () => number>();
  /** How many faults of each kind were injected since start (for the stats endpoint). */
  readonly injected: Record<FaultOutcome | "latency", number> = {
    error500: 0,
    error503: 0,
    throttle: 0,
    drop: 0,
    resetAfterApply: 0,
    loseResponse: 0,
    latency: 0,
  };

  constructor(settings?: FaultSettings) {
    if (settings) this.configure(settings);
  }

  /** Replaces the settings (validated; throws FaultSettingsError) and restarts every PRNG stream. */
  configure(settings: FaultSettings): void {
    this.settings = validateFaultSettings(settings);
    this.streams = new Map();
  }

  /** The settings in force, with `remaining` counts as they stand now. */
  current(): Required<FaultSettings> {
    return structuredClone(this.settings);
  }

  /** Decides the fault for one request of an action. */
  decide(action: string): FaultDecision {
    const own = this.settings.actions[action];
    const rule = own ?? this.settings.actions["*"];
    if (!rule) return NONE;
    this.consume(own ? action : "*", rule);
    const draw = this.stream(action);
    const u = draw();
    let outcome: FaultOutcome | undefined;
    let edge = 0;
    for (const candidate of FAULT_OUTCOMES) {
      edge += rule[candidate] ?? 0;
      if (u < edge) {
        outcome = candidate;
        break;
      }
    }
    let latencyMs = 0;
    if (Array.isArray(rule.latencyMs)) latencyMs = rule.latencyMs[0] + draw() * (rule.latencyMs[1] - rule.latencyMs[0]);
    else if (rule.latencyMs !== undefined) latencyMs = rule.latencyMs;
    if (outcome) this.injected[outcome]++;
    if (latencyMs > 0) this.injected.latency++;
    return outcome === undefined && latencyMs === 0 ? NONE : { outcome, latencyMs };
  }

  private consume(key: string, rule: FaultRule): void {
    if (rule.remaining === undefined) return;
    rule.remaining--;
    if (rule.remaining <= 0) delete this.settings.actions[key];
  }

  private stream(action: string): () => number {
    let stream = this.streams.get(action);
    if (!stream) {
      stream = mulberry32(this.settings.seed ^ fnv1a(action));
      this.streams.set(action, stream);
    }
    return stream;
  }
}
