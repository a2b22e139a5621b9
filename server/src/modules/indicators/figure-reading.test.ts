import ExcelJS from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import type { Enterprise } from "../../../../contracts/enterprises.ts";
import type { Actor } from "../../platform/actor.ts";
import { readTabularFile, readTable } from "../../platform/tabular/index.ts";
import { illustrativeOrganisationCode, makeUscc } from "../enterprises/index.ts";
import { figureChecker } from "./figure-import.check.ts";
import { figureImportColumns } from "./figure-import.columns.ts";
import { createFigureReader } from "./figure-reader.ts";
import { checkedPart, encodedFigures, readFigureFile, type ReadEvent, type ReadRequest } from "./figure-reading.ts";
import { directoryOf } from "./figure-subjects.ts";

const usccs = Array.from({ length: 5 }, (_, i) => makeUscc({ regionCode: "330723", organisationCode: illustrativeOrganisationCode(800_000 + i) }));
const enterprises = usccs.map((uscc, i) => ({ id: `00000000-0000-4000-8000-${String(i + 1).padStart(12, "0")}`, uscc, nameZh: `武义企业${i}`, nameEn: null, homeRegionCode: "330723", enclaveId: null }) as unknown as Enterprise);
const admin: Actor = { id: "t", name: "t", kind: "system", role: "system_admin", scope: {} };

async function workbook(rows: unknown[][], merge?: string): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("指标");
  sheet.addRow(["统一社会信用代码", "月份", "指标", "金额（万元）"]);
  for (const row of rows) sheet.addRow(row);
  if (merge) sheet.mergeCells(merge);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

const monthRows = (n: number): unknown[][] => Array.from({ length: n }, (_, i) => [usccs[i % 5], `${2000 + Math.floor(i / 60)}-${String(((i / 5) % 12 | 0) + 1).padStart(2, "0")}`, "增值税地方留成", (i % 97) / 100]);

const request = (bytes: Uint8Array, partRows = 100): ReadRequest => ({ file: { fileName: "f.xlsx", bytes }, registers: { enterprises, enclaves: [] }, units: [], actor: admin, partRows });

/** The events of a file, and the same file read whole and checked in one go. */
async function both(bytes: Uint8Array, partRows?: number) {
  const events: ReadEvent[] = [];
  await readFigureFile(request(bytes, partRows), (e) => events.push(e));
  const table = readTable(await readTabularFile({ fileName: "f.xlsx", bytes }), figureImportColumns);
  const whole = checkedPart(figureChecker(table, { subjects: directoryOf({ enterprises, enclaves: [] }), units: new Map(), mayRecord: () => true })(table.rows));
  return { events, whole };
}

/** Events with their encoded bytes as hex (a thread hands bytes back as Uint8Array, not Buffer). */
const comparable = (events: readonly ReadEvent[]) =>
  JSON.parse(
    JSON.stringify(events, (_, v: unknown) => {
      if (v instanceof Uint8Array) return Buffer.from(v).toString("hex");
      // A Buffer has become its JSON already.
      const json = v as { type?: unknown; data?: number[] } | null;
      return json?.type === "Buffer" && Array.isArray(json.data) ? Buffer.from(json.data).toString("hex") : v;
    }),
  ) as unknown;

/** The parts after the last restart, put together as one. */
function lastRun(events: readonly ReadEvent[]) {
  const run = events.slice(events.findLastIndex((e) => e.kind === "restart") + 1);
  const parts = run.flatMap((e) => (e.kind === "rows" ? [e] : []));
  return { head: run.find((e) => e.kind === "head"), parts, rows: parts.reduce((n, p) => n + p.rows, 0), problems: parts.flatMap((p) => p.problems) };
}

describe("reading a figures file as events", () => {
  it("tells the head, then the checked rows part by part, adding up to the file checked whole", async () => {
    const rows = monthRows(1000);
    rows[700] = ["91330723XXXXXXXXXX", "2024-01", "增值税地方留成", 1]; // not in the register
    rows[900] = [usccs[0], "2024-13", "增值税地方留成", 1];
    const { events, whole } = await both(await workbook(rows));
    expect(events[0]?.kind).toBe("head");
    expect(events.at(-1)).toEqual({ kind: "end" });
    expect(events.some((e) => e.kind === "restart")).toBe(false);
    const run = lastRun(events);
    expect(run.parts.length).toBeGreaterThan(5);
    expect(run.rows).toBe(1000);
    expect(run.problems).toEqual(whole.problems);
    // The header is row 1: the file's 701st and 901st figures stand in rows 702 and 902.
    expect(run.problems.map((p) => p.row)).toEqual([702, 902]);
    expect(run.parts.reduce((n, p) => n + encodedFigures(p).count, 0)).toBe(encodedFigures(whole).count);
    expect(run.parts.reduce((n, p) => n + p.rejected, 0)).toBe(2);
  });

  it("finds a figure given twice across parts", async () => {
    const rows = monthRows(300);
    rows.push([...(rows[3] as unknown[])]);
    const run = lastRun((await both(await workbook(rows), 50)).events);
    expect(run.problems).toEqual([expect.objectContaining({ row: 302, message: expect.stringContaining("the same figure") })]);
  });

  it("restarts, and tells the whole table, when merged cells change rows already told", async () => {
    const rows = monthRows(20);
    rows[1] = [null, "2001-06", "增值税地方留成", 2];
    const { events, whole } = await both(await workbook(rows, "A2:A3"), 5);
    expect(events.filter((e) => e.kind === "restart")).toHaveLength(1);
    const run = lastRun(events);
    expect(run.head).toBeDefined();
    expect(run.problems).toEqual([]);
    expect(whole.problems).toEqual([]);
    expect(run.rows).toBe(20);
  });

  it("says an unreadable file is unreadable", async () => {
    const events: ReadEvent[] = [];
    await readFigureFile(request(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])), (e) => events.push(e));
    expect(events).toEqual([{ kind: "unreadable", reason: expect.stringContaining("damaged") }]);
  });
});

describe("the figures reader's thread", () => {
  const reader = createFigureReader();
  afterAll(() => reader.close());

  it("tells the same events as reading in this thread, and reads the next file in the same thread", async () => {
    const bytes = await workbook(monthRows(500));
    const here: ReadEvent[] = [];
    await readFigureFile(request(bytes), (e) => here.push(e));
    await reader.warm();
    for (let i = 0; i < 2; i += 1) {
      const there: ReadEvent[] = [];
      for await (const event of reader.read(request(bytes))) there.push(event);
      expect(comparable(there)).toEqual(comparable(here));
    }
  });

  it("throws when reading fails in the thread, and reads on with a new one", async () => {
    const broken = { ...request(await workbook(monthRows(3))), registers: null } as unknown as ReadRequest;
    await expect(async () => {
      for await (const _ of reader.read(broken)) void _;
    }).rejects.toThrow(/reading the file failed/);
    const events: ReadEvent[] = [];
    for await (const event of reader.read(request(await workbook(monthRows(3))))) events.push(event);
    expect(events.at(-1)).toEqual({ kind: "end" });
  });
});
