// Enterprises, identified by the Unified Social Credit Code (USCC, GB 32100-2015) and classified by GB/T 4754-2017
// class; the industry-code reference list; and the enterprise import from XLSX or CSV.
import { z } from "zod";
import { Fen, Id, IsoDate, NonNegativeFen, QueryBoolean, RecordMeta, RegionCode, illustrativeInput, patchOf } from "./common.ts";

/** The server checks the code (alphabet, length, check character) and stores it upper case, half-width. */
export const Uscc = z.string().trim().min(1, "is required").max(40).describe("Unified Social Credit Code, 18 characters, e.g. 91350200776049653A");

export const IndustryClassCode = z
  .string()
  .trim()
  .regex(/^[A-Ta-t]?\d{4}$/, "must be a 4-digit GB/T 4754-2017 class code, e.g. 3465")
  .describe("GB/T 4754-2017 class (小类), e.g. 3465 electric tools; C3465 is accepted and stored as 3465");

export const Enterprise = z.object({
  id: Id,
  uscc: z.string(),
  usccCheckOk: z.boolean().describe("false when the code's check character fails: kept as the register has it (DOMAIN.md §6), to be looked at"),
  usccRegionMatch: z.boolean().describe("false when USCC positions 3–8 are not the home region's code (a hint, not an error)"),
  nameZh: z.string(),
  nameEn: z.string().nullable(),
  homeRegionCode: RegionCode,
  industryCode: z.string(),
  industryNameZh: z.string().describe("Name of the class in GB/T 4754-2017"),
  enclaveId: Id.nullable().describe("The enclave the enterprise is resident in"),
  residentSince: IsoDate.nullable(),
  employees: z.number().int().nullable(),
  foundedOn: IsoDate.nullable(),
  products: z.array(z.string()),
  registeredCapitalFen: Fen.nullable(),
  note: z.string().nullable(),
  ...RecordMeta,
});
export type Enterprise = z.infer<typeof Enterprise>;

export const CreateEnterprise = z.object({
  uscc: Uscc,
  nameZh: z.string().trim().min(1).max(200),
  nameEn: z.string().trim().min(1).max(300).nullable().default(null),
  homeRegionCode: RegionCode,
  industryCode: IndustryClassCode,
  enclaveId: Id.nullable().default(null),
  residentSince: IsoDate.nullable().default(null).describe("Only with enclaveId"),
  employees: z.number().int().min(0).max(10_000_000).nullable().default(null),
  foundedOn: IsoDate.nullable().default(null).describe("Not in the future"),
  products: z.array(z.string().trim().min(1).max(200)).max(200).default([]).describe("Main products, in Chinese or English"),
  registeredCapitalFen: NonNegativeFen.nullable().default(null),
  note: z.string().max(2000).nullable().default(null),
  keepUsccFailingCheck: z
    .boolean()
    .optional()
    .describe("Keep a code whose check character fails, as the register holds it (real registers hold a few); otherwise such a code is refused"),
  ...illustrativeInput,
});
export type CreateEnterprise = z.infer<typeof CreateEnterprise>;

export const UpdateEnterprise = patchOf(CreateEnterprise);
export type UpdateEnterprise = z.infer<typeof UpdateEnterprise>;

export const EnterpriseFilters = z.object({
  homeRegionCode: RegionCode.optional(),
  industryCode: z
    .string()
    .trim()
    .regex(/^(?:[A-Ta-t]|[A-Ta-t]?\d{1,4})$/, "must be a section letter or the first 1–4 digits of a GB/T 4754-2017 code")
    .optional()
    .describe('A class ("3465"), or a prefix: "34" matches the whole division, "C" the whole section'),
  enclaveId: Id.optional(),
  resident: QueryBoolean.optional().describe("true: resident in an enclave; false: not"),
  usccCheckOk: QueryBoolean.optional().describe("false: the enterprises whose USCC fails its check character (kept as the register has it), to look at"),
  illustrative: QueryBoolean.optional(),
});
export type EnterpriseFilters = z.infer<typeof EnterpriseFilters>;

export const IndustryCodeEntry = z.object({
  code: z.string(),
  nameZh: z.string(),
  groupCode: z.string(),
  groupNameZh: z.string(),
  divisionCode: z.string(),
  divisionNameZh: z.string(),
  sectionCode: z.string(),
  sectionNameZh: z.string(),
});
export type IndustryCodeEntry = z.infer<typeof IndustryCodeEntry>;

export const IndustryCodeQuery = z.object({
  q: z.string().trim().min(1).max(100).optional().describe("Code prefix (3465, C34) or words of the name (电动工具)"),
  limit: z.coerce.number().int().min(1).max(2000).default(50),
});
export type IndustryCodeQuery = z.infer<typeof IndustryCodeQuery>;

export const IndustryCodeList = z.object({ items: z.array(IndustryCodeEntry), total: z.number() });

export const ImportMode = z
  .enum(["all_or_nothing", "valid_rows"])
  .describe("all_or_nothing: any bad row rejects the file; valid_rows: import the good rows, report the rest");
export type ImportMode = z.infer<typeof ImportMode>;

export const ImportProblem = z.object({
  row: z.number().describe("Spreadsheet row, 1-based; 0 for the file as a whole"),
  column: z.string().describe("The header as the file writes it"),
  value: z.union([z.string(), z.number(), z.boolean(), z.null()]),
  message: z.string(),
});
export type ImportProblem = z.infer<typeof ImportProblem>;

export const ImportOutcome = z.object({
  rows: z.number().describe("Data rows read"),
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  rejected: z.number().describe("Rows not imported because of problems"),
  problems: z.array(ImportProblem),
  warnings: z.array(ImportProblem).describe("Rows imported with something to look at, e.g. a USCC whose check character fails (kept as the register has it)"),
});
export type ImportOutcome = z.infer<typeof ImportOutcome>;
