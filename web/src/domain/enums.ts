// The enumerations of the contracts as values the console can list (for filters and forms). They are typed
// against the contracts, so a value the server drops or renames fails the type check here. Importing the zod
// schemas themselves would put zod into the browser bundle for four lists.
import type { AgreementKind, AgreementStatus } from "../../../contracts/agreements.ts";
import type { CooperationDomain } from "../../../contracts/cooperation.ts";
import type { EnclaveKind, EnclaveStatus } from "../../../contracts/enclaves.ts";
import type { ImportMode } from "../../../contracts/enterprises.ts";
import type { ProjectKind, ProjectStage } from "../../../contracts/projects.ts";
import type { MessageKey, Translate } from "../i18n/i18n.tsx";

type All<T extends string> = readonly T[] & { length: number };

export const agreementKinds = [
  "framework",
  "enclave",
  "project",
  "other",
] as const satisfies All<AgreementKind>;
export const agreementStatuses = [
  "draft",
  "signed",
  "in_force",
  "expired",
  "terminated",
] as const satisfies All<AgreementStatus>;
export const enclaveKinds = [
  "industrial",
  "innovation",
  "village_income",
] as const satisfies All<EnclaveKind>;
export const enclaveStatuses = [
  "planned",
  "building",
  "operating",
  "closed",
] as const satisfies All<EnclaveStatus>;
export const landUses = ["industrial", "commercial", "research", "mixed", "other"] as const;
export const parcelStatuses = ["planned", "acquired", "built"] as const;
export const projectKinds = [
  "investment",
  "infrastructure",
  "public_service",
] as const satisfies All<ProjectKind>;
export const projectStages = [
  "lead",
  "signed",
  "landed",
  "under_construction",
  "in_production",
] as const satisfies All<ProjectStage>;
export const cooperationDomains = [
  "industry",
  "talent",
  "technology",
  "culture",
  "education",
  "health",
] as const satisfies All<CooperationDomain>;
export const importModes = ["all_or_nothing", "valid_rows"] as const satisfies All<ImportMode>;

/** Select options for an enumeration whose labels are catalogue keys `${prefix}.${value}`. */
export function enumOptions<V extends string>(
  values: readonly V[],
  prefix: string,
  t: Translate,
): { value: V; label: string }[] {
  return values.map((value) => ({ value, label: t(`${prefix}.${value}` as MessageKey) }));
}

/** The catalogue label of an enumeration value. */
export function enumLabel(prefix: string, value: string, t: Translate): string {
  return t(`${prefix}.${value}` as MessageKey);
}

/** Options of a life cycle that runs forward only (stages, statuses): the steps before `current` are disabled. */
export function forwardOptions<V extends string>(
  steps: readonly V[],
  prefix: string,
  t: Translate,
  current: V | undefined,
): { value: V; label: string; disabled: boolean }[] {
  const reached = current === undefined ? 0 : steps.indexOf(current);
  return enumOptions(steps, prefix, t).map((option, i) => ({ ...option, disabled: i < reached }));
}
