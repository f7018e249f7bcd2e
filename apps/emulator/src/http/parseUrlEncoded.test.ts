import { describe, expect, it } from "vitest";
import { emptyParameters, parseUrlEncoded } from "./parseUrlEncoded.js";

const parse = (text: string) => {
  const into = emptyParameters();
  const result = parseUrlEncoded(text, into);
  return result.ok ? { ...into } : result;
};

describe("parseUrlEncoded", () => {
  it("decodes names and values, + as space, %2B as plus", () => {
    expect(parse("a=1&b=x+y%2Bz&c=%E6%95%B0&d=&e")).toEqual({ a: "1", b: "x y+z", c: "数", d: "", e: "" });
  });

  it("skips empty segments and empty names", () => {
    expect(parse("&&a=1&=2&")).toEqual({ a: "1" });
  });

  it("keeps = inside a value", () => {
    expect(parse("sig=abc%3D%3D&x=a=b")).toEqual({ sig: "abc==", x: "a=b" });
  });

  it("refuses malformed percent-encoding and invalid UTF-8, naming the parameter", () => {
    expect(parse("DagId=%ZZ")).toMatchObject({ ok: false, parameter: "DagId" });
    expect(parse("DagId=%E6%95")).toMatchObject({ ok: false, parameter: "DagId" });
    expect(parse("%C3%28=1")).toMatchObject({ ok: false, parameter: "%C3%28" });
  });

  it("refuses a name given twice", () => {
    expect(parse("Tid=1&Tid=2")).toEqual({ ok: false, parameter: "Tid", reason: "it is given more than once" });
  });

  it("cannot be tricked by __proto__ or constructor", () => {
    const into = emptyParameters();
    expect(parseUrlEncoded("__proto__=x&constructor=y", into)).toEqual({ ok: true });
    expect(Object.getPrototypeOf(into)).toBeNull();
    expect(Object.getOwnPropertyDescriptor(into, "__proto__")?.value).toBe("x");
    expect(into.constructor).toBe("y");
  });

  it("shortens a huge parameter name in what it reports", () => {
    const name = "n".repeat(500);
    const result = parse(`${name}=%ZZ`) as { parameter: string };
    expect(result.parameter.length).toBeLessThanOrEqual(65);
  });
});
