// Projects of the cooperation: investment, infrastructure and public-service projects with their stage in the
// pipeline (forward only, each stage stamped with its date), milestones and appended progress reports.
import { z } from "zod";
import { Id, IsoDate, NonNegativeFen, QueryBoolean, RecordMeta, RegionCode, illustrativeInput, patchOf, publishedField, publishedInput } from "./common.ts";

export const ProjectKind = z.enum(["investment", "infrastructure", "public_service"]);
export type ProjectKind = z.infer<typeof ProjectKind>;

/** The pipeline, in order. A project moves forward only; skipping stages is allowed. */
export const projectStages = ["lead", "signed", "landed", "under_construction", "in_production"] as const;
export const ProjectStage = z.enum(projectStages);
export type ProjectStage = z.infer<typeof ProjectStage>;

export const StageStamp = z.object({ stage: ProjectStage, on: IsoDate.describe("The date the project reached this stage") });

export const Milestone = z.object({
  id: Id,
  title: z.string(),
  plannedOn: IsoDate,
  actualOn: IsoDate.nullable(),
  note: z.string().nullable(),
});
export type Milestone = z.infer<typeof Milestone>;

export const MilestoneInput = z.object({
  id: Id.optional().describe("Keep an existing milestone's id when changing the list; leave out for a new one"),
  title: z.string().trim().min(1).max(300),
  plannedOn: IsoDate,
  actualOn: IsoDate.nullable().default(null).describe("Not in the future"),
  note: z.string().max(2000).nullable().default(null),
});

export const ProgressReport = z.object({
  id: Id,
  reportedOn: IsoDate,
  percentComplete: z.number().int(),
  text: z.string(),
  investmentToDateFen: NonNegativeFen.nullable(),
});
export type ProgressReport = z.infer<typeof ProgressReport>;

export const CreateProgressReport = z.object({
  reportedOn: IsoDate.describe("Not in the future, not before the previous report"),
  percentComplete: z.number().int("must be a whole number").min(0).max(100).describe("Never below the previous report's"),
  text: z.string().trim().min(1).max(5000),
  investmentToDateFen: NonNegativeFen.nullable().default(null),
});
export type CreateProgressReport = z.infer<typeof CreateProgressReport>;

export const Project = z.object({
  id: Id,
  nameZh: z.string(),
  nameEn: z.string(),
  kind: ProjectKind,
  stage: ProjectStage,
  stageHistory: z.array(StageStamp),
  plannedInvestmentFen: NonNegativeFen.nullable(),
  actualInvestmentFen: NonNegativeFen.nullable(),
  regionCodes: z.array(RegionCode),
  enclaveId: Id.nullable(),
  agreementId: Id.nullable(),
  ownerEnterpriseId: Id.nullable(),
  ownerName: z.string().nullable(),
  traction: z.boolean(),
  startedOn: IsoDate.nullable(),
  plannedCompletionOn: IsoDate.nullable(),
  note: z.string().nullable(),
  milestones: z.array(Milestone),
  progressReports: z.array(ProgressReport),
  ...publishedField,
  ...RecordMeta,
});
export type Project = z.infer<typeof Project>;

export const CreateProject = z.object({
  nameZh: z.string().trim().min(1).max(200),
  nameEn: z.string().trim().min(1).max(300),
  kind: ProjectKind,
  stage: ProjectStage.default("lead"),
  stageOn: IsoDate.optional().describe("The date the project reached its stage (default today); only with a change of stage"),
  plannedInvestmentFen: NonNegativeFen.nullable().default(null),
  actualInvestmentFen: NonNegativeFen.nullable().default(null),
  regionCodes: z.array(RegionCode).min(1, "a project lies in at least one region").max(20),
  enclaveId: Id.nullable().default(null),
  agreementId: Id.nullable().default(null),
  ownerEnterpriseId: Id.nullable().default(null),
  ownerName: z.string().trim().min(1).max(300).nullable().default(null).describe("An owner that is not an enterprise: an agency, a state investment company"),
  traction: z.boolean().default(false).describe("A traction project named in the agreement"),
  startedOn: IsoDate.nullable().default(null),
  plannedCompletionOn: IsoDate.nullable().default(null).describe("Not before startedOn"),
  note: z.string().max(5000).nullable().default(null),
  milestones: z.array(MilestoneInput).max(200).default([]),
  ...publishedInput,
  ...illustrativeInput,
});
export type CreateProject = z.infer<typeof CreateProject>;

export const UpdateProject = patchOf(CreateProject);
export type UpdateProject = z.infer<typeof UpdateProject>;

export const ProjectFilters = z.object({
  kind: ProjectKind.optional(),
  stage: ProjectStage.optional(),
  regionCode: RegionCode.optional().describe("Projects in this region"),
  enclaveId: Id.optional(),
  agreementId: Id.optional(),
  ownerEnterpriseId: Id.optional(),
  traction: QueryBoolean.optional(),
  illustrative: QueryBoolean.optional(),
});
export type ProjectFilters = z.infer<typeof ProjectFilters>;

export const PipelineFilters = z.object({
  regionCode: RegionCode.optional().describe("Only projects in this region"),
  kind: ProjectKind.optional(),
  traction: QueryBoolean.optional(),
  illustrative: QueryBoolean.optional(),
});
export type PipelineFilters = z.infer<typeof PipelineFilters>;

export const PipelineStage = z.object({
  stage: ProjectStage,
  count: z.number().int(),
  plannedInvestmentFen: z.string().describe("Sum over the stage's projects that state an amount"),
  actualInvestmentFen: z.string(),
});

export const Pipeline = z.object({
  regionCode: RegionCode.nullable(),
  stages: z.array(PipelineStage).describe("Every stage, in pipeline order, zero when empty"),
});
export type Pipeline = z.infer<typeof Pipeline>;
