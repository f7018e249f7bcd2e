import type { MatrixRuntime } from "./runtimes.mjs";
/** Where the better-sqlite3 addon for a runtime lives once built. */
export declare function sqliteAddonPath(runtime: MatrixRuntime): string;
/** Builds the missing addons (cached); resolves to runtime alias -> addon path. */
export declare function ensureSqliteAddons(runtimes: readonly MatrixRuntime[]): Promise<Map<string, string>>;
