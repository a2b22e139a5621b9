// Which two counties a request is about: a pairing of two, two region codes, or — when neither is given — the one
// pairing of the deployment. An enterprise's partner county is the county paired with its own; matching never
// looks into a county that is not paired with the enterprise's (its enterprises are none of the caller's business).
import { DomainError, invalid } from "../../platform/errors.ts";
import type { PairingsService, RegionsService } from "../regions/index.ts";
import { chainsReader } from "./chain-access.ts";

export type PairDependencies = { pairings: Pick<PairingsService, "get" | "list">; regions: Pick<RegionsService, "get"> };

export function createPairs(deps: PairDependencies) {
  async function pairingMembers(pairingId: string): Promise<string[]> {
    const pairing = await deps.pairings.get(chainsReader, pairingId);
    return pairing.members.map((m) => m.regionCode);
  }

  async function regionExists(code: string): Promise<boolean> {
    try {
      await deps.regions.get(chainsReader, code);
      return true;
    } catch (error) {
      if (error instanceof DomainError && error.kind === "not_found") return false;
      throw error;
    }
  }

  async function allPairings(regionCode?: string) {
    return (await deps.pairings.list(chainsReader, { ...(regionCode ? { regionCode } : {}), page: 1, pageSize: 500, includeArchived: false })).items;
  }

  return {
    /** The county pair of a request, in the order given (a pairing's member order). */
    async resolve(query: { pairingId?: string | undefined; regionCodes?: string | undefined }): Promise<[string, string]> {
      if (query.pairingId && query.regionCodes) throw invalid("regionCodes", "give either pairingId or regionCodes, not both", query.regionCodes);
      let codes: string[];
      if (query.pairingId) {
        codes = await pairingMembers(query.pairingId);
        if (codes.length !== 2) throw invalid("pairingId", `the pairing has ${codes.length} members; give two of them as regionCodes=a,b`, query.pairingId);
      } else if (query.regionCodes) {
        codes = query.regionCodes.split(",");
        if (codes[0] === codes[1]) throw invalid("regionCodes", "must be two different counties", query.regionCodes);
        for (const code of codes) if (!(await regionExists(code))) throw invalid("regionCodes", `no region with the code ${code}`, query.regionCodes);
      } else {
        const pairs = (await allPairings()).filter((p) => p.members.length === 2);
        if (pairs.length !== 1) throw invalid("pairingId", `give pairingId or regionCodes (${pairs.length === 0 ? "no pairing of two counties is recorded" : `${pairs.length} pairings are recorded`})`);
        codes = (pairs[0]?.members ?? []).map((m) => m.regionCode);
      }
      return [codes[0] as string, codes[1] as string];
    },

    /** The partner county of an enterprise's county: the one given (it must be paired with it) or the only one. */
    async partnerOf(homeRegionCode: string, given?: string): Promise<string> {
      const partners = [...new Set((await allPairings(homeRegionCode)).flatMap((p) => p.members.map((m) => m.regionCode)))].filter((c) => c !== homeRegionCode);
      if (given !== undefined) {
        if (!partners.includes(given)) throw invalid("partnerRegionCode", `is not paired with the enterprise's county ${homeRegionCode}${partners.length ? ` (paired: ${partners.join(", ")})` : ""}`, given);
        return given;
      }
      if (partners.length === 1) return partners[0] as string;
      throw invalid(
        "partnerRegionCode",
        partners.length === 0 ? `the enterprise's county ${homeRegionCode} is in no pairing, so it has no partner county` : `the enterprise's county is paired with several counties; choose one of ${partners.join(", ")}`,
      );
    },
  };
}

export type Pairs = ReturnType<typeof createPairs>;
