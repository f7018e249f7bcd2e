/** Parameters decoded from a query string or a form body: a null-prototype record, name to value. */
export type RawParameters = Record<string, string>;

/** The outcome of decoding: the parameters, or the one that could not be decoded and why. */
export type ParseResult = { readonly ok: true } | { readonly ok: false; readonly parameter: string; readonly reason: string };

const OK: ParseResult = { ok: true };
const PLUS = /\+/g;

/** Creates an empty parameter record that no name (not even `__proto__`) can escape from. */
export function emptyParameters(): RawParameters {
  return Object.create(null) as RawParameters;
}

/**
 * Decodes `application/x-www-form-urlencoded` text (a query string or a form body) into `into`.
 * `+` is a space, as every form decoder reads it; malformed percent-encoding, text that is not
 * UTF-8 and a name given twice are refused, because the signature could not be checked on them.
 */
export function parseUrlEncoded(text: string, into: RawParameters): ParseResult {
  if (text === "") return OK;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf("&", start);
    if (end === -1) end = text.length;
    if (end > start) {
      const pair = text.slice(start, end);
      const eq = pair.indexOf("=");
      const rawName = eq === -1 ? pair : pair.slice(0, eq);
      const rawValue = eq === -1 ? "" : pair.slice(eq + 1);
      const name = decode(rawName);
      if (name === undefined)
        return { ok: false, parameter: shorten(rawName), reason: "its name is not valid percent-encoded UTF-8" };
      if (name !== "") {
        const value = decode(rawValue);
        if (value === undefined)
          return { ok: false, parameter: shorten(name), reason: "its value is not valid percent-encoded UTF-8" };
        if (Object.hasOwn(into, name)) return { ok: false, parameter: shorten(name), reason: "it is given more than once" };
        into[name] = value;
      }
    }
    start = end + 1;
  }
  return OK;
}

function decode(text: string): string | undefined {
  const spaced = text.includes("+") ? text.replace(PLUS, " ") : text;
  if (!spaced.includes("%")) return spaced;
  try {
    return decodeURIComponent(spaced);
  } catch {
    return undefined;
  }
}

/** Keeps echoed names short: a parameter name in an error message is for a human to recognise. */
export function shorten(text: string): string {
  return text.length > 64 ? `${text.slice(0, 64)}…` : text;
}
