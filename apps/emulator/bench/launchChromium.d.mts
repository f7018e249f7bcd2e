import type { Browser } from "playwright-core";

/** Launches a headless Chromium (from @sparticuz/chromium, unpacked once per version) driven by playwright-core. */
export function launchChromium(): Promise<Browser>;
