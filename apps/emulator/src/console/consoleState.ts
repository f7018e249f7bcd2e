/**
 * What only the console keeps. The request history (ctx.history), the event stream (ctx.events) and
 * the start-up seed for reset with reseed (ctx.startupSeed) are the emulator's own, shared with the
 * admin API.
 */
export interface ConsoleState {
  /** Whether /_emulator/console is served (default true; --no-console turns it off). */
  readonly enabled: boolean;
}
