import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkUscc, illustrativeOrganisationCode, makeUscc, usccCheckCharacter } from "./uscc.ts";

const ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const PUBLIC_EXAMPLES = ["91350200776049653A", "9144030071526726XG", "91440101MA5CJQ4N59"];

const allowedChar = fc.constantFrom(...ALPHABET);
const body = (length: number) =>
  fc.array(allowedChar, { minLength: length, maxLength: length }).map((cs) => cs.join(""));
const uscc = fc
  .record({ authority: allowedChar, entityType: allowedChar, regionCode: body(6), organisationCode: body(9) })
  .map(makeUscc);

function replaceAt(code: string, index: number, ch: string): string {
  return code.slice(0, index) + ch + code.slice(index + 1);
}

describe("checkUscc", () => {
  it.each(PUBLIC_EXAMPLES)("accepts the public example %s", (code) => {
    expect(checkUscc(code)).toMatchObject({ ok: true, code });
  });

  it("splits a valid code into its parts", () => {
    expect(checkUscc("91350200776049653A")).toEqual({
      ok: true,
      code: "91350200776049653A",
      authority: "9",
      entityType: "1",
      regionCode: "350200",
      organisationCode: "776049653",
    });
  });

  it("rejects every one-character change of the public examples as a checksum failure", () => {
    for (const code of PUBLIC_EXAMPLES) {
      for (let i = 0; i < code.length; i += 1) {
        for (const ch of ALPHABET) {
          if (ch === code[i]) continue;
          const result = checkUscc(replaceAt(code, i, ch));
          expect(result).toMatchObject({ ok: false, reason: "checksum", position: 18 });
        }
      }
    }
  });

  it("names the expected and the found check character", () => {
    expect(checkUscc("91350200776049653B")).toEqual({
      ok: false,
      reason: "checksum",
      position: 18,
      expected: "A",
      message: "character 18 should be 'A' (check character), found 'B'",
    });
  });

  it.each(["I", "O", "S", "V", "Z"])("rejects the forbidden letter %s and names its position", (letter) => {
    const result = checkUscc(replaceAt("91350200776049653A", 4, letter));
    expect(result).toEqual({
      ok: false,
      reason: "character",
      position: 5,
      message: `character 5 '${letter}' is not allowed (the code uses 0-9 and A-H J-N P-R T U W-Y)`,
    });
  });

  it("rejects punctuation inside the code as a character problem", () => {
    expect(checkUscc("9135020077604965-A")).toMatchObject({ ok: false, reason: "character", position: 17 });
  });

  it.each([
    ["9135020077604965A", 17],
    ["91350200776049653A0", 19],
    ["", 0],
  ])("rejects %j for its length", (code, length) => {
    expect(checkUscc(code)).toEqual({
      ok: false,
      reason: "length",
      message: `must be 18 characters, got ${length}`,
    });
  });

  it("normalises lower case and surrounding spaces", () => {
    expect(checkUscc("  91440101ma5cjq4n59 \t")).toMatchObject({ ok: true, code: "91440101MA5CJQ4N59" });
  });

  it("reads full-width characters as their ASCII forms", () => {
    expect(checkUscc("９１４４０１０１ＭＡ５ＣＪＱ４Ｎ５９")).toMatchObject({
      ok: true,
      code: "91440101MA5CJQ4N59",
    });
  });
});

describe("usccCheckCharacter", () => {
  it.each(PUBLIC_EXAMPLES)("computes the check character of %s", (code) => {
    expect(usccCheckCharacter(code.slice(0, 17))).toBe(code.slice(17));
  });

  it("refuses input that is not 17 allowed characters", () => {
    expect(() => usccCheckCharacter("9135020077604965")).toThrow(/must be 17 characters, got 16/);
    expect(() => usccCheckCharacter("9135020077604965O")).toThrow(/character 17 'O' is not allowed/);
  });
});

describe("makeUscc", () => {
  it("rebuilds a public example from its parts", () => {
    expect(makeUscc({ regionCode: "440101", organisationCode: "MA5CJQ4N5" })).toBe("91440101MA5CJQ4N59");
  });

  it("refuses an organisation code of the wrong length", () => {
    expect(() => makeUscc({ regionCode: "330784", organisationCode: "12345678" })).toThrow(
      /organisationCode must be 9 characters, got 8/,
    );
  });

  it("always yields codes that checkUscc accepts, with the parts it was given", () => {
    fc.assert(
      fc.property(
        fc.record({
          authority: allowedChar,
          entityType: allowedChar,
          regionCode: body(6),
          organisationCode: body(9),
        }),
        (parts) => {
          expect(checkUscc(makeUscc(parts))).toMatchObject({ ok: true, ...parts });
        },
      ),
    );
  });

  it("yields codes that fail once any single character is changed to another allowed one", () => {
    fc.assert(
      fc.property(uscc, fc.nat({ max: 17 }), allowedChar, (code, index, ch) => {
        fc.pre(code[index] !== ch);
        expect(checkUscc(replaceAt(code, index, ch))).toMatchObject({ ok: false, reason: "checksum" });
      }),
    );
  });
});

describe("illustrativeOrganisationCode", () => {
  it("gives the same 9 allowed characters for the same seed", () => {
    fc.assert(
      fc.property(fc.nat({ max: 10_000_000 }), (seed) => {
        const body = illustrativeOrganisationCode(seed);
        expect(body).toMatch(/^[0-9A-HJ-NP-RTUW-Y]{9}$/);
        expect(illustrativeOrganisationCode(seed)).toBe(body);
      }),
    );
  });

  it("gives distinct bodies for the seeds 0 to 1,000,000", () => {
    const seen = new Set<string>();
    for (let seed = 0; seed <= 1_000_000; seed += 1) seen.add(illustrativeOrganisationCode(seed));
    expect(seen.size).toBe(1_000_001);
  });

  it("refuses a negative or fractional seed", () => {
    expect(() => illustrativeOrganisationCode(-1)).toThrow(RangeError);
    expect(() => illustrativeOrganisationCode(1.5)).toThrow(RangeError);
  });
});
