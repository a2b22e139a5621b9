// Shapes shared by every register: money, dates, codes, record metadata. Used by the server, the web app and
// the OpenAPI document alike.
import { z } from "zod";

/** Money: integer fen as a decimal string ("150000" is ¥1,500.00), so no JSON number ever rounds it. */
export const Fen = z
  .string()
  .regex(/^-?\d{1,18}$/, 'must be a whole number of fen written as a string, e.g. "150000" for ¥1,500.00');
export const NonNegativeFen = Fen.refine((v) => !v.startsWith("-"), "must not be negative");

export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date written YYYY-MM-DD")
  .refine((v) => {
    const d = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(v);
  }, "is not a calendar date");

/** A decimal quantity as a string ("1047.49"), exact like money. */
export const Decimal = z.string().regex(/^-?\d{1,15}(\.\d{1,6})?$/, 'must be a decimal number written as a string, e.g. "1047.49"');
export const NonNegativeDecimal = Decimal.refine((v) => !v.startsWith("-"), "must not be negative");

export const RegionCode = z.string().regex(/^\d{6}$/, "must be a 6-digit GB/T 2260 division code");
export const Id = z.string().uuid("must be a record id (UUID)");

export const Year = z.number().int().min(1949).max(2100);

export const RecordMeta = {
  version: z.number().int(),
  illustrative: z.boolean().describe("true for invented demo data"),
  createdAt: z.string(),
  updatedAt: z.string(),
  archivedAt: z.string().nullable(),
};

/** Query-string booleans arrive as text. */
export const QueryBoolean = z
  .union([z.boolean(), z.enum(["true", "false", "1", "0"])])
  .transform((v) => v === true || v === "true" || v === "1");

export const illustrativeInput = { illustrative: z.boolean().default(false) };

/** Records the public may read carry this flag (docs/permissions.md); an archived record is no longer public. */
export const publishedField = { published: z.boolean().describe("true when the public may read the record (while it is not archived)") };
export const publishedInput = { published: z.boolean().default(false).describe("Publish the record: the public may read it. Drafts stay unpublished.") };

/**
 * The schema of a change (PATCH): every field optional and, unlike zod's .partial(), without the create schema's
 * defaults — a field the caller leaves out must stay as it is, not be reset to its default.
 */
export function patchOf<S extends z.ZodRawShape>(create: z.ZodObject<S>): ReturnType<z.ZodObject<S>["partial"]> {
  const shape = Object.fromEntries(
    Object.entries(create.shape).map(([key, field]) => [key, z.optional(field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : (field as z.ZodType))]),
  );
  return z.object(shape) as unknown as ReturnType<z.ZodObject<S>["partial"]>;
}
