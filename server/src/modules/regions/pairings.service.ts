// Pairings: two or more distinct, existing regions in one programme.
import type { CreatePairing, Pairing, PairingFilters, UpdatePairing } from "../../../../contracts/regions.ts";
import type { Db } from "../../platform/database.ts";
import { ValidationFailed, type ErrorDetail } from "../../platform/errors.ts";
import type { RegisterService } from "../../platform/http/register-routes.ts";
import { registerKit } from "../../platform/register-kit.ts";
import { insertPairing, listPairings, loadPairing, updatePairingRow } from "./pairings.repository.ts";
import { regionExists } from "./regions.repository.ts";

export type PairingsService = RegisterService<Pairing, CreatePairing, UpdatePairing, PairingFilters>;

export function createPairingsService(db: Db): PairingsService {
  const kit = registerKit<Pairing>({
    db,
    entity: "pairing",
    table: "regions_pairing",
    load: loadPairing,
    scopeOf: (p) => ({ regions: p.members.map((m) => m.regionCode) }),
  });

  async function checkRegions(trx: Db, codes: string[]): Promise<void> {
    const problems: ErrorDetail[] = [];
    const seen = new Set<string>();
    for (const [i, code] of codes.entries()) {
      if (seen.has(code)) problems.push({ field: `regionCodes.${i}`, value: code, message: "is listed twice" });
      else if (!(await regionExists(trx, code))) problems.push({ field: `regionCodes.${i}`, value: code, message: "no region with this code" });
      seen.add(code);
    }
    if (problems.length > 0) throw new ValidationFailed(problems);
  }

  return {
    list: async (actor, query) => listPairings(db, query, await kit.readFilter(actor)),
    get: (actor, id, asOf) => kit.get(actor, id, asOf),
    history: (actor, id) => kit.history(actor, id),
    create: async (actor, input) => {
      await kit.allow(actor, "create");
      return kit.create(actor, async (trx) => {
        await checkRegions(trx, input.regionCodes);
        return insertPairing(trx, input);
      });
    },
    update: (actor, id, patch, expectedVersion) =>
      kit.update(
        actor,
        id,
        async (trx) => {
          if (patch.regionCodes) await checkRegions(trx, patch.regionCodes);
          await updatePairingRow(trx, id, patch);
        },
        expectedVersion,
      ),
    archive: (actor, id) => kit.archive(actor, id),
    restore: (actor, id) => kit.restore(actor, id),
  };
}
