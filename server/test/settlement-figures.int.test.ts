import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { figureIdOf, figureSeriesForSettlement, versionsOfFigures } from "../src/modules/indicators/index.ts";
import { createCounties, createEnclave, createEnterprise, recordFigure } from "./support/sharing-fixtures.ts";
import { databaseTargets, startTestApp, type TestApp } from "./support/test-app.ts";

// The indicators module's door for settlements: figures grouped per subject and measure (the newest version of
// each month as of a moment), and figure versions named by what they are of, which explanations and
// restatements read back long after newer versions came.

const pause = () => new Promise((resolve) => setTimeout(resolve, 30));

describe.each(databaseTargets())("figures for settlement on %s", (target) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(target);
    await createCounties(app);
  });
  afterAll(() => app.close());

  it("gives each subject's newest version month by month, as of a moment, and any version back by what it is of", async () => {
    const enclaveId = await createEnclave(app);
    const e1 = await createEnterprise(app, { enclaveId, residentSince: "2020-01-01" });
    const e2 = await createEnterprise(app);
    await recordFigure(app, { enterpriseId: e1, month: "2024-02", measure: "local_retained_vat", amountFen: "200" });
    await recordFigure(app, { enterpriseId: e1, month: "2024-01", measure: "local_retained_vat", amountFen: "100" });
    await recordFigure(app, { enterpriseId: e1, month: "2023-12", measure: "local_retained_vat", amountFen: "999" });
    await recordFigure(app, { enterpriseId: e1, month: "2024-01", measure: "energy_quota", quantity: "12.500" });
    await recordFigure(app, { enterpriseId: e2, month: "2024-03", measure: "local_retained_vat", amountFen: "-300" });
    await recordFigure(app, { enclaveId, month: "2024-01", measure: "local_retained_vat", amountFen: "50" });
    await pause();
    const before = new Date();
    await pause();
    await recordFigure(app, { enterpriseId: e1, month: "2024-02", measure: "local_retained_vat", amountFen: "250", reason: "corrected" });

    const db = app.database.db;
    const query = { enterpriseIds: [e1, e2], enclaveIds: [enclaveId], measures: ["local_retained_vat", "energy_quota"], fromMonth: "2024-01", toMonth: "2024-12" };
    const now = [...(await figureSeriesForSettlement(db, query))];
    const key = (s: { subjectKind: string; subjectId: string }) => `${s.subjectKind}:${s.subjectId}`;
    expect(now.map(key)).toEqual([...now.map(key)].sort());
    const of = (series: typeof now, id: string, measure: string) => series.find((s) => s.subjectId === id && s.measure === measure);
    expect(of(now, e1, "local_retained_vat")).toMatchObject({ subjectKind: "enterprise", months: ["2024-01", "2024-02"], versions: [1, 2], units: ["fen", "fen"], values: ["100", "250"] });
    expect(of(now, e1, "energy_quota")).toMatchObject({ months: ["2024-01"], versions: [1], units: ["tce"], values: ["12.5"] });
    expect(of(now, e2, "local_retained_vat")).toMatchObject({ months: ["2024-03"], values: ["-300"] });
    expect(of(now, enclaveId, "local_retained_vat")).toMatchObject({ subjectKind: "enclave", months: ["2024-01"], values: ["50"] });
    expect(now).toHaveLength(4);

    const then = [...(await figureSeriesForSettlement(db, { ...query, asOf: before }))];
    expect(of(then, e1, "local_retained_vat")).toMatchObject({ versions: [1, 1], values: ["100", "200"] });
    expect([...(await figureSeriesForSettlement(db, { ...query, enterpriseIds: [e2], enclaveIds: [], measures: ["energy_quota"] }))]).toEqual([]);

    const february = { subjectKind: "enterprise" as const, subjectId: e1, measure: "local_retained_vat", month: "2024-02" };
    const found = await versionsOfFigures(db, [
      { ...february, version: 1 },
      { ...february, version: 2 },
      { ...february, version: 3 },
      { subjectKind: "enterprise", subjectId: e1, measure: "energy_quota", month: "2024-01", version: 1 },
    ]);
    const id = figureIdOf({ subjectKind: "enterprise", subjectId: e1, month: "2024-02", measure: "local_retained_vat" });
    expect(found).toEqual([[{ figureId: id, unit: "fen", value: "200" }], [{ figureId: id, unit: "fen", value: "250" }], [], [expect.objectContaining({ unit: "tce", value: "12.5" })]]);
    // Many keys at once (a statement of a large run) are read another way, with the same answers.
    const keys = [
      { ...february, version: 1 },
      { ...february, version: 2 },
      { ...february, version: 3 },
      { subjectKind: "enterprise" as const, subjectId: e1, measure: "energy_quota", month: "2024-01", version: 1 },
      { subjectKind: "enclave" as const, subjectId: enclaveId, measure: "local_retained_vat", month: "2024-01", version: 1 },
      { subjectKind: "enterprise" as const, subjectId: e2, measure: "local_retained_vat", month: "2024-03", version: 1 },
    ];
    const many = Array.from({ length: 1_000 }, () => keys).flat();
    const answers = await versionsOfFigures(db, keys);
    expect(answers.slice(4).map((a) => a.map((f) => f.value))).toEqual([["50"], ["-300"]]);
    expect(await versionsOfFigures(db, many)).toEqual(Array.from({ length: 1_000 }, () => answers).flat());
  });
});
