// Regions and enclaves as an import names them: by code or id, or by Chinese or English name. Read once per
// import through the other modules' doors (both registers are small: counties and enclaves, not firms).
import type { Actor } from "../../platform/actor.ts";
import type { ListParams, Page } from "../../platform/listing.ts";
import type { EnterpriseDependencies } from "./enterprises.service.ts";

export type Directory = {
  region(text: string): { code: string } | { message: string };
  enclave(text: string): { id: string } | { message: string };
};

type Named = { nameZh: string; nameEn: string };

const pageSize = 500;

async function listAll<T>(list: (query: ListParams) => Promise<Page<T>>): Promise<T[]> {
  const all: T[] = [];
  for (let page = 1; ; page += 1) {
    const result = await list({ page, pageSize, includeArchived: true });
    all.push(...result.items);
    if (result.items.length < pageSize) return all;
  }
}

export async function loadDirectory(actor: Actor, deps: EnterpriseDependencies): Promise<Directory> {
  const regions = await listAll((q) => deps.regions.list(actor, q));
  const enclaves = await listAll((q) => deps.enclaves.list(actor, q));
  const regionCodes = new Set(regions.map((r) => r.code));
  const enclaveIds = new Set(enclaves.map((e) => e.id));
  return {
    region(text) {
      const code = /^(\d{6})(?:\s|$)/.exec(text.normalize("NFKC").trim())?.[1];
      if (code !== undefined) return regionCodes.has(code) ? { code } : { message: "no region with this code" };
      const found = byName(regions, text, shortRegionName);
      if (found.length === 1) return { code: (found[0] as (typeof regions)[number]).code };
      if (found.length > 1) return { message: `names more than one region (${found.map((r) => r.code).join(", ")}); write the 6-digit code` };
      return { message: "no region with this code or name" };
    },
    enclave(text) {
      const trimmed = text.trim();
      if (enclaveIds.has(trimmed.toLowerCase())) return { id: trimmed.toLowerCase() };
      const found = byName(enclaves, trimmed, (name) => name);
      if (found.length === 1) return { id: (found[0] as (typeof enclaves)[number]).id };
      if (found.length > 1) return { message: "names more than one enclave; write the enclave's id" };
      return { message: "no enclave with this name" };
    },
  };
}

/** Exact Chinese name or English name (any case); failing that, the name without 省/市/县/区 at its end. */
function byName<T extends Named>(records: readonly T[], text: string, short: (name: string) => string): T[] {
  const name = text.trim();
  const lower = name.toLowerCase();
  const exact = records.filter((r) => r.nameZh === name || r.nameEn.toLowerCase() === lower);
  if (exact.length > 0) return exact;
  const shortName = short(name);
  return shortName === "" ? [] : records.filter((r) => short(r.nameZh) === shortName);
}

function shortRegionName(name: string): string {
  return name.length > 2 ? name.replace(/(?:省|市|县|区)$/, "") : name;
}
