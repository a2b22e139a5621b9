import { describe, expect, it } from "vitest";
import { followResidence, historyProblems, overlaps, residenceOf, type Period } from "./residency-rules.ts";

const A = "00000000-0000-4000-8000-00000000000a";
const B = "00000000-0000-4000-8000-00000000000b";
const today = "2025-03-10";

describe("residency history rules", () => {
  it("treats periods as half-open: moving out on the day another begins is no overlap", () => {
    expect(overlaps({ enclaveId: A, from: "2020-01-01", to: "2024-07-01" }, { enclaveId: B, from: "2024-07-01", to: null })).toBe(false);
    expect(overlaps({ enclaveId: A, from: "2020-01-01", to: "2024-07-02" }, { enclaveId: B, from: "2024-07-01", to: null })).toBe(true);
    expect(overlaps({ enclaveId: A, from: null, to: "2019-01-01" }, { enclaveId: B, from: null, to: null })).toBe(true);
  });

  it("names every problem of a history by its index", () => {
    const history: Period[] = [
      { enclaveId: A, from: "2020-01-01", to: "2019-01-01" },
      { enclaveId: A, from: "2021-01-01", to: null },
      { enclaveId: B, from: "2022-01-01", to: null },
    ];
    expect(historyProblems(history).map((p) => p.field)).toEqual(["periods.0.to", "periods.2.to", "periods.2.from"]);
    expect(historyProblems([{ enclaveId: A, from: null, to: "2020-01-01" }, { enclaveId: B, from: "2020-01-01", to: null }])).toEqual([]);
  });

  it("closes the open period on the day of a move and opens the new one", () => {
    const moved = followResidence([{ enclaveId: A, from: "2020-01-01", to: null }], { enclaveId: A, residentSince: "2020-01-01" }, { enclaveId: B, residentSince: "2024-07-01" }, today);
    expect(moved).toEqual({ periods: [{ enclaveId: A, from: "2020-01-01", to: "2024-07-01" }, { enclaveId: B, from: "2024-07-01", to: null }] });
  });

  it("closes the period today when an enterprise moves out, and opens one today when it moves in without a date", () => {
    const out = followResidence([{ enclaveId: A, from: null, to: null }], { enclaveId: A, residentSince: null }, { enclaveId: null, residentSince: null }, today);
    expect(out).toEqual({ periods: [{ enclaveId: A, from: null, to: today }] });
    const back = followResidence([{ enclaveId: A, from: null, to: "2025-01-01" }], { enclaveId: null, residentSince: null }, { enclaveId: B, residentSince: null }, today);
    expect(back).toEqual({ periods: [{ enclaveId: A, from: null, to: "2025-01-01" }, { enclaveId: B, from: today, to: null }] });
    expect(residenceOf(back && "periods" in back ? back.periods : [])).toEqual({ enclaveId: B, residentSince: today });
  });

  it("keeps a new enterprise's start as given, unknown included", () => {
    expect(followResidence([], null, { enclaveId: A, residentSince: null }, today)).toEqual({ periods: [{ enclaveId: A, from: null, to: null }] });
    expect(followResidence([], null, { enclaveId: null, residentSince: null }, today)).toEqual({ periods: [] });
  });

  it("moves the open period's start when residentSince changes in the same enclave", () => {
    const history: Period[] = [{ enclaveId: B, from: "2018-01-01", to: "2020-01-01" }, { enclaveId: A, from: "2021-01-01", to: null }];
    expect(followResidence(history, { enclaveId: A, residentSince: "2021-01-01" }, { enclaveId: A, residentSince: "2020-06-01" }, today)).toEqual({
      periods: [{ enclaveId: B, from: "2018-01-01", to: "2020-01-01" }, { enclaveId: A, from: "2020-06-01", to: null }],
    });
    const clash = followResidence(history, { enclaveId: A, residentSince: "2021-01-01" }, { enclaveId: A, residentSince: "2019-06-01" }, today);
    expect(clash).toMatchObject({ problem: { field: "residentSince", message: expect.stringContaining("overlaps an earlier residency") } });
  });

  it("refuses a move dated before the current residency began, naming the field", () => {
    const refused = followResidence([{ enclaveId: A, from: "2024-03-01", to: null }], { enclaveId: A, residentSince: "2024-03-01" }, { enclaveId: B, residentSince: "2024-01-01" }, today);
    expect(refused).toMatchObject({ problem: { field: "residentSince", value: "2024-01-01" } });
  });

  it("drops a residency that ends the day it began", () => {
    const undone = followResidence([{ enclaveId: A, from: today, to: null }], { enclaveId: A, residentSince: today }, { enclaveId: null, residentSince: null }, today);
    expect(undone).toEqual({ periods: [] });
  });
});
