// Labels of the console's forms pages in en-US: the same keys as forms.zh-CN.ts.
import type { formsZhCN } from "./forms.zh-CN.ts";

export const formsEnUS: Record<keyof typeof formsZhCN, string> = {
  "record.created": "Created",
  "record.saved": "Saved",
  "record.reloadLatest": "Load the record as it now stands (drops your edits)",

  "field.published": "Public",
  "field.stageOn": "Reached this stage on",
  "field.plannedOn": "Planned date",
  "field.actualOn": "Done on",

  "forms.publishedHint": "Once public, anyone may read this record",
  "forms.phrasesHint": "Press Enter after each; several allowed",
  "forms.row": "{legend}, item {number}",
  "forms.removeRow": "Remove {legend} item {number}",
  "forms.mu": "mu",

  "agreements.create": "New agreement",
  "agreement.edit": "Edit agreement",
  "agreement.partiesHint": "At least two, in the order the agreement names them",
  "agreement.pairingHint": "The pairing the agreement belongs to; leave empty for one outside a pairing",

  "enclaves.create": "New enclave",
  "enclave.edit": "Edit enclave",
  "enclave.openedOnHint": "Required once the enclave operates; not in the future",
  "enclave.addParcel": "Add parcel",

  "projects.create": "New project",
  "project.edit": "Edit project",
  "project.stageOnHint": "Only with a change of stage; today when left empty",
  "project.stageOnNewHint": "The date the project reached the chosen stage; today when left empty",
  "project.ownerHint":
    "Choose the enterprise when an enterprise owns it, otherwise name the owner — one of the two",
  "project.enclave": "Enclave",
  "project.ownerName": "Other owner",
  "project.addMilestone": "Add milestone",

  "cooperation.create": "New cooperation activity",
  "activity.edit": "Edit cooperation activity",
  "activity.addMeasure": "Add measure",
  "activity.measureHint": "Choose the domain first, then its measures",
};
