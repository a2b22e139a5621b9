// Large values for SQL statements. Arrays of many thousand elements go as one PostgreSQL array literal, built
// here (the driver's encoding quotes every element one by one), and long texts go as their UTF-8 bytes: handed a
// string, the drivers measure its UTF-8 length in JavaScript, character by character — for the megabytes a
// large settlement run writes, more than the database takes to store them.
import { sql, type RawBuilder } from "kysely";

/** A PostgreSQL array literal; elements are quoted only when they must be. */
export function arrayLiteral(values: readonly (string | number | bigint | null | undefined)[]): string {
  let text = "{";
  for (let i = 0; i < values.length; i += 1) {
    const v = values[i];
    if (i > 0) text += ",";
    if (v === null || v === undefined) text += "NULL";
    else if (typeof v !== "string") text += String(v);
    else if (v !== "" && !/[\s,{}"\\]/.test(v) && v.toUpperCase() !== "NULL") text += v;
    else text += `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
  }
  return `${text}}`;
}

/** A text parameter sent as its UTF-8 bytes (binary format, which for text is the bytes themselves). */
export function textBytes(text: string): RawBuilder<string> {
  return sql<string>`${Buffer.from(text, "utf8")}::text`;
}

/** An array parameter's element type. */
export type ElementType = "integer" | "bigint" | "numeric" | "text" | "uuid" | "date";

/** An array parameter of the given element type, sent as one literal. */
export function arrayOf(type: ElementType, values: readonly (string | number | bigint | null | undefined)[]): RawBuilder<unknown> {
  return sql`${textBytes(arrayLiteral(values))}::${sql.raw(type)}[]`;
}
