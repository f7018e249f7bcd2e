import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DmsParameterError, parseJsonExact, ResumeTaskFlowInstanceCommand, toInt64String } from "../src/index.js";

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

describe("int64 inputs", () => {
  it("accept bigint, decimal strings and safe numbers, in canonical form", () => {
    expect(toInt64String(9007199254740993n)).toBe("9007199254740993");
    expect(toInt64String("9007199254740993")).toBe("9007199254740993");
    expect(toInt64String("007")).toBe("7");
    expect(toInt64String(Number.MAX_SAFE_INTEGER)).toBe("9007199254740991");
    expect(toInt64String(INT64_MIN)).toBe("-9223372036854775808");
    expect(toInt64String(String(INT64_MAX))).toBe("9223372036854775807");
  });

  it("refuse unsafe numbers, out-of-range values and anything that is not plain decimal", () => {
    for (const bad of [
      2 ** 53,
      1.5,
      Number.NaN,
      INT64_MAX + 1n,
      INT64_MIN - 1n,
      "9223372036854775808",
      "0x10",
      " 7",
      "1e3",
      "",
      "-",
      null,
      true,
    ]) {
      expect(toInt64String(bad), String(bad)).toBeUndefined();
    }
  });

  it("round-trip every int64 through the serializer exactly", () => {
    fc.assert(
      // DagId's value rule (minimum 1) leaves the positive int64 range; the rule itself is tested apart.
      fc.property(fc.bigInt({ min: 1n, max: INT64_MAX }), (id) => {
        const params = ResumeTaskFlowInstanceCommand.serialize({ DagId: id, DagInstanceId: id.toString() });
        return params.DagId === id.toString() && params.DagInstanceId === id.toString();
      }),
    );
  });

  it("name the parameter and the fix when a number has already lost digits", () => {
    const error = (() => {
      try {
        // biome-ignore lint/correctness/noPrecisionLoss: the point is a number that has already lost digits
        ResumeTaskFlowInstanceCommand.serialize({ DagId: 1, DagInstanceId: 9007199254740993 });
      } catch (e) {
        return e as DmsParameterError;
      }
    })();
    expect(error).toBeInstanceOf(DmsParameterError);
    expect(error?.parameter).toBe("DagInstanceId");
    expect(error?.message).toBe(
      "ResumeTaskFlowInstance: DagInstanceId must be an int64 (a bigint, a decimal string, or a safe integer number); 9007199254740992 is beyond 2^53 and has already lost digits as a number; pass it as a string or bigint.",
    );
  });
});

describe("parseJsonExact", () => {
  it("keeps every digit of long integers and leaves everything else as JSON.parse does", () => {
    expect(
      parseJsonExact('{"a":12345678901234567890,"b":-9223372036854775808,"c":1.5,"d":"12345678901234567890x","e":[1e300]}'),
    ).toEqual({
      a: "12345678901234567890",
      b: "-9223372036854775808",
      c: 1.5,
      d: "12345678901234567890x",
      e: [1e300],
    });
    expect(parseJsonExact('{"s":"quote \\" 12345678901234567890 \\\\","n":1}')).toEqual({
      s: 'quote " 12345678901234567890 \\',
      n: 1,
    });
  });

  it("agrees with JSON.parse on any JSON without long integers, and keeps long ones exact (property)", () => {
    // Doubles such as 1e19 print as 20-digit integers; those are long integers too, so leave them out here.
    const json = fc.jsonValue({ maxDepth: 3 }).filter((v) => !/\d{16}/.test(JSON.stringify(v)));
    fc.assert(
      fc.property(json, fc.bigInt({ min: INT64_MIN, max: INT64_MAX }), (value, big) => {
        // The marker is the last member, so replace its last occurrence (the generated value may contain "@@" too).
        const marked = JSON.stringify({ value, big: "@@" });
        const at = marked.lastIndexOf('"@@"');
        const text = `${marked.slice(0, at)}${big.toString()}${marked.slice(at + 4)}`;
        const parsed = parseJsonExact(text) as { value: unknown; big: unknown };
        const expectedBig = big.toString().replace("-", "").length >= 16 ? big.toString() : Number(big);
        return JSON.stringify(parsed.value) === JSON.stringify(JSON.parse(JSON.stringify(value))) && parsed.big === expectedBig;
      }),
      { numRuns: 500 },
    );
  });

  it("still throws on invalid JSON", () => {
    expect(() => parseJsonExact("<html>502 Bad Gateway</html>")).toThrow(SyntaxError);
  });
});
