// Settling a year of figures (default 1,000,000 rows: SHANHAI_BENCH_SETTLEMENT_ROWS) ÷ a plain SQL GROUP BY summing
// the same rows in the same embedded database; and the allocation kernel alone, in splits per second. The
// settlement reads the figures through the indicators module's door, gathers the facts, runs the engine for
// every rule, subject and party, and stores the run with every line's explanation (the figure versions behind
// it) — the GROUP BY only adds. Fixtures go in with COPY, as the enterprise-import benchmark does.
import { randomUUID } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import { loadConfig } from "../server/src/config/config.ts";
import { createApp, type App } from "../server/src/main.ts";
import { systemActor } from "../server/src/platform/actor.ts";
import { illustrativeOrganisationCode, makeUscc } from "../server/src/modules/enterprises/index.ts";
import { figureIdOf } from "../server/src/modules/indicators/index.ts";
import { allocate, fraction } from "../server/src/modules/sharing/engine/index.ts";
import { ratioLine, timed } from "./measure.ts";

const rows = Number(process.env.SHANHAI_BENCH_SETTLEMENT_ROWS ?? 1_000_000);
const measures = ["local_retained_vat", "local_retained_cit", "industrial_output", "value_added", "energy_quota"] as const;
const actor = systemActor("bench");

async function setUp(): Promise<{ app: App; pglite: PGlite; agreementId: string }> {
  const pglite = await PGlite.create();
  const app = await createApp(loadConfig({ LOG_LEVEL: "silent", SHANHAI_DEMO: "off" }), { pglite });
  const region = (code: string, nameZh: string, level: "province" | "city" | "county", parentCode: string | null) =>
    app.modules.regions.regions.create(actor, { code, nameZh, nameEn: nameZh, level, kind: null, parentCode, facts: [], illustrative: false });
  await region("330000", "浙江省", "province", null);
  await region("330700", "金华市", "city", "330000");
  await region("330784", "永康市", "county", "330700");
  await region("330723", "武义县", "county", "330700");
  const agreement = await app.modules.agreements.agreements.create(actor, {
    pairingId: null, titleZh: "基准协议", titleEn: "Benchmark agreement", kind: "enclave", parties: ["330723", "330784"], signedOn: null, signedAt: null, occasion: null,
    status: "draft", principles: [], focusIndustries: [], cooperationDomains: [], term: null, termStart: null, termEnd: null, note: null, published: false, illustrative: true,
  });
  const enclave = await app.modules.enclaves.enclaves.create(actor, {
    nameZh: "基准飞地", nameEn: "Benchmark enclave", kind: "industrial", hostRegionCode: "330784", sendingRegionCodes: ["330723"], agreementId: agreement.id, areaMu: "1000",
    status: "operating", openedOn: "2020-01-01", address: null, note: null, parcels: [], published: false, illustrative: true,
  });
  const enterprises = Math.ceil(rows / 12 / measures.length);
  const ids = Array.from({ length: enterprises }, () => randomUUID());
  const enterpriseCsv = ids.map((id, i) => `${id},${makeUscc({ regionCode: "330723", organisationCode: illustrativeOrganisationCode(2_000_000 + i) })},基准企业${i},330723,3465,${enclave.id},2020-01-01,t`).join("\n");
  await pglite.query("copy enterprises_enterprise (id, uscc, name_zh, home_region_code, industry_code, enclave_id, resident_since, illustrative) from '/dev/blob' with (format csv)", [], { blob: new Blob([enterpriseCsv]) });
  // COPY goes around the enterprises service, which keeps the residency history a settlement reads: write it too.
  await pglite.query("insert into enterprises_residency (enterprise_id, enclave_id, from_date) select id, enclave_id, resident_since from enterprises_enterprise where enclave_id is not null");
  // Production starts spread over 2019–2023, so anniversaries split many enterprises' years into two windows.
  const startCsv = ids.map((id, i) => `${id},${2019 + (i % 5)}-${String(1 + (i % 12)).padStart(2, "0")}-15,bench`).join("\n");
  await pglite.query("copy sharing_production_start (enterprise_id, started_on, recorded_by) from '/dev/blob' with (format csv)", [], { blob: new Blob([startCsv]) });
  const figureLines: string[] = [];
  let written = 0;
  for (const [i, id] of ids.entries()) {
    for (let month = 1; month <= 12 && written < rows; month += 1) {
      for (const measure of measures) {
        if (written >= rows) break;
        const value = 100_000 + ((i * 7919 + month * 104_729) % 900_000);
        const date = `2024-${String(month).padStart(2, "0")}-01`;
        figureLines.push(
          measure === "energy_quota"
            ? `${figureIdOf({ subjectKind: "enterprise", subjectId: id, month: date.slice(0, 7), measure })},1,enterprise,${id},${date},${measure},tce,,${value / 1000},bench,bench,api`
            : `${figureIdOf({ subjectKind: "enterprise", subjectId: id, month: date.slice(0, 7), measure })},1,enterprise,${id},${date},${measure},fen,${value},,bench,bench,api`,
        );
        written += 1;
      }
    }
  }
  await pglite.query(
    "copy indicators_figure_version (figure_id, version, subject_kind, enterprise_id, month, measure, unit, amount_fen, quantity, recorded_by_id, recorded_by_name, source) from '/dev/blob' with (format csv)",
    [],
    { blob: new Blob([figureLines.join("\n")]) },
  );
  const example = await import("../docs/sharing/examples/yongkang-wuyi.json", { with: { type: "json" } });
  const terms = JSON.parse(JSON.stringify(example.default).replaceAll("yongkang-wuyi-enclave", enclave.id)) as Record<string, unknown>;
  delete terms.$schema;
  await app.modules.sharing.terms.add(actor, agreement.id, terms);
  return { app, pglite, agreementId: agreement.id };
}

function kernel(): number {
  const shares = [
    { party: "A", share: fraction(7n, 10n) },
    { party: "B", share: fraction(1n, 5n) },
    { party: "C", share: fraction(1n, 10n) },
  ];
  const splits = 200_000;
  const start = process.hrtime.bigint();
  let check = 0n;
  for (let i = 0; i < splits; i += 1) check += allocate(BigInt(1_000_003 + i * 7), shares).parts[0]?.amount ?? 0n;
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (check === 0n) throw new Error("the kernel computed nothing");
  return splits / seconds;
}

export async function benchSettlement(): Promise<string[]> {
  const { app, pglite, agreementId } = await setUp();
  try {
    const counted = await pglite.query<{ n: number }>("select count(*)::int as n from indicators_figure_version");
    if (counted.rows[0]?.n !== rows) throw new Error(`loaded ${counted.rows[0]?.n} figure rows, not ${rows}`);
    const grouped = await timed(() =>
      pglite.query("select subject_id, measure, sum(amount_fen) as fen, sum(quantity) as quantity from indicators_figure_version where month between '2024-01-01' and '2024-12-01' group by subject_id, measure"),
    );
    const settled = await timed(() => app.modules.sharing.runs.start(actor, agreementId, { period: "2024" }));
    const lines = settled.result.run.lines.length;
    const splitsPerSecond = kernel();
    return [
      ratioLine(`settling ${rows} figure rows into ${lines} explained lines`, settled.seconds, "s", "plain SQL GROUP BY of the same rows", grouped.seconds),
      `allocation kernel: ${Math.round(splitsPerSecond).toLocaleString("en")} splits/s (3 parties, largest remainder, with the rounding explanation)`,
    ];
  } finally {
    await app.close();
    await pglite.close();
  }
}
