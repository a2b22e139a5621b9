// Lists: filters, sort and pagination, the same for every register. Sort keys are the record's field names
// (camelCase, mapped to columns by the CamelCasePlugin); a leading "-" sorts descending.
import { sql, type SelectQueryBuilder } from "kysely";
import { z } from "zod";
import { invalid } from "./errors.ts";

const booleanish = z
  .union([z.boolean(), z.enum(["true", "false", "1", "0"])])
  .transform((v) => v === true || v === "true" || v === "1");

export const ListParams = z.object({
  page: z.coerce.number().int().min(1).default(1).describe("1-based page number"),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
  sort: z.string().max(200).optional().describe('Field names separated by commas; "-" before a name sorts descending'),
  q: z.string().trim().min(1).max(200).optional().describe("Free-text search"),
  includeArchived: booleanish.default(false),
});
export type ListParams = z.infer<typeof ListParams>;

export const ExportParams = z.object({
  format: z.enum(["json", "csv", "xlsx"]).default("json").describe("csv or xlsx export all matching records"),
  lang: z.enum(["zh", "en"]).default("zh").describe("Language of export column headers"),
});

export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

/** The most rows one export writes; an official who needs more filters first. */
export const exportLimit = 100_000;

export type SortKey = { field: string; descending: boolean };

export function parseSort(sort: string | undefined, allowed: readonly string[], fallback: string): SortKey[] {
  const spec = sort?.trim() ? sort : fallback;
  return spec.split(",").map((part) => {
    const p = part.trim();
    const descending = p.startsWith("-");
    const field = descending ? p.slice(1) : p;
    if (!allowed.includes(field)) {
      throw invalid("sort", `cannot sort by "${field}"; allowed: ${allowed.join(", ")}`, sort);
    }
    return { field, descending };
  });
}

/**
 * Runs a list query: counts all matches and returns one page, sorted. `qb` carries the filters; `tiebreak` is a
 * unique column so that pages never overlap.
 */
export async function pageOf<Row>(
  // The builder's table types differ per module; the helper touches only sort, limit and offset.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  qb: SelectQueryBuilder<any, any, Row>,
  params: Pick<ListParams, "page" | "pageSize" | "sort">,
  sortable: readonly string[],
  fallbackSort: string,
  tiebreak: string,
): Promise<Page<Row>> {
  let ordered = qb;
  for (const key of parseSort(params.sort, sortable, fallbackSort)) {
    ordered = ordered.orderBy(sql.ref(key.field), (ob) => (key.descending ? ob.desc() : ob.asc()).nullsLast());
  }
  ordered = ordered.orderBy(sql.ref(tiebreak));
  const offset = (params.page - 1) * params.pageSize;
  const [items, counted] = await Promise.all([
    ordered.limit(params.pageSize).offset(offset).execute(),
    qb.clearSelect().clearOrderBy().select(sql<string>`count(*)`.as("total")).executeTakeFirst(),
  ]);
  return { items, total: Number((counted as { total?: string } | undefined)?.total ?? 0), page: params.page, pageSize: params.pageSize };
}

/** "%text%" for ILIKE, with the pattern characters of the user's text escaped. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
