// Regions and enclaves as the enterprise import names them (by code or id, or by Chinese or English name): read
// once per import through the other modules' doors; the matching is the platform's (tabular/directory.ts).
import type { Actor } from "../../platform/actor.ts";
import { enclaveLookup, listAll, regionLookup, type EnclaveLookup, type RegionLookup } from "../../platform/tabular/index.ts";
import type { EnterpriseDependencies } from "./enterprises.service.ts";

export type Directory = { region: RegionLookup; enclave: EnclaveLookup };

export async function loadDirectory(actor: Actor, deps: EnterpriseDependencies): Promise<Directory> {
  const regions = await listAll((q) => deps.regions.list(actor, q));
  const enclaves = await listAll((q) => deps.enclaves.list(actor, q));
  return { region: regionLookup(regions), enclave: enclaveLookup(enclaves) };
}
