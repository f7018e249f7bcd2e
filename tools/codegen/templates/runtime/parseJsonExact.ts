// Integers of 16 or more digits may not survive JSON.parse as doubles; they are quoted first so
// that the readers receive their exact digits. Shorter ones are always safe (< 2^53).
// Not JSON.parse's source text (a reviver reading context.source, Node >= 21): measured 1.8-4.6x
// slower than this on Node 22 and 24, as is any reviver (packages/client/bench/parseJsonExact.mjs).
const LONG_INTEGER = /\d{16}/;

/** Parses JSON text like JSON.parse, but returns integers of 16 or more digits as decimal strings. */
export function parseJsonExact(text: string): unknown {
  return JSON.parse(LONG_INTEGER.test(text) ? quoteLongIntegers(text) : text);
}

function quoteLongIntegers(text: string): string {
  let out = "";
  let copiedUpTo = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      i++;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d === 92 /* \ */) i += 2;
        else if (d === 34) break;
        else i++;
      }
      i++;
    } else if (c === 45 /* - */ || (c >= 48 && c <= 57)) {
      const start = i;
      i++;
      let integer = true;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d >= 48 && d <= 57) i++;
        else if (d === 46 /* . */ || d === 101 /* e */ || d === 69 /* E */ || d === 43 /* + */ || d === 45) {
          integer = false;
          i++;
        } else break;
      }
      const digits = text.charCodeAt(start) === 45 ? i - start - 1 : i - start;
      if (integer && digits >= 16) {
        out += `${text.slice(copiedUpTo, start)}"${text.slice(start, i)}"`;
        copiedUpTo = i;
      }
    } else {
      i++;
    }
  }
  return out + text.slice(copiedUpTo);
}
