/**
 * The engine's simulated clock. It follows a base clock (real time by default) multiplied by a speed
 * factor, and tests can pause it and move it forward by hand. Simulated time never goes backwards,
 * across a restart too: it starts from the later of the base clock and the last time the engine saved.
 */
export class EngineClock {
  private anchorBase: number;
  private anchorSim: number;
  private paused = false;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly base: () => number,
    private speedFactor: number,
    floorMs = 0,
  ) {
    this.anchorBase = base();
    this.anchorSim = Math.max(this.anchorBase, floorMs);
  }

  /** Simulated epoch milliseconds now. */
  now(): number {
    if (this.paused) return this.anchorSim;
    return Math.floor(this.anchorSim + (this.base() - this.anchorBase) * this.speedFactor);
  }

  /** How many simulated milliseconds pass per real millisecond. */
  get speed(): number {
    return this.speedFactor;
  }

  /** Whether the clock stands still (it then moves only by advance). */
  get isPaused(): boolean {
    return this.paused;
  }

  /** Stops or restarts the clock where it is. */
  setPaused(paused: boolean): void {
    this.reanchor();
    this.paused = paused;
    this.changed();
  }

  /** Changes the speed factor from now on. */
  setSpeed(speed: number): void {
    this.reanchor();
    this.speedFactor = speed;
    this.changed();
  }

  /** Moves simulated time forward by this many milliseconds. */
  advance(ms: number): void {
    this.reanchor();
    this.anchorSim += ms;
    this.changed();
  }

  /** Real milliseconds until the simulated time reaches `at`: 0 once it has, Infinity while paused before it. */
  realDelayUntil(at: number): number {
    const left = at - this.now();
    if (left <= 0) return 0;
    if (this.paused) return Number.POSITIVE_INFINITY;
    return left / this.speedFactor;
  }

  /** Calls `listener` whenever the clock is paused, resumed, sped or advanced by hand. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private reanchor(): void {
    this.anchorSim = this.now();
    this.anchorBase = this.base();
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}
