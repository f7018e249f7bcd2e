import type { Seed } from "../seed/seedTypes.js";
import { RequestHistory } from "./requestHistory.js";

/** What the console keeps for the life of the emulator. */
export interface ConsoleState {
  /** Whether /_emulator/console is served (default true). */
  readonly enabled: boolean;
  /** The seed the emulator started with (object or file path, read again when used), which "reset and reseed" applies again. */
  readonly startSeed: Seed | string | undefined;
  /** The last RPC requests, for the live request list. */
  readonly requests: RequestHistory;
}

/** How many requests the history keeps. */
export const REQUEST_HISTORY_SIZE = 1000;

/** The console's state for a new emulator. */
export function createConsoleState(enabled: boolean, startSeed: Seed | string | undefined, clock: () => number): ConsoleState {
  return { enabled, startSeed, requests: new RequestHistory(REQUEST_HISTORY_SIZE, clock) };
}
