// The columns of a figures file. The figures-file format is the sharing engine's (shanhai sharing simulate reads
// the same files): its columns and cell parsers are reused here, with the three an import needs besides: the
// enterprise's name (when a sheet has no USCC), the unit of a custom measure, and a reason for a correction.
import { textCell, type ColumnSpecs } from "../../platform/tabular/index.ts";
// The engine is pure (no I/O, no state) and owns the figures-file format; importing it does not tie this module
// to the sharing module's services, which depend on this module's door, not the other way round.
// eslint-disable-next-line no-restricted-imports
import { figureColumns } from "../sharing/engine/index.ts";

export const figureImportColumns = {
  ...figureColumns,
  enterpriseName: {
    zh: "企业名称",
    en: "Enterprise name",
    aliases: ["单位名称", "纳税人名称", "纳税人", "company name", "name"],
    parse: textCell({ maxLength: 200 }),
  },
  unit: { zh: "单位", en: "Unit", aliases: ["计量单位", "unit of measure"], parse: textCell({ maxLength: 20 }) },
  reason: { zh: "说明", en: "Reason", aliases: ["更正原因", "更正说明", "备注", "note", "remark"], parse: textCell({ maxLength: 500 }) },
} satisfies ColumnSpecs;

export type FigureImportColumns = typeof figureImportColumns;

/** The columns of the import template, in order (the engine's id, version and production start are left out). */
export const templateColumns: readonly (keyof FigureImportColumns)[] = ["enterprise", "enterpriseName", "enclave", "month", "measure", "unit", "amount", "quantity", "reason"];
