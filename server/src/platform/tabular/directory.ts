// Regions and enclaves as an imported file names them: by code or id, or by Chinese or English name. An import
// reads both registers once, through the modules' doors (they are small: counties and enclaves, not firms), and
// resolves every cell against them here.
import type { ListParams, Page } from "../listing.ts";

export type NamedRecord = { nameZh: string; nameEn: string };

export type RegionLookup = (text: string) => { code: string } | { message: string };
export type EnclaveLookup = (text: string) => { id: string } | { message: string };

const pageSize = 500;

/** Every record a list function gives (archived ones included), page by page. */
export async function listAll<T>(list: (query: ListParams) => Promise<Page<T>>): Promise<T[]> {
  const all: T[] = [];
  for (let page = 1; ; page += 1) {
    const result = await list({ page, pageSize, includeArchived: true });
    all.push(...result.items);
    if (result.items.length < pageSize) return all;
  }
}

/** A region by its 6-digit code (text after the code is ignored: "330784 永康市") or by its name. */
export function regionLookup(regions: readonly (NamedRecord & { code: string })[]): RegionLookup {
  const codes = new Set(regions.map((r) => r.code));
  return (text) => {
    const code = /^(\d{6})(?:\s|$)/.exec(text.normalize("NFKC").trim())?.[1];
    if (code !== undefined) return codes.has(code) ? { code } : { message: "no region with this code" };
    const found = byName(regions, text, shortRegionName);
    if (found.length === 1) return { code: (found[0] as (typeof regions)[number]).code };
    if (found.length > 1) return { message: `names more than one region (${found.map((r) => r.code).join(", ")}); write the 6-digit code` };
    return { message: "no region with this code or name" };
  };
}

/** An enclave by its id or by its name. */
export function enclaveLookup(enclaves: readonly (NamedRecord & { id: string })[]): EnclaveLookup {
  const ids = new Set(enclaves.map((e) => e.id));
  return (text) => {
    const trimmed = text.trim();
    if (ids.has(trimmed.toLowerCase())) return { id: trimmed.toLowerCase() };
    const found = byName(enclaves, trimmed, (name) => name);
    if (found.length === 1) return { id: (found[0] as (typeof enclaves)[number]).id };
    if (found.length > 1) return { message: "names more than one enclave; write the enclave's id" };
    return { message: "no enclave with this name" };
  };
}

/** Exact Chinese name or English name (any case); failing that, the name shortened by `short` on both sides. */
export function byName<T extends NamedRecord>(records: readonly T[], text: string, short: (name: string) => string): T[] {
  const name = text.trim();
  const lower = name.toLowerCase();
  const exact = records.filter((r) => r.nameZh === name || r.nameEn.toLowerCase() === lower);
  if (exact.length > 0) return exact;
  const shortName = short(name);
  return shortName === "" ? [] : records.filter((r) => short(r.nameZh) === shortName);
}

/** 永康市 → 永康, 武义县 → 武义 (names of two characters stay whole). */
function shortRegionName(name: string): string {
  return name.length > 2 ? name.replace(/(?:省|市|县|区)$/, "") : name;
}
