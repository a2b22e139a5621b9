// The parts of an .xlsx file put in the order a streaming reader wants them. Excel, WPS and ExcelJS write the
// worksheets before the shared strings, the styles and the workbook itself; reading the zip from its start,
// ExcelJS's streaming reader must then save each sheet to a temporary file and read it once the rest is known,
// so no row is seen before the whole file has been inflated. The file is in memory anyway, so its entries are
// copied, still compressed, into a new zip with the workbook, its relations, the styles and the shared strings
// first. Anything unusual (ZIP64, encryption, a damaged directory) leaves the file as it is.

/** Parts read before the sheets, in this order; the other entries keep theirs. */
const first = ["xl/_rels/workbook.xml.rels", "xl/workbook.xml", "xl/styles.xml", "xl/sharedStrings.xml"];

type Entry = { name: Buffer; version: number; flags: number; method: number; time: number; date: number; crc: number; size: number; compressed: number; data: Buffer };

export function workbookPartsFirst(bytes: Uint8Array): Uint8Array {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries = zipEntries(buffer);
  if (!entries) return bytes;
  const rank = (e: Entry) => {
    const at = first.indexOf(e.name.toString("latin1"));
    return at < 0 ? first.length : at;
  };
  const ordered = entries.map((e, i) => ({ e, i })).sort((a, b) => rank(a.e) - rank(b.e) || a.i - b.i).map(({ e }) => e);
  if (ordered.every((e, i) => e === entries[i])) return bytes;
  return writeZip(ordered);
}

/** The entries by the central directory, or undefined when the file is not a plain zip this copies safely. */
function zipEntries(buffer: Buffer): Entry[] | undefined {
  const end = endOfDirectory(buffer);
  if (end === undefined) return undefined;
  const count = buffer.readUInt16LE(end + 10);
  const directorySize = buffer.readUInt32LE(end + 12);
  let at = buffer.readUInt32LE(end + 16);
  if (count === 0xffff || directorySize === 0xffffffff || at === 0xffffffff || at + directorySize > end) return undefined;
  const entries: Entry[] = [];
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > buffer.length || buffer.readUInt32LE(at) !== 0x02014b50) return undefined;
    const flags = buffer.readUInt16LE(at + 8);
    const compressed = buffer.readUInt32LE(at + 20);
    const size = buffer.readUInt32LE(at + 24);
    const nameLength = buffer.readUInt16LE(at + 28);
    const skip = nameLength + buffer.readUInt16LE(at + 30) + buffer.readUInt16LE(at + 32);
    const local = buffer.readUInt32LE(at + 42);
    // Encrypted, or sizes and offsets kept in ZIP64 fields.
    if (flags & 1 || compressed === 0xffffffff || size === 0xffffffff || local === 0xffffffff) return undefined;
    if (local + 30 > buffer.length || buffer.readUInt32LE(local) !== 0x04034b50) return undefined;
    const dataAt = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
    if (dataAt + compressed > buffer.length) return undefined;
    entries.push({
      name: buffer.subarray(at + 46, at + 46 + nameLength),
      version: buffer.readUInt16LE(at + 6),
      flags: flags & ~0x8, // sizes are written in the local header, with no data descriptor after the data
      method: buffer.readUInt16LE(at + 10),
      time: buffer.readUInt16LE(at + 12),
      date: buffer.readUInt16LE(at + 14),
      crc: buffer.readUInt32LE(at + 16),
      size,
      compressed,
      data: buffer.subarray(dataAt, dataAt + compressed),
    });
    at += 46 + skip;
  }
  return entries;
}

/** The end-of-central-directory record: the last one, within the largest comment a zip may have. */
function endOfDirectory(buffer: Buffer): number | undefined {
  for (let at = buffer.length - 22; at >= Math.max(0, buffer.length - 22 - 0xffff); at -= 1) {
    if (buffer.readUInt32LE(at) === 0x06054b50) return at;
  }
  return undefined;
}

function writeZip(entries: readonly Entry[]): Uint8Array {
  const locals = entries.reduce((n, e) => n + 30 + e.name.length + e.data.length, 0);
  const directory = entries.reduce((n, e) => n + 46 + e.name.length, 0);
  const out = Buffer.alloc(locals + directory + 22);
  const offsets: number[] = [];
  let at = 0;
  const common = (e: Entry, o: number) => {
    out.writeUInt16LE(e.flags, o);
    out.writeUInt16LE(e.method, o + 2);
    out.writeUInt16LE(e.time, o + 4);
    out.writeUInt16LE(e.date, o + 6);
    out.writeUInt32LE(e.crc, o + 8);
    out.writeUInt32LE(e.compressed, o + 12);
    out.writeUInt32LE(e.size, o + 16);
    out.writeUInt16LE(e.name.length, o + 20);
  };
  for (const e of entries) {
    offsets.push(at);
    out.writeUInt32LE(0x04034b50, at);
    out.writeUInt16LE(e.version, at + 4);
    common(e, at + 6);
    e.name.copy(out, at + 30);
    e.data.copy(out, at + 30 + e.name.length);
    at += 30 + e.name.length + e.data.length;
  }
  const directoryAt = at;
  entries.forEach((e, i) => {
    out.writeUInt32LE(0x02014b50, at);
    out.writeUInt16LE(e.version, at + 4);
    out.writeUInt16LE(e.version, at + 6);
    common(e, at + 8);
    out.writeUInt32LE(offsets[i] as number, at + 42);
    e.name.copy(out, at + 46);
    at += 46 + e.name.length;
  });
  out.writeUInt32LE(0x06054b50, at);
  out.writeUInt16LE(entries.length, at + 8);
  out.writeUInt16LE(entries.length, at + 10);
  out.writeUInt32LE(directory, at + 12);
  out.writeUInt32LE(directoryAt, at + 16);
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}
