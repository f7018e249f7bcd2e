import { UsageError } from "./usageError.js";

const UNIT_MS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
const PART = /(\d+(?:\.\d+)?)(ms|s|m|h)/gy;

/**
 * Reads a duration flag such as `10m`, `30s`, `1h30m` or `500ms`; a bare number counts as seconds,
 * like the aliyun CLI's timeouts. Returns milliseconds.
 */
export function parseDuration(flag: string, text: string): number {
  const bad = () => new UsageError(`--${flag} must be a duration such as 30s, 10m, 1h30m or 500ms; got ${JSON.stringify(text)}.`);
  let ms: number;
  if (/^\d+(\.\d+)?$/.test(text)) {
    ms = Number(text) * 1000;
  } else {
    ms = 0;
    PART.lastIndex = 0;
    let consumed = 0;
    for (let m = PART.exec(text); m !== null; m = PART.exec(text)) {
      ms += Number(m[1]) * UNIT_MS[m[2]!]!;
      consumed = PART.lastIndex;
    }
    if (consumed === 0 || consumed !== text.length) throw bad();
  }
  ms = Math.round(ms);
  if (ms <= 0) throw new UsageError(`--${flag} must be longer than zero; got ${JSON.stringify(text)}.`);
  if (ms > 2 ** 31 - 1)
    throw new UsageError(`--${flag} must be at most 596h (what a timer can hold); got ${JSON.stringify(text)}.`);
  return ms;
}
