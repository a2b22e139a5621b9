// Regions: validation and the life cycle of region records. Regions are public reference data; a county
// official keeps its own county's record (its yearly facts), a system administrator all of them.
import type { CreateRegion, Region, RegionFilters, UpdateRegion } from "../../../../contracts/regions.ts";
import type { Actor } from "../../platform/actor.ts";
import type { Db } from "../../platform/database.ts";
import { ValidationFailed, type ErrorDetail } from "../../platform/errors.ts";
import type { RegisterService } from "../../platform/http/register-routes.ts";
import type { ListParams } from "../../platform/listing.ts";
import { registerKit } from "../../platform/register-kit.ts";
import { insertRegion, listRegions, loadRegion, updateRegionRow } from "./regions.repository.ts";

export type RegionsService = RegisterService<Region, CreateRegion, UpdateRegion, RegionFilters>;

const levelRank: Record<Region["level"], number> = { province: 0, city: 1, county: 2 };

export function createRegionsService(db: Db): RegionsService {
  const kit = registerKit<Region>({ db, entity: "region", table: "regions_region", key: "code", load: loadRegion, scopeOf: (r) => ({ regions: [r.code] }) });

  async function check(trx: Db, code: string, region: Pick<CreateRegion, "level" | "parentCode" | "facts">): Promise<void> {
    const problems: ErrorDetail[] = [];
    if (region.parentCode !== null) {
      const parent = region.parentCode === code ? undefined : await loadRegion(trx, region.parentCode);
      if (region.parentCode === code) problems.push({ field: "parentCode", value: code, message: "a region cannot be its own parent" });
      else if (!parent) problems.push({ field: "parentCode", value: region.parentCode, message: "no region with this code" });
      else if (levelRank[parent.level] >= levelRank[region.level]) {
        problems.push({ field: "parentCode", value: region.parentCode, message: `a ${region.level} cannot belong to a ${parent.level}` });
      }
    }
    const seen = new Set<string>();
    region.facts.forEach((fact, i) => {
      const key = `${fact.year}/${fact.measure}`;
      if (seen.has(key)) problems.push({ field: `facts.${i}`, value: key, message: `${fact.measure} for ${fact.year} is given twice` });
      seen.add(key);
    });
    if (problems.length > 0) throw new ValidationFailed(problems);
  }

  return {
    list: async (actor: Actor, query: RegionFilters & ListParams) => listRegions(db, query, await kit.readFilter(actor)),
    get: (actor, code, asOf) => kit.get(actor, code, asOf),
    history: (actor, code) => kit.history(actor, code),
    create: async (actor, input) => {
      await kit.allow(actor, "create");
      return kit.create(actor, async (trx) => {
        await check(trx, input.code, input);
        await insertRegion(trx, input);
        return input.code;
      });
    },
    update: (actor, code, patch, expectedVersion) =>
      kit.update(
        actor,
        code,
        async (trx, before) => {
          await check(trx, code, { level: patch.level ?? before.level, parentCode: patch.parentCode === undefined ? before.parentCode : patch.parentCode, facts: patch.facts ?? before.facts });
          await updateRegionRow(trx, code, patch);
        },
        expectedVersion,
      ),
    archive: (actor, code) => kit.archive(actor, code),
    restore: (actor, code) => kit.restore(actor, code),
  };
}
