import { describe, expect, it } from "vitest";
import { figureIdOf, normaliseDecimal, uuidV5 } from "./figure-identity.ts";

describe("figure identity", () => {
  it("makes RFC 4122 version-5 UUIDs (the standard's DNS example)", () => {
    expect(uuidV5("python.org", "6ba7b810-9dad-11d1-80b4-00c04fd430c8")).toBe("886313e1-3b8a-5372-9b90-0c9aee199e5d");
  });

  it("gives one figure one id, whatever the case of the subject's id, and another figure another", () => {
    const key = { subjectKind: "enterprise" as const, subjectId: "0F8FAD5B-D9CB-469F-A165-70867728950E", month: "2024-03", measure: "local_retained_vat" };
    expect(figureIdOf(key)).toBe(figureIdOf({ ...key, subjectId: key.subjectId.toLowerCase() }));
    expect(figureIdOf(key)).not.toBe(figureIdOf({ ...key, month: "2024-04" }));
    expect(figureIdOf(key)).not.toBe(figureIdOf({ ...key, subjectKind: "enclave" }));
  });

  it("writes a decimal in its shortest exact form", () => {
    expect(["1200.500000", "0001.0", "-0.50", "-0.000", "12", "0.000001"].map(normaliseDecimal)).toEqual(["1200.5", "1", "-0.5", "0", "12", "0.000001"]);
  });
});
