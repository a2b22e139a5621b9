// Figures one at a time: record (a value equal to the current version changes nothing; another value is a new
// version), read (as of a moment), history, and lists with their export. Authorisation follows the subject: a
// figure lies where its enterprise or enclave lies (figure-subjects.ts).
import type { FigureFilters, FigureVersion, RecordFigure, RecordedFigure } from "../../../../contracts/indicators.ts";
import type { Actor } from "../../platform/actor.ts";
import { appendAudit } from "../../platform/audit.ts";
import { auditingDenials, authorize } from "../../platform/authorize.ts";
import type { Db } from "../../platform/database.ts";
import { Conflict, NotFound, ValidationFailed, type ErrorDetail } from "../../platform/errors.ts";
import { exportLimit, type Page } from "../../platform/listing.ts";
import { builtInUnit, figureIdOf, isMoneyUnit, normaliseDecimal } from "./figure-identity.ts";
import { findSubject, loadDirectory, readableSubjects, type IndicatorDependencies, type SubjectDirectory } from "./figure-subjects.ts";
import { ensureMeasures, figureOf, figureVersions, insertVersion, latestVersion, listVersions, measureUnits, type FigureQuery, type VersionRow } from "./figures.repository.ts";

export type FiguresService = {
  record(actor: Actor, input: RecordFigure): Promise<RecordedFigure>;
  list(actor: Actor, query: FigureQuery): Promise<Page<FigureVersion>>;
  /** Every matching figure (up to the export limit) and the directory that names their subjects. */
  exportRows(actor: Actor, query: FigureFilters & { sort?: string | undefined }): Promise<{ figures: FigureVersion[]; subjects: SubjectDirectory }>;
  get(actor: Actor, figureId: string, asOf?: Date): Promise<FigureVersion>;
  history(actor: Actor, figureId: string): Promise<FigureVersion[]>;
};

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function createFiguresService(db: Db, deps: IndicatorDependencies): FiguresService {
  /** The figure's versions, when the actor may read it (else 404, as if there were none). */
  async function readable(actor: Actor, figureId: string): Promise<VersionRow> {
    authorize(actor, "figure.read", { entity: "figure", id: figureId });
    const latest = uuid.test(figureId) ? await latestVersion(db, figureId) : undefined;
    if (!latest) throw new NotFound("figure", figureId);
    const subject = await findSubject(deps, latest.subjectKind, (latest.enterpriseId ?? latest.enclaveId) as string);
    authorize(actor, "figure.read", { entity: "figure", id: figureId, scope: subject?.scope ?? {} });
    return latest;
  }

  return {
    record: (actor, input) =>
      auditingDenials(db, actor, async () => {
        authorize(actor, "figure.record", { entity: "figure" });
        const checked = await checkRecord(db, deps, input);
        authorize(actor, "figure.record", { entity: checked.subjectKind, id: checked.subjectId, scope: checked.scope });
        return recordChecked(db, actor, checked);
      }),
    list: (actor, query) => auditingDenials(db, actor, async () => listVersions(db, query, await readableSubjects(actor, deps))),
    exportRows: (actor, query) =>
      auditingDenials(db, actor, async () => {
        const page = await listVersions(db, { ...query, page: 1, pageSize: exportLimit }, await readableSubjects(actor, deps));
        return { figures: page.items, subjects: await loadDirectory(deps) };
      }),
    get: (actor, figureId, asOf) =>
      auditingDenials(db, actor, async () => {
        const latest = await readable(actor, figureId);
        if (!asOf) return figureOf(latest);
        const then = await latestVersion(db, figureId, asOf);
        if (!then) throw new NotFound("figure", figureId);
        return figureOf(then);
      }),
    history: (actor, figureId) =>
      auditingDenials(db, actor, async () => {
        await readable(actor, figureId);
        return (await figureVersions(db, figureId)).map(figureOf);
      }),
  };
}

type CheckedRecord = {
  figureId: string;
  subjectKind: "enterprise" | "enclave";
  subjectId: string;
  scope: NonNullable<Awaited<ReturnType<typeof findSubject>>>["scope"];
  month: string;
  measure: string;
  unit: string;
  amountFen: string | null;
  quantity: string | null;
  reason: string | null;
};

