// Fixtures for the figures (indicators) tests: two paired counties, an enclave, enterprises with known USCCs,
// and helpers to upload files and read the tables the tests check.
import ExcelJS from "exceljs";
import { sql } from "kysely";
import { illustrativeOrganisationCode, makeUscc } from "../../src/modules/enterprises/index.ts";
import type { Db } from "../../src/platform/database.ts";
import type { App } from "../../src/main.ts";
import { testOperator } from "./test-app.ts";

export const yongkang = "330784";
export const wuyi = "330723";
export const yiwu = "330782";

export type FigureWorld = {
  enclaveId: string;
  enclaveName: string;
  /** USCC → id */
  enterprises: { id: string; uscc: string; nameZh: string; homeRegionCode: string }[];
};

/** Regions, a pairing, the Yongkang–Wuyi enclave (in Yongkang, for Wuyi) and `count` enterprises (the last in Yiwu). */
export async function buildFigureWorld(app: App, count = 3): Promise<FigureWorld> {
  const op = testOperator;
  const m = app.modules;
  const region = (code: string, nameZh: string, nameEn: string) =>
    m.regions.regions.create(op, { code, nameZh, nameEn, level: "county", kind: null, parentCode: null, facts: [], illustrative: false });
  await region(yongkang, "永康市", "Yongkang");
  await region(wuyi, "武义县", "Wuyi");
  await region(yiwu, "义乌市", "Yiwu");
  await m.regions.pairings.create(op, { nameZh: "永武结对", nameEn: "Yongkang–Wuyi", programme: "mountain–sea", sinceYear: 2006, since: null, regionCodes: [yongkang, wuyi], note: null, illustrative: false });
  const enclave = await m.enclaves.enclaves.create(op, {
    nameZh: "永武山海协作产业飞地",
    nameEn: "Yongkang–Wuyi enclave",
    kind: "industrial",
    hostRegionCode: yongkang,
    sendingRegionCodes: [wuyi],
    agreementId: null,
    areaMu: "150",
    status: "planned",
    openedOn: null,
    address: null,
    note: null,
    parcels: [],
    published: false,
    illustrative: false,
  });
  const enterprises: FigureWorld["enterprises"] = [];
  for (let i = 0; i < count; i += 1) {
    const home = i === count - 1 && count > 1 ? yiwu : wuyi;
    const uscc = makeUscc({ regionCode: home, organisationCode: illustrativeOrganisationCode(7100 + i) });
    const nameZh = `武义测试五金${i}有限公司`;
    const created = await m.enterprises.enterprises.create(op, {
      uscc,
      nameZh,
      nameEn: `Wuyi Test Hardware ${i}`,
      homeRegionCode: home,
      industryCode: "3471",
      enclaveId: home === wuyi ? enclave.id : null,
      residentSince: null,
      employees: null,
      foundedOn: null,
      products: [],
      registeredCapitalFen: null,
      note: null,
      illustrative: false,
    });
    enterprises.push({ id: created.id, uscc, nameZh, homeRegionCode: home });
  }
  return { enclaveId: enclave.id, enclaveName: enclave.nameZh, enterprises };
}

export function multipart(fileName: string, bytes: Uint8Array) {
  const boundary = `----shanhai${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, bytes, tail]), headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}

export async function xlsxOf(rows: unknown[][], options: { sheet?: string; hiddenFirst?: boolean } = {}): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  if (options.hiddenFirst) book.addWorksheet("说明", { state: "hidden" }).addRow(["这个工作表是隐藏的"]);
  const sheet = book.addWorksheet(options.sheet ?? "指标");
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

export const utf8 = (text: string) => new TextEncoder().encode(text);

/** Rows of a table by SQL (the tests look at what the database holds, not only at what the API says). */
export async function countOf(db: Db, table: string, where = "true"): Promise<number> {
  const result = await sql<{ n: string }>`select count(*) as n from ${sql.table(table)} where ${sql.raw(where)}`.execute(db);
  return Number(result.rows[0]?.n ?? 0);
}
