import { describe, expect, it } from "vitest";
import { figureIdOf, normaliseDecimal, subjectRangeOf } from "./figure-identity.ts";

describe("figure identity", () => {
  it("makes RFC 9562 version-8 UUIDs that begin with the subject's first six bytes", () => {
    const subjectId = "0f8fad5b-d9cb-469f-a165-70867728950e";
    const id = figureIdOf({ subjectKind: "enterprise", subjectId, month: "2024-03", measure: "local_retained_vat" });
    expect(id).toMatch(/^0f8fad5b-d9cb-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    // A fixed value, worked out apart (Python's hashlib). The database's indicators_figure_id makes the same
    // (indicators.int.test.ts); changing either changes every figure's id.
    expect(id).toBe("0f8fad5b-d9cb-8447-8902-40e850c15a53");
    const { from, to } = subjectRangeOf(id);
    expect(from <= subjectId && subjectId <= to).toBe(true);
    expect(subjectRangeOf(id)).toEqual({ from: "0f8fad5b-d9cb-0000-0000-000000000000", to: "0f8fad5b-d9cb-ffff-ffff-ffffffffffff" });
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
