// Apart from its repository (behaviourRepository.ts), so the published types never reach better-sqlite3.

/** How a node behaves when it runs: set per node through the admin API. */
export interface NodeBehaviour {
  /** Simulated milliseconds a run of the node takes. */
  readonly durationMs: number;
  /** The chance (0 to 1) that a run fails, drawn from the emulator's random seed. */
  readonly failureRate: number;
  /** When set, the next run of the node fails with this message (once). */
  readonly failNext: { readonly message: string } | null;
}

/** What a node does when nothing was set: it takes one simulated second and succeeds. */
export const DEFAULT_BEHAVIOUR: NodeBehaviour = { durationMs: 1000, failureRate: 0, failNext: null };
