import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SettlementRun } from "../../contracts/sharing.ts";
import { addTerms, createAgreement, createCounties, createEnclave, createEnterprise, recordMonthly, settle, shares, termsDocument, total, wuyi, yongkang } from "./support/sharing-fixtures.ts";
import { databaseTargets, startTestApp, type TestApp } from "./support/test-app.ts";

// "All enterprises resident in an enclave" counts each enterprise in the months it was resident, from the
// residency history: one that moved out mid-year counts until it left, one that moved in from the month it
// came, one that moved to another enclave mid-month counts that whole month (any day of a month counts it).
describe.each(databaseTargets())("settling enclave residents by their residency history on %s", (target) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(target);
    await createCounties(app);
  });
  afterAll(() => app.close());

  const correct = async (id: string, periods: unknown[]) => {
    const version = (await app.api<{ version: number }>("GET", `/api/v1/enterprises/${id}`)).body.version;
    const corrected = await app.api("PUT", `/api/v1/enterprises/${id}/residencies`, { periods }, { "if-match": String(version) });
    expect(corrected.status, JSON.stringify(corrected.body)).toBe(200);
  };
  const move = async (id: string, change: Record<string, unknown>) => {
    const moved = await app.api("PATCH", `/api/v1/enterprises/${id}`, change);
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
  };
  /** The subject's due-to-date per party: the annual split of what was counted for it. */
  const dueOf = (run: SettlementRun, subject: string) =>
    Object.fromEntries(run.lines.filter((l) => l.subject?.id === subject).map((l) => [l.party, l.dueToDate]));

  it("counts movers only in their resident months, to the fen", async () => {
    const enclave = await createEnclave(app);
    const elsewhere = await createEnclave(app);
    const agreementId = await createAgreement(app, "residents by history");
    await addTerms(
      app,
      agreementId,
      termsDocument([
        {
          id: "residents-vat",
          measure: "local_retained_vat",
          coverage: { kind: "enclave_residents", enclave },
          schedule: { basis: "calendar", startYear: 2024, windows: [{ fromYear: 1, toYear: null, shares: shares(7000, 3000) }] },
        },
      ]),
    );
    // Left on 1 July 2024 (corrected history): January–June.
    const leaver = await createEnterprise(app, { enclaveId: enclave, residentSince: "2020-01-01" });
    await correct(leaver, [{ enclaveId: enclave, from: "2020-01-01", to: "2024-07-01" }]);
    // Moved in on 1 April 2024: April–December.
    const newcomer = await createEnterprise(app);
    await move(newcomer, { enclaveId: enclave, residentSince: "2024-04-01" });
    // Moved to the other enclave on 15 September 2024: January–September, September whole.
    const mover = await createEnterprise(app, { enclaveId: enclave, residentSince: "2019-01-01" });
    await move(mover, { enclaveId: elsewhere, residentSince: "2024-09-15" });
    // Resident all year, and one that left in 2023: all twelve months, and none.
    const stayer = await createEnterprise(app, { enclaveId: enclave, residentSince: "2018-05-01" });
    const gone = await createEnterprise(app, { enclaveId: enclave, residentSince: "2018-01-01" });
    await correct(gone, [{ enclaveId: enclave, from: "2018-01-01", to: "2023-03-01" }]);

    await recordMonthly(app, leaver, "local_retained_vat", 2024, 100_000n);
    await recordMonthly(app, newcomer, "local_retained_vat", 2024, 200_000n);
    await recordMonthly(app, mover, "local_retained_vat", 2024, 10_000n);
    await recordMonthly(app, stayer, "local_retained_vat", 2024, 1_000n);
    await recordMonthly(app, gone, "local_retained_vat", 2024, 5_000_000n);

    const run = await settle(app, agreementId, "2024");
    expect(dueOf(run, leaver)).toEqual({ [wuyi]: "420000", [yongkang]: "180000" }); // 6 × 100,000
    expect(dueOf(run, newcomer)).toEqual({ [wuyi]: "1260000", [yongkang]: "540000" }); // 9 × 200,000
    expect(dueOf(run, mover)).toEqual({ [wuyi]: "63000", [yongkang]: "27000" }); // 9 × 10,000
    expect(dueOf(run, stayer)).toEqual({ [wuyi]: "8400", [yongkang]: "3600" }); // 12 × 1,000
    expect(dueOf(run, gone)).toEqual({});
    expect(total(run, wuyi, "local_retained_vat")).toBe("1751400");
    expect(total(run, yongkang, "local_retained_vat")).toBe("750600");

    // The first half-year alone: the newcomer from April, the leaver for all six months.
    const half = await settle(app, await agreementWithSameTerms(enclave), "2024-Q2");
    expect(dueOf(half, newcomer)).toEqual({ [wuyi]: "420000", [yongkang]: "180000" }); // April–June
    expect(dueOf(half, leaver)).toEqual({ [wuyi]: "420000", [yongkang]: "180000" }); // January–June
  });

  async function agreementWithSameTerms(enclave: string): Promise<string> {
    const id = await createAgreement(app, "residents by history, quarterly");
    await addTerms(
      app,
      id,
      termsDocument([
        {
          id: "residents-vat",
          measure: "local_retained_vat",
          coverage: { kind: "enclave_residents", enclave },
          schedule: { basis: "calendar", startYear: 2024, windows: [{ fromYear: 1, toYear: null, shares: shares(7000, 3000) }] },
        },
      ]),
    );
    return id;
  }
});
