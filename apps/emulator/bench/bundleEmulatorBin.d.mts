/** Bundles src/bin.ts and its sibling packages' sources into one CommonJS file at `outfile`; resolves with it. */
export function bundleEmulatorBin(outfile: string): Promise<string>;