/** Every problem of a figure to record, at once; the subject must exist. */
async function checkRecord(db: Db, deps: IndicatorDependencies, input: RecordFigure): Promise<CheckedRecord> {
  const problems: ErrorDetail[] = [];
  if ((input.enterpriseId === undefined) === (input.enclaveId === undefined)) {
    problems.push({ field: "enterpriseId", message: "give either enterpriseId (a figure of an enterprise) or enclaveId (of an enclave as a whole)" });
  }
  const known = builtInUnit(input.measure) ?? (await measureUnits(db, [input.measure])).get(input.measure);
  const unit = known ?? input.unit;
  if (known && input.unit !== undefined && input.unit !== known) problems.push({ field: "unit", value: input.unit, message: `${input.measure} is recorded in ${known}` });
  if (!unit) problems.push({ field: "unit", message: `${input.measure} is a new custom measure: give its unit ("fen" for money)` });
  if (unit && isMoneyUnit(unit)) {
    if (input.amountFen === undefined) problems.push({ field: "amountFen", message: `${input.measure} is money: give amountFen` });
    if (input.quantity !== undefined) problems.push({ field: "quantity", value: input.quantity, message: `${input.measure} is money: give amountFen, not a quantity` });
  } else if (unit) {
    if (input.quantity === undefined) problems.push({ field: "quantity", message: `${input.measure} is a quantity in ${unit}: give quantity` });
    if (input.amountFen !== undefined) problems.push({ field: "amountFen", value: input.amountFen, message: `${input.measure} is a quantity in ${unit}, not money` });
  }
  const subjectKind = input.enterpriseId !== undefined ? "enterprise" : "enclave";
  const subjectId = (input.enterpriseId ?? input.enclaveId ?? "").toLowerCase();
  if (problems.length > 0 || !unit) throw new ValidationFailed(problems);
  // An unknown subject is answered like one outside the caller's reach (404): existence is not revealed.
  const subject = await findSubject(deps, subjectKind, subjectId);
  if (!subject) throw new NotFound(subjectKind, subjectId);
  return {
    figureId: figureIdOf({ subjectKind, subjectId, month: input.month, measure: input.measure }),
    subjectKind,
    subjectId,
    scope: subject.scope,
    month: input.month,
    measure: input.measure,
    unit,
    amountFen: input.amountFen === undefined ? null : BigInt(input.amountFen).toString(),
    quantity: input.quantity === undefined ? null : normaliseDecimal(input.quantity),
    reason: input.reason ?? null,
  };
}

const sameValue = (row: VersionRow, checked: CheckedRecord) =>
  row.unit === checked.unit && row.amountFen === checked.amountFen && (row.quantity === null ? null : normaliseDecimal(row.quantity)) === checked.quantity;

async function recordChecked(db: Db, actor: Actor, checked: CheckedRecord): Promise<RecordedFigure> {
  // Two writers of the same figure at once: the second one's version number is taken (primary key); it reads
  // the new current version and tries again.
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await db.transaction().execute(async (trx) => {
        const units = await ensureMeasures(trx, new Map([[checked.measure, checked.unit]]));
        if (units.get(checked.measure) !== checked.unit) {
          throw new ValidationFailed([{ field: "unit", value: checked.unit, message: `${checked.measure} is recorded in ${units.get(checked.measure)}` }]);
        }
        const latest = await latestVersion(trx, checked.figureId);
        if (latest && sameValue(latest, checked)) return { figure: figureOf(latest), changed: false };
        const row = await insertVersion(trx, {
          figureId: checked.figureId,
          version: (latest?.version ?? 0) + 1,
          subjectKind: checked.subjectKind,
          enterpriseId: checked.subjectKind === "enterprise" ? checked.subjectId : null,
          enclaveId: checked.subjectKind === "enclave" ? checked.subjectId : null,
          month: checked.month,
          measure: checked.measure,
          unit: checked.unit,
          amountFen: checked.amountFen,
          quantity: checked.quantity,
          recordedById: actor.id,
          recordedByName: actor.name,
          source: "api",
          importId: null,
          reason: checked.reason,
        });
        const figure = figureOf(row);
        await appendAudit(trx, {
          action: "figure.record",
          outcome: "success",
          actor,
          entity: "figure",
          recordId: figure.figureId,
          detail: { before: latest ? figureOf(latest) : null, after: figure },
        });
        return { figure, changed: true };
      });
    } catch (error) {
      const duplicate = typeof error === "object" && error !== null && (error as { code?: string }).code === "23505";
      if (!duplicate) throw error;
      if (attempt >= 3) throw new Conflict("figure.busy", "The figure is being changed by someone else right now; try again.");
    }
  }
}
