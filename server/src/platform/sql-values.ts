// Large values for SQL statements. Arrays of many thousand elements go as one parameter: of ids, whole numbers
// and dates in PostgreSQL's binary array format (the database then reads each element as its bytes instead of
// parsing its text: for a hundred thousand ids, a tenth of a second less), of other types as one array literal,
// built here (the driver's encoding quotes every element one by one). Long texts go as their UTF-8 bytes: handed
// a string, the drivers measure its UTF-8 length in JavaScript, character by character — for the megabytes a
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

/** An array parameter of the given element type, sent as one value (binary where the type has a fixed size). */
export function arrayOf(type: ElementType, values: readonly (string | number | bigint | null | undefined)[]): RawBuilder<unknown> {
  const binary = binaryElements[type as keyof typeof binaryElements];
  if (binary) return sql`${binaryArray(binary, values)}::${sql.raw(type)}[]`;
  return sql`${textBytes(arrayLiteral(values))}::${sql.raw(type)}[]`;
}

type BinaryElement = { oid: number; size: number; write(buffer: Buffer, at: number, value: string | number | bigint): void };

const uuidText = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const dateText = /^(\d{4})-(\d{2})-(\d{2})$/;
/** PostgreSQL counts dates in days from 2000-01-01. */
const postgresEpochDays = Date.UTC(2000, 0, 1) / 86_400_000;

const binaryElements = {
  integer: {
    oid: 23,
    size: 4,
    write(buffer, at, value) {
      buffer.writeInt32BE(Number(value), at);
    },
  },
  bigint: {
    oid: 20,
    size: 8,
    write(buffer, at, value) {
      buffer.writeBigInt64BE(BigInt(value), at);
    },
  },
  uuid: {
    oid: 2950,
    size: 16,
    write(buffer, at, value) {
      const text = String(value);
      if (!uuidText.test(text)) throw new TypeError(`not a UUID: ${text}`);
      buffer.write(text.slice(0, 8) + text.slice(9, 13) + text.slice(14, 18) + text.slice(19, 23) + text.slice(24), at, 16, "hex");
    },
  },
  date: {
    oid: 1082,
    size: 4,
    write(buffer, at, value) {
      const match = dateText.exec(String(value));
      if (!match) throw new TypeError(`not a date: ${String(value)}`);
      const days = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / 86_400_000;
      buffer.writeInt32BE(days - postgresEpochDays, at);
    },
  },
} satisfies Partial<Record<ElementType, BinaryElement>>;

/**
 * PostgreSQL's binary array format (array_send): dimensions, a has-nulls flag, the element type, then each
 * element as its length (-1 for null) and its bytes. An empty array has no dimensions.
 */
function binaryArray(element: BinaryElement, values: readonly (string | number | bigint | null | undefined)[]): Buffer {
  const present = values.filter((v) => v !== null && v !== undefined).length;
  const header = values.length === 0 ? 12 : 20;
  const buffer = Buffer.alloc(header + values.length * 4 + present * element.size);
  buffer.writeInt32BE(values.length === 0 ? 0 : 1, 0);
  buffer.writeInt32BE(present < values.length ? 1 : 0, 4);
  buffer.writeInt32BE(element.oid, 8);
  if (values.length > 0) {
    buffer.writeInt32BE(values.length, 12);
    buffer.writeInt32BE(1, 16);
  }
  let at = header;
  for (const value of values) {
    if (value === null || value === undefined) {
      buffer.writeInt32BE(-1, at);
      at += 4;
      continue;
    }
    buffer.writeInt32BE(element.size, at);
    element.write(buffer, at + 4, value);
    at += 4 + element.size;
  }
  return buffer;
}
