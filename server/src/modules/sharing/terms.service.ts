// Term sets attached to agreements and production starts of enterprises. A term set is checked by the engine
// (every problem with its path), then against the registers: region-coded parties must be parties of the
// agreement, covered enclaves and enterprises must exist. Versions are 1, 2, … per agreement, never changed; a
// later version takes over from its effectiveFrom.
import type { ProductionStart, SetProductionStart, TermSet } from "../../../../contracts/sharing.ts";
import type { Actor } from "../../platform/actor.ts";
import { appendAudit } from "../../platform/audit.ts";
import { auditingDenials, authorize } from "../../platform/authorize.ts";
import type { Db } from "../../platform/database.ts";
import { Conflict, NotFound, ValidationFailed, type ErrorDetail } from "../../platform/errors.ts";
import type { Access } from "./access.ts";
import { validateTerms, type SharingTerms } from "./engine/index.ts";
import { findEnclave, findEnterprise, type SharingDependencies } from "./inputs.ts";
import { insertTermSet, loadProductionStart, productionStarts, termSetRows, toTermSets, upsertProductionStart } from "./terms.repository.ts";

export type TermsService = {
  list(actor: Actor, agreementId: string): Promise<TermSet[]>;
  get(actor: Actor, agreementId: string, version: number): Promise<TermSet>;
  add(actor: Actor, agreementId: string, document: unknown): Promise<TermSet>;
  productionStarts(actor: Actor, enterpriseIds?: string[]): Promise<ProductionStart[]>;
  setProductionStart(actor: Actor, enterpriseId: string, input: SetProductionStart): Promise<ProductionStart>;
};

export function createTermsService(db: Db, deps: SharingDependencies, access: Access): TermsService {
  async function list(actor: Actor, agreementId: string): Promise<TermSet[]> {
    await access.agreement(actor, "sharing.read", agreementId);
    return toTermSets(await termSetRows(db, agreementId));
  }

  /** Problems the registers show: unknown parties of the agreement, enclaves, enterprises. */
  async function registerProblems(terms: SharingTerms, agreementParties: readonly string[]): Promise<ErrorDetail[]> {
    const problems: ErrorDetail[] = [];
    terms.parties.forEach((p, i) => {
      if (/^\d{6}$/.test(p.code) && !agreementParties.includes(p.code)) {
        problems.push({ field: `parties.${i}.code`, value: p.code, message: `is a region code but not a party of the agreement (${agreementParties.join(", ")})` });
      }
    });
    for (const [i, rule] of terms.rules.entries()) {
      const c = rule.coverage;
      if (c.kind === "enterprises") {
        for (const [j, key] of c.enterprises.entries()) {
          if (!(await findEnterprise(deps, key))) problems.push({ field: `rules.${i}.coverage.enterprises.${j}`, value: key, message: "no enterprise with this id or USCC" });
        }
      } else if (!(await findEnclave(deps, c.enclave))) {
        problems.push({ field: `rules.${i}.coverage.enclave`, value: c.enclave, message: "no enclave with this id" });
      }
    }
    return problems;
  }

  return {
    list,
    async get(actor, agreementId, version) {
      const found = (await list(actor, agreementId)).find((t) => t.version === version);
      if (!found) throw new NotFound("sharing_terms", `${agreementId} version ${version}`);
      return found;
    },
    async add(actor, agreementId, document) {
      const agreement = await access.agreement(actor, "sharing.manage", agreementId);
      const checked = validateTerms(document);
      if (!checked.ok) throw new ValidationFailed(checked.problems.map((p) => ({ field: p.path, message: p.message })), undefined, "sharing_terms.invalid");
      const terms = checked.terms;
      const problems = await registerProblems(terms, agreement.parties);
      if (problems.length > 0) throw new ValidationFailed(problems, undefined, "sharing_terms.invalid");
      const id = await db.transaction().execute(async (trx) => {
        const existing = await termSetRows(trx, agreementId);
        const last = existing[existing.length - 1];
        const next = (last?.version ?? 0) + 1;
        if (terms.version !== next) {
          throw new Conflict("sharing_terms.version_conflict", `The next version of this agreement's terms is ${next}; the document says version ${terms.version}.`, [
            { field: "version", value: terms.version, message: `must be ${next}` },
          ]);
        }
        if (last && terms.effectiveFrom <= last.effectiveFrom) {
          throw new ValidationFailed([{ field: "effectiveFrom", value: terms.effectiveFrom, message: `must be after version ${last.version}'s effectiveFrom (${last.effectiveFrom}): a later version takes over from its start` }], undefined, "sharing_terms.invalid");
        }
        const doc = document as Record<string, unknown>;
        const newId = await insertTermSet(trx, {
          agreementId,
          version: next,
          termsId: terms.id,
          effectiveFrom: terms.effectiveFrom,
          effectiveTo: terms.effectiveTo,
          document: doc,
          illustrative: doc.illustrative === true,
          createdBy: actor.id,
          createdByName: actor.name,
        });
        await appendAudit(trx, { action: "sharing.terms_added", outcome: "success", actor, entity: "sharing_terms", recordId: newId, detail: { agreementId, version: next, termsId: terms.id } });
        return newId;
      });
      const added = (await list(actor, agreementId)).find((t) => t.id === id);
      if (!added) throw new NotFound("sharing_terms", id);
      return added;
    },
    async productionStarts(actor, enterpriseIds) {
      await access.role(actor, "sharing.read");
      return productionStarts(db, enterpriseIds);
    },
    async setProductionStart(actor, enterpriseId, input) {
      await access.role(actor, "sharing.manage");
      const enterprise = await findEnterprise(deps, enterpriseId);
      if (!enterprise || enterprise.id !== enterpriseId) throw new NotFound("enterprise", enterpriseId);
      await auditingDenials(db, actor, async () =>
        authorize(actor, "sharing.manage", { entity: "enterprise", id: enterpriseId, scope: { regions: [enterprise.homeRegionCode] } }),
      );
      await db.transaction().execute(async (trx) => {
        const before = await loadProductionStart(trx, enterpriseId);
        await upsertProductionStart(trx, { enterpriseId, startedOn: input.startedOn, note: input.note, illustrative: input.illustrative, recordedBy: actor.id });
        const after = await loadProductionStart(trx, enterpriseId);
        await appendAudit(trx, { action: "sharing.production_start_set", outcome: "success", actor, entity: "enterprise", recordId: enterpriseId, detail: { before: before ?? null, after: after ?? null } });
      });
      const saved = await loadProductionStart(db, enterpriseId);
      if (!saved) throw new NotFound("production_start", enterpriseId);
      return saved;
    },
  };
}

