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
  return arrayParameter(encodeArray(type, values));
}

/**
 * An array ready to be sent: its bytes, binary or an array literal's UTF-8. Plain data, so that a worker thread
 * can encode the arrays it hands over (see modules/indicators/figure-reading.ts).
 */
export type EncodedArray = { type: ElementType; binary: boolean; bytes: Uint8Array };

export function encodeArray(type: ElementType, values: readonly (string | number | bigint | null | undefined)[]): EncodedArray {
  const binary = binaryElements[type as keyof typeof binaryElements];
  if (binary) return { type, binary: true, bytes: binaryArray(binary, values) };
  return { type, binary: false, bytes: Buffer.from(arrayLiteral(values), "utf8") };
}

export function arrayParameter(array: EncodedArray): RawBuilder<unknown> {
  const bytes = Buffer.from(array.bytes.buffer, array.bytes.byteOffset, array.bytes.byteLength);
  return array.binary ? sql`${bytes}::${sql.raw(array.type)}[]` : sql`${bytes}::text::${sql.raw(array.type)}[]`;
}

type BinaryElement = { oid: number; size: number; write(buffer: Buffer, at: number, value: string | number | bigint): void };

/** A hex digit's value, or -1. */
function hexValue(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 97 && code <= 102) return code - 87;
  if (code >= 65 && code <= 70) return code - 55;
  return -1;
}
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
      if (text.length !== 36) throw new TypeError(`not a UUID: ${text}`);
      // Two hex digits to a byte, skipping the dashes (an import writes two ids to each of its rows).
      let byte = 0;
      for (let i = 0; i < 36; i += 2) {
        if (i === 8 || i === 13 || i === 18 || i === 23) {
          if (text.charCodeAt(i) !== 45) throw new TypeError(`not a UUID: ${text}`);
          i -= 1;
          continue;
        }
        const high = hexValue(text.charCodeAt(i));
        const low = hexValue(text.charCodeAt(i + 1));
        if (high < 0 || low < 0) throw new TypeError(`not a UUID: ${text}`);
        buffer[at + byte] = high * 16 + low;
        byte += 1;
      }
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
