// Regions and the pairing: all real (DOMAIN §4). GDP is kept in yuan as published.
import type { Actor } from "../platform/actor.ts";
import type { Modules } from "../modules.ts";
import { demoFacts } from "./demo-facts.ts";

type RawRegion = {
  code: string;
  name_zh: string;
  name_en: string;
  level: string;
  parent?: string;
  kind?: "mountain" | "developed";
  area_km2?: number;
  population_2020_census?: number;
  gdp_yuan?: Record<string, number>;
};

const source = "DOMAIN.md §4 (2020 census; county statistical communiqués)";

export async function loadDemoRegions(modules: Modules, actor: Actor): Promise<{ pairingId: string }> {
  for (const region of demoFacts.regions as RawRegion[]) {
    const fact = (year: number, measure: string, value: number, unit: string) => ({ year, measure, value: String(value), unit, source, illustrative: false });
    const facts = [];
    if (region.area_km2 !== undefined) facts.push(fact(2020, "area", region.area_km2, "km2"));
    if (region.population_2020_census !== undefined) facts.push(fact(2020, "population", region.population_2020_census, "person"));
    for (const [year, value] of Object.entries(region.gdp_yuan ?? {})) facts.push(fact(Number(year), "gdp", value, "yuan"));
    await modules.regions.regions.create(actor, {
      code: region.code,
      nameZh: region.name_zh,
      nameEn: region.name_en,
      level: region.level as "province" | "city" | "county",
      kind: region.kind ?? null,
      parentCode: region.parent ?? null,
      facts,
      illustrative: false,
    });
  }
  const pairing = await modules.regions.pairings.create(actor, {
    nameZh: "永康—武义山海协作",
    nameEn: "Yongkang–Wuyi mountain–sea cooperation",
    programme: demoFacts.pairing.programme,
    sinceYear: demoFacts.pairing.since,
    since: null,
    regionCodes: demoFacts.pairing.regions,
    note: "Paired since 2006 (source report, 2022-04-02 joint conference).",
    illustrative: false,
  });
  return { pairingId: pairing.id };
}
