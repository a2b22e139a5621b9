// Agreements: validation that names fields, the forward-only life cycle, and attached documents. An upload is a
// change of the agreement (through the register kit), so history shows it and asOf reads see the list of the day.
import { createHash } from "node:crypto";
import type { Agreement, AgreementFilters, CreateAgreement, UpdateAgreement } from "../../../../contracts/agreements.ts";
import type { Actor } from "../../platform/actor.ts";
import type { Db } from "../../platform/database.ts";
import { Conflict, DomainError, ValidationFailed, invalid, type ErrorDetail } from "../../platform/errors.ts";
import type { RegisterService } from "../../platform/http/register-routes.ts";
import { registerKit } from "../../platform/register-kit.ts";
import type { PairingsService, RegionsService } from "../regions/index.ts";
import { canMove, cleanFileName, cleanMediaType, nextStatuses, repeatedParties, stateProblems, todayInChina } from "./agreement-rules.ts";
import { insertAgreement, insertDocument, listAgreements, loadAgreement, loadDocumentContent, updateAgreementRow, type StoredDocument } from "./agreements.repository.ts";

export type UploadedFile = { fileName: string | undefined; mediaType: string | undefined; content: Buffer };

export type AgreementsService = RegisterService<Agreement, CreateAgreement, UpdateAgreement, AgreementFilters> & {
  /** Attaches a file; the same bytes twice on one agreement is a conflict. Answers the changed agreement. */
  attachDocument(actor: Actor, id: string, file: UploadedFile): Promise<Agreement>;
  readDocument(actor: Actor, id: string, documentId: string): Promise<StoredDocument>;
};

export type AgreementReferences = { regions: RegionsService; pairings: PairingsService };

export function createAgreementsService(db: Db, refs: AgreementReferences): AgreementsService {
  const kit = registerKit<Agreement>({
    db,
    entity: "agreement",
    table: "agreements_agreement",
    load: loadAgreement,
    scopeOf: (a) => ({ regions: a.parties, published: a.published && a.archivedAt === null }),
  });

  // Regions and pairings belong to the regions module, so they are checked through its door, before the
  // transaction opens (inside it only trx may be used). The foreign keys stay as the last guard.
  async function referenceProblems(actor: Actor, input: { pairingId?: string | null | undefined; parties?: string[] | undefined }): Promise<ErrorDetail[]> {
    const problems: ErrorDetail[] = [];
    const pairingId = input.pairingId;
    if (pairingId && !(await exists(() => refs.pairings.get(actor, pairingId)))) {
      problems.push({ field: "pairingId", value: pairingId, message: "no pairing with this id" });
    }
    if (input.parties) {
      const repeated = repeatedParties(input.parties);
      for (const [i, code] of input.parties.entries()) {
        const twice = repeated.find((p) => p.field === `parties.${i}`);
        if (twice) problems.push(twice);
        else if (!(await exists(() => refs.regions.get(actor, code)))) problems.push({ field: `parties.${i}`, value: code, message: "no region with this code" });
      }
    }
    return problems;
  }

  function fail(problems: ErrorDetail[]): void {
    if (problems.length > 0) throw new ValidationFailed(problems);
  }

  return {
    list: async (actor, query) => {
      const scope = await kit.readFilter(actor);
      if (query.signedFrom && query.signedTo && query.signedTo < query.signedFrom) {
        throw invalid("signedTo", `is before signedFrom (${query.signedFrom})`, query.signedTo);
      }
      return listAgreements(db, query, scope);
    },
    get: (actor, id, asOf) => kit.get(actor, id, asOf),
    history: (actor, id) => kit.history(actor, id),
    async create(actor, input) {
      await kit.allow(actor, "create");
      fail([...(await referenceProblems(actor, input)), ...stateProblems(input, todayInChina())]);
      return kit.create(actor, (trx) => insertAgreement(trx, input));
    },
    async update(actor, id, patch, expectedVersion) {
      await kit.authorized(actor, "update", id);
      const references = await referenceProblems(actor, patch);
      return kit.update(
        actor,
        id,
        async (trx, before) => {
          const status = patch.status ?? before.status;
          if (!canMove(before.status, status)) {
            const allowed = nextStatuses(before.status);
            throw new Conflict(
              "agreement.invalid_transition",
              `An agreement cannot move from ${before.status} to ${status}; ${allowed.length > 0 ? `it can move to ${allowed.join(" or ")}` : `${before.status} is final`}.`,
              [{ field: "status", value: status, message: `cannot follow ${before.status}` }],
            );
          }
          const next = {
            status,
            signedOn: patch.signedOn === undefined ? before.signedOn : patch.signedOn,
            termStart: patch.termStart === undefined ? before.termStart : patch.termStart,
            termEnd: patch.termEnd === undefined ? before.termEnd : patch.termEnd,
            cooperationDomains: patch.cooperationDomains ?? before.cooperationDomains,
          };
          fail([...references, ...stateProblems(next, todayInChina())]);
          await updateAgreementRow(trx, id, patch);
        },
        expectedVersion,
      );
    },
    archive: (actor, id) => kit.archive(actor, id),
    restore: (actor, id) => kit.restore(actor, id),

    async attachDocument(actor, id, file) {
      await kit.authorized(actor, "update", id);
      const fileName = cleanFileName(file.fileName);
      if (file.content.length === 0) throw invalid("file", "is empty", fileName);
      const sha256 = createHash("sha256").update(file.content).digest("hex");
      return kit.update(actor, id, async (trx, before) => {
        const same = before.documents.find((d) => d.sha256 === sha256);
        if (same) {
          throw new Conflict("agreement.duplicate_document", `This agreement already has a document with the same content: ${same.fileName}.`, [
            { field: "file", value: sha256, message: `same bytes as document ${same.id} (${same.fileName})` },
          ]);
        }
        await insertDocument(trx, id, { fileName, mediaType: cleanMediaType(file.mediaType), sha256, content: file.content, uploadedBy: actor.id });
      });
    },
    async readDocument(actor, id, documentId) {
      await kit.get(actor, id);
      const document = await loadDocumentContent(db, id, documentId);
      if (!document) {
        throw new DomainError("not_found", "agreement.document_not_found", `Agreement ${id} has no document with id ${documentId}.`, [
          { field: "documentId", value: documentId, message: "not found" },
        ]);
      }
      return document;
    },
  };
}

async function exists(read: () => Promise<unknown>): Promise<boolean> {
  try {
    await read();
    return true;
  } catch (error) {
    if (error instanceof DomainError && error.kind === "not_found") return false;
    throw error;
  }
}
