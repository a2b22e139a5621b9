// CSV as officials' machines write it: UTF-8 (with or without BOM) or, from Excel on Chinese Windows, GBK.
// Records follow RFC 4180 (quoted fields may hold commas, quotes and line breaks).
import iconv from "iconv-lite";

export type TextEncoding = "utf-8" | "gbk";

/**
 * Bytes to text: strict UTF-8 first (GBK text is almost never valid UTF-8), otherwise GB18030, the superset of
 * GBK that Excel on Chinese Windows writes.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  try {
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text, encoding: "utf-8" };
  } catch {
    // Not UTF-8: fall through to GBK. (A decoding error is the signal, not a failure.)
    const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), "gb18030");
    return { text: text.replace(/^\uFEFF/, ""), encoding: "gbk" };
  }
}

/** Fields of every record; the delimiter is a comma, or a tab when the first line has more tabs than commas. */
export function parseCsv(text: string): string[][] {
  const firstLine = text.slice(0, text.search(/\r|\n|$/));
  const delimiter = (firstLine.match(/\t/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? "\t" : ",";
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  let i = 0;
  const endField = () => {
    record.push(field);
    field = "";
  };
  const endRecord = () => {
    endField();
    records.push(record);
    record = [];
  };
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (c === '"') quoted = false;
      else field += c;
      i += 1;
      continue;
    }
    if (c === '"' && field === "") quoted = true;
    else if (c === delimiter) endField();
    else if (c === "\r" || c === "\n") {
      endRecord();
      if (c === "\r" && text[i + 1] === "\n") i += 1;
    } else field += c;
    i += 1;
  }
  if (field !== "" || record.length > 0) endRecord();
  return records;
}
