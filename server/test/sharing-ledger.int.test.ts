import ExcelJS from "exceljs";
import fc from "fast-check";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LedgerBalances, LedgerEntryJson, LineExplanation, SettlementRun } from "../../contracts/sharing.ts";
import { createAccount, sessionHeaders, signIn } from "./support/accounts.ts";
import {
  addTerms,
  confirmAll,
  createAgreement,
  createCounties,
  createEnterprise,
  recordFigure,
  recordMonthly,
  settle,
  shares,
  termsDocument,
  total,
  wuyi,
  yongkang,
  type ErrorBody,
} from "./support/sharing-fixtures.ts";
import { databaseTargets, startTestApp, type TestApp } from "./support/test-app.ts";

// Confirmation and locking, accounts, restatement, the concurrent-run conflict, the journal's immutability in the
// database itself, statements in three formats, and the ledger's invariants over random sequences on the database.

const vatTerms = (enterprises: string[], extra: Record<string, unknown> = {}) =>
  termsDocument(
    [{ id: "vat", measure: "local_retained_vat", coverage: { kind: "enterprises", enterprises }, schedule: { basis: "calendar", startYear: 2024, windows: [{ fromYear: 1, toYear: null, shares: shares(7000, 3000) }] } }],
    extra,
  );

describe.each(databaseTargets())("settlement runs and the ledger on %s", (target) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(target);
    await createCounties(app);
  });
  afterAll(() => app.close());

  it("stays a draft until an official of each party confirms, then locks and posts", async () => {
    const agreementId = await createAgreement(app, "confirmations");
    const e = await createEnterprise(app);
    await addTerms(app, agreementId, vatTerms([e]));
    await recordMonthly(app, e, "local_retained_vat", 2024, 10_001n);
    const run = await settle(app, agreementId, "2024-03");
    expect(run.parties.map((p) => [p.code, p.confirmation])).toEqual([
      [wuyi, null],
      [yongkang, null],
    ]);
    // January to March, 30,003 fen, 7:3: quotas 21,002.1 and 9,000.9; the leftover fen goes to the larger remainder.
    expect(total(run, wuyi, "local_retained_vat")).toBe("21002");
    expect(total(run, yongkang, "local_retained_vat")).toBe("9001");
    await createAccount(app, "wuyi-official", "county_official", { regionCode: wuyi });
    await createAccount(app, "yongkang-official", "county_official", { regionCode: yongkang });
    const wuyiSession = sessionHeaders(await signIn(app, "wuyi-official"));
    const yongkangSession = sessionHeaders(await signIn(app, "yongkang-official"));

    const forOther = await app.api<ErrorBody>("POST", `/api/v1/settlements/${run.id}/confirm`, { party: yongkang }, wuyiSession);
    expect(forOther.status).toBe(403);
    const first = await app.api<SettlementRun>("POST", `/api/v1/settlements/${run.id}/confirm`, { party: wuyi }, wuyiSession);
    expect(first.status).toBe(200);
    expect(first.body.status).toBe("draft");
    expect(first.body.parties[0]?.confirmation).toMatchObject({ actorName: expect.stringContaining("wuyi-official"), actorRole: "county_official" });
    const entriesBefore = await app.api<LedgerEntryJson[]>("GET", `/api/v1/agreements/${agreementId}/ledger/entries?year=2024`);
    expect(entriesBefore.body).toEqual([]);
    const second = await app.api<SettlementRun>("POST", `/api/v1/settlements/${run.id}/confirm`, { party: yongkang }, yongkangSession);
    expect(second.body.status).toBe("locked");
    expect(second.body.lockedAt).not.toBeNull();
    const entries = await app.api<LedgerEntryJson[]>("GET", `/api/v1/agreements/${agreementId}/ledger/entries?year=2024`);
    expect(entries.body).toHaveLength(1);
    expect(entries.body[0]?.lines.map((l) => [l.account, l.party, l.amount])).toEqual([
      ["party", wuyi, "21002"],
      ["party", yongkang, "9001"],
      ["pool", null, "-30003"],
    ]);
    const again = await app.api<ErrorBody>("POST", `/api/v1/settlements/${run.id}/confirm`, { party: wuyi });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("settlement.not_draft");
    const same = await settle(app, agreementId, "2024-03", 200);
    expect(same.id).toBe(run.id);
    const earlier = await app.api<ErrorBody>("POST", `/api/v1/agreements/${agreementId}/settlements`, { period: "2024-02" });
    expect(earlier.status).toBe(409);
    expect(earlier.body.error.code).toBe("settlement.later_period_locked");
  });

  it("restates a locked period after a correction: reversal, new postings and a statement of the differences", async () => {
    const agreementId = await createAgreement(app, "restatement");
    const e = await createEnterprise(app, { nameZh: '=HYPERLINK("http://example.invalid","点击")' });
    await addTerms(app, agreementId, vatTerms([e]));
    await recordMonthly(app, e, "local_retained_vat", 2024, 100_000n);
    const original = await confirmAll(app, await settle(app, agreementId, "2024-Q1"));
    await recordFigure(app, { enterpriseId: e, month: "2024-02", measure: "local_retained_vat", amountFen: "150001", reason: "tax bureau correction" });
    const restatement = await settle(app, agreementId, "2024-Q1");
    expect(restatement).toMatchObject({ kind: "restatement", restatesRunId: original.id, status: "draft" });
    expect(total(restatement, wuyi, "local_retained_vat")).toBe("245001"); // 7/10 of 350,001 = 245,000.7 → 245,001
    await confirmAll(app, restatement);
    const replaced = await app.api<SettlementRun>("GET", `/api/v1/settlements/${original.id}`);
    expect(replaced.body.status).toBe("restated");
    const entries = await app.api<LedgerEntryJson[]>("GET", `/api/v1/agreements/${agreementId}/ledger/entries?year=2024`);
    expect(entries.body.map((x) => x.kind)).toEqual(["posting", "reversal", "posting"]);
    expect(entries.body[1]?.lines.map((l) => l.amount)).toEqual(["-210000", "-90000", "300000"]);
    const ledger = await app.api<LedgerBalances>("GET", `/api/v1/agreements/${agreementId}/ledger?year=2024`);
    expect(ledger.body.consistent).toBe(true);
    expect(ledger.body.balances.find((b) => b.party === wuyi)?.amount).toBe("245001");

    const json = await app.api<{ differences: { before: string; after: string; difference: string }[]; lines: { figures: string[]; steps: string[] }[] }>(
      "GET",
      `/api/v1/settlements/${restatement.id}/statement?party=${wuyi}&format=json`,
    );
    expect(json.status).toBe(200);
    expect(json.body.differences).toEqual([expect.objectContaining({ before: "210000", after: "245001", difference: "35001" })]);
    expect(json.body.lines[0]?.figures.some((f) => f.includes(" v2 2024-02: 150001"))).toBe(true);
    // Each line names its enterprise (all names read at once, however many lines).
    expect((json.body.lines[0] as unknown as { subjectName: string }).subjectName).toBe('=HYPERLINK("http://example.invalid","点击")');
    // The replaced run still explains itself by the versions it read, though a later one now exists.
    const before = await app.api<LineExplanation>("GET", `/api/v1/settlements/${original.id}/lines/1/explanation`);
    const february = (before.body.explanation.segments as { figures: { version: number; month: string; value: string }[] }[])[0]?.figures[1];
    expect(february).toMatchObject({ version: 1, month: "2024-02", value: "100000" });

    const xlsx = await app.http.inject({ method: "GET", url: `/api/v1/settlements/${restatement.id}/statement?party=${wuyi}&format=xlsx` });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers["content-type"]).toContain("spreadsheetml");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["结算单 Statement", "明细 Lines", "差异 Differences"]);
    const name = String(workbook.getWorksheet("明细 Lines")?.getRow(2).getCell(7).value);
    expect(name.startsWith("'=HYPERLINK")).toBe(true); // stored as text, never run as a formula
    expect(workbook.getWorksheet("差异 Differences")?.getRow(2).getCell(8).value).toBe("350.01");

    const pdf = await app.http.inject({ method: "GET", url: `/api/v1/settlements/${restatement.id}/statement?party=${wuyi}&format=pdf` });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.rawPayload.toString("latin1")).toContain("WenQuanYiMicroHei");
    const notParty = await app.api<ErrorBody>("GET", `/api/v1/settlements/${restatement.id}/statement?party=330702&format=json`);
    expect(notParty.status).toBe(400);
  });

  it("lets exactly one of two runs started at once win; the other gets 409", async () => {
    const agreementId = await createAgreement(app, "concurrency");
    const e = await createEnterprise(app);
    await addTerms(app, agreementId, vatTerms([e]));
    await recordMonthly(app, e, "local_retained_vat", 2024, 5_000n);
    const both = await Promise.all([0, 1].map(() => app.api<SettlementRun & ErrorBody>("POST", `/api/v1/agreements/${agreementId}/settlements`, { period: "2024-06" })));
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(both.find((r) => r.status === 409)?.body.error.code).toBe("settlement.concurrent_run");
    const runs = await app.api<SettlementRun[]>("GET", `/api/v1/agreements/${agreementId}/settlements`);
    expect(runs.body).toHaveLength(1);
    // A retry with the same inputs gets the winner's run; different inputs must wait for the draft to go.
    expect((await settle(app, agreementId, "2024-06", 200)).id).toBe(runs.body[0]?.id);
    await recordFigure(app, { enterpriseId: e, month: "2024-06", measure: "local_retained_vat", amountFen: "5001" });
    const blocked = await app.api<ErrorBody>("POST", `/api/v1/agreements/${agreementId}/settlements`, { period: "2024-06" });
    expect(blocked.body.error.code).toBe("settlement.draft_exists");
    const discarded = await app.api<SettlementRun>("POST", `/api/v1/settlements/${runs.body[0]?.id}/discard`);
    expect(discarded.body.status).toBe("discarded");
    expect((await settle(app, agreementId, "2024-06")).kind).toBe("settlement");
  });

  it("refuses in the database to change or delete posted entries, and to post an unbalanced one", async () => {
    const db = app.database.db;
    const entry = await sql<{ id: string; runId: string }>`select id, run_id from sharing_ledger_entry order by id limit 1`.execute(db);
    const first = entry.rows[0];
    expect(first).toBeDefined();
    for (const statement of [
      sql`update sharing_ledger_line set amount = amount + 1 where entry_id = ${first?.id}`,
      sql`delete from sharing_ledger_line where entry_id = ${first?.id}`,
      sql`update sharing_ledger_entry set memo = 'rewritten' where id = ${first?.id}`,
      sql`delete from sharing_ledger_entry where id = ${first?.id}`,
      sql`update sharing_settlement_line_block set due_to_date = previously_posted`,
      sql`delete from sharing_settlement_line_block`,
      sql`truncate sharing_settlement_line_block`,
      sql`truncate sharing_settlement_line`,
      sql`update sharing_settlement_run set totals = '[]'::jsonb`,
      sql`update sharing_settlement_run set explanation_texts = '[]'::jsonb`,
      sql`update sharing_settlement_explanation set groups = ''`,
      sql`delete from sharing_settlement_explanation`,
      sql`truncate sharing_ledger_line`,
      sql`truncate sharing_settlement_run cascade`,
    ]) {
      await expect(statement.execute(db)).rejects.toMatchObject({ code: "55000" });
    }
    // Lines and explanation groups name a run that exists (checked once per statement, not by a key per row).
    const missing = "00000000-0000-4000-8000-000000000000";
    await expect(sql`insert into sharing_settlement_explanation (run_id, first_ref, groups) values (${missing}, 1, '')`.execute(db)).rejects.toMatchObject({ code: "23503" });
    await expect(
      sql`insert into sharing_settlement_line (run_id, line_no, kind, terms_version, rule_id, party, measure, unit, due_to_date, previously_posted, amount, explanation_ref)
        values (${missing}, 1, 'rule', 1, 'vat', ${wuyi}, 'local_retained_vat', 'fen', 0, 0, 0, 1)`.execute(db),
    ).rejects.toMatchObject({ code: "23503" });
    await expect(
      sql`insert into sharing_settlement_line_block (run_id, first_line, last_line, terms_version, rule_id, party, measure, unit, line_nos, subject_ids, due_to_date, previously_posted, explanation_refs)
        values (${missing}, 1, 1, 1, 'vat', ${wuyi}, 'local_retained_vat', 'fen', '{1}', '{x}', '{0}', '{0}', '{1}')`.execute(db),
    ).rejects.toMatchObject({ code: "23503" });
    // A block's arrays are one line each, in line order.
    const run = (await sql<{ id: string }>`select id from sharing_settlement_run limit 1`.execute(db)).rows[0]?.id;
    await expect(
      sql`insert into sharing_settlement_line_block (run_id, first_line, last_line, terms_version, rule_id, party, measure, unit, line_nos, subject_ids, due_to_date, previously_posted, explanation_refs)
        values (${run}, 900001, 900002, 1, 'vat', ${wuyi}, 'local_retained_vat', 'fen', '{900001,900002}', '{x}', '{0,0}', '{0,0}', '{1,1}')`.execute(db),
    ).rejects.toMatchObject({ code: "23514" });
    const unbalanced = db.transaction().execute(async (trx) => {
      const created = await sql<{ id: string }>`insert into sharing_ledger_entry (agreement_id, run_id, kind, year, period, period_last_month, posted_by, memo)
        select agreement_id, id, 'posting', year, 'test', 12, 'test', 'unbalanced' from sharing_settlement_run where status in ('draft', 'discarded') limit 1 returning id`.execute(trx);
      await sql`insert into sharing_ledger_line (entry_id, line_no, account, party, terms_version, rule_id, measure, unit, amount)
        values (${created.rows[0]?.id}, 1, 'party', ${wuyi}, 1, 'vat', 'local_retained_vat', 'fen', 100)`.execute(trx);
    });
    await expect(unbalanced).rejects.toMatchObject({ code: "23514" });
  });

  it("keeps the journal equal to the reported totals and the annual split over random settle / correct / restate sequences", async () => {
    type Op = { kind: "settle" } | { kind: "correct"; month: number; enterprise: number; value: number } | { kind: "restate"; which: number };
    const opArb: fc.Arbitrary<Op> = fc.oneof(
      fc.constant({ kind: "settle" as const }),
      fc.record({ kind: fc.constant("correct" as const), month: fc.integer({ min: 1, max: 12 }), enterprise: fc.nat(1), value: fc.integer({ min: -5_000, max: 400_000 }) }),
      fc.record({ kind: fc.constant("restate" as const), which: fc.nat(3) }),
    );
    let serial = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { maxLength: 6 }), fc.integer({ min: 1, max: 9999 }), async (ops, split) => {
        serial += 1;
        const enterprises = [await createEnterprise(app), await createEnterprise(app)];
        const document = termsDocument(
          [{ id: "vat", measure: "local_retained_vat", coverage: { kind: "enterprises", enterprises }, schedule: { basis: "calendar", startYear: 2024, windows: [{ fromYear: 1, toYear: null, shares: shares(split, 10000 - split) }] } }],
          { guaranteedReturns: [{ id: "floor", kind: "floor", principalFen: "3000000", rate: 1000, payer: yongkang, beneficiary: wuyi, fromYear: 2024, toYear: null }] },
        );
        const agreementId = await createAgreement(app, `random ${serial}`);
        const yearly = await createAgreement(app, `random ${serial} (year)`);
        await addTerms(app, agreementId, document);
        await addTerms(app, yearly, document);
        for (const [i, e] of enterprises.entries()) await recordMonthly(app, e, "local_retained_vat", 2024, BigInt(20_000 + i * 7_777 + split));
        const quarters = ["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"];
        let settled = 0;
        const settleLock = async (period: string) => {
          const response = await app.api<SettlementRun>("POST", `/api/v1/agreements/${agreementId}/settlements`, { period });
          expect([200, 201]).toContain(response.status);
          if (response.body.status === "draft") await confirmAll(app, response.body);
        };
        const check = async () => {
          const ledger = await app.api<LedgerBalances>("GET", `/api/v1/agreements/${agreementId}/ledger?year=2024`);
          expect(ledger.body.consistent).toBe(true);
          const off = await sql`select entry_id from sharing_ledger_line group by entry_id, unit having sum(amount) <> 0`.execute(app.database.db);
          expect(off.rows).toEqual([]);
        };
        for (const op of ops) {
          if (op.kind === "settle" && settled < 4) await settleLock(quarters[settled++] as string);
          if (op.kind === "correct") await recordFigure(app, { enterpriseId: enterprises[op.enterprise] as string, month: `2024-${String(op.month).padStart(2, "0")}`, measure: "local_retained_vat", amountFen: String(op.value) });
          if (op.kind === "restate" && settled > 0) await settleLock(quarters[op.which % settled] as string);
          await check();
        }
        while (settled < 4) await settleLock(quarters[settled++] as string);
        await settleLock("2024-Q4");
        await check();
        const ledger = await app.api<LedgerBalances>("GET", `/api/v1/agreements/${agreementId}/ledger?year=2024`);
        const annual = await settle(app, yearly, "2024");
        for (const t of annual.totals) expect(ledger.body.balances.find((b) => b.party === t.party && b.measure === t.measure)?.amount ?? "0", `${t.party} ${t.measure}`).toBe(t.dueToDate);
      }),
      { numRuns: process.env.CI === "true" ? 6 : 3 },
    );
  });
});
