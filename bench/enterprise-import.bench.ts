// Bulk enterprise import rows/s ÷ a plain COPY of the same rows into the same table, each on a fresh embedded
// database in the same process and run. The import parses the file, checks every row (USCC checksum, region,
// industry code, dates), writes in batches and records history; COPY only writes.
import { PGlite } from "@electric-sql/pglite";
import { loadConfig } from "../server/src/config/config.ts";
import { createApp, type App } from "../server/src/main.ts";
import { systemActor } from "../server/src/platform/actor.ts";
import { illustrativeOrganisationCode, makeUscc } from "../server/src/modules/enterprises/index.ts";
import { ratioLine, timed } from "./measure.ts";

const rows = 5_000;
const classes = ["3465", "3312", "3389", "3381", "3670", "3770", "3391", "3484"];

type Row = { uscc: string; nameZh: string; region: string; industry: string; employees: number; founded: string };

function makeRows(): Row[] {
  return Array.from({ length: rows }, (_, i) => {
    const region = i % 2 === 0 ? "330784" : "330723";
    return {
      uscc: makeUscc({ regionCode: region, organisationCode: illustrativeOrganisationCode(900_000 + i) }),
      nameZh: `基准测试企业${i}有限公司`,
      region,
      industry: classes[i % classes.length] ?? "3465",
      employees: 10 + (i % 500),
      founded: `${2000 + (i % 20)}-0${1 + (i % 9)}-1${i % 10}`,
    };
  });
}

async function freshApp(): Promise<{ app: App; pglite: PGlite }> {
  const pglite = await PGlite.create();
  const app = await createApp(loadConfig({ LOG_LEVEL: "silent", SHANHAI_DEMO: "off" }), { pglite });
  const actor = systemActor("bench");
  const region = (code: string, nameZh: string, nameEn: string, level: "province" | "city" | "county", parentCode: string | null) =>
    app.modules.regions.regions.create(actor, { code, nameZh, nameEn, level, kind: null, parentCode, facts: [], illustrative: false });
  await region("330000", "浙江省", "Zhejiang", "province", null);
  await region("330700", "金华市", "Jinhua", "city", "330000");
  await region("330784", "永康市", "Yongkang", "county", "330700");
  await region("330723", "武义县", "Wuyi", "county", "330700");
  return { app, pglite };
}

export async function benchEnterpriseImport(): Promise<string[]> {
  const data = makeRows();
  const csv = ["统一社会信用代码,企业名称,所属地区,行业代码,从业人数,成立日期", ...data.map((r) => `${r.uscc},${r.nameZh},${r.region},${r.industry},${r.employees},${r.founded}`)].join("\n");

  const importing = await freshApp();
  const imported = await timed(() =>
    importing.app.modules.enterprises.imports.importEnterprises(systemActor("bench"), { fileName: "bench.csv", bytes: Buffer.from(csv, "utf8") }, { mode: "all_or_nothing" }),
  );
  if (imported.result.created !== rows) throw new Error(`import created ${imported.result.created} of ${rows}`);
  await importing.app.close();
  await importing.pglite.close();

  const copying = await freshApp();
  const copyCsv = data.map((r) => `${r.uscc},${r.nameZh},${r.region},${r.industry},${r.employees},${r.founded},t`).join("\n");
  const copied = await timed(() =>
    copying.pglite.query(
      "copy enterprises_enterprise (uscc, name_zh, home_region_code, industry_code, employees, founded_on, illustrative) from '/dev/blob' with (format csv)",
      [],
      { blob: new Blob([copyCsv]) },
    ),
  );
  const count = await copying.pglite.query<{ n: number }>("select count(*)::int as n from enterprises_enterprise");
  if (count.rows[0]?.n !== rows) throw new Error("COPY did not load every row");
  await copying.app.close();
  await copying.pglite.close();

  return [ratioLine(`enterprise import of ${rows} CSV rows`, rows / imported.seconds, "rows/s", "plain COPY of the same rows", rows / copied.seconds)];
}
