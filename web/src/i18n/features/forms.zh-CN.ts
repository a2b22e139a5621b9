// Labels of the console's forms pages in zh-CN; forms.en-US.ts has the same keys (catalogue.test.ts checks).
export const formsZhCN = {
  "record.created": "已创建",
  "record.saved": "已保存",
  "record.reloadLatest": "载入最新内容（放弃本次修改）",

  "field.published": "公开",
  "field.stageOn": "进入该阶段日期",
  "field.plannedOn": "计划日期",
  "field.actualOn": "实际完成日期",

  "forms.publishedHint": "公开后，公众可以查看此记录",
  "forms.phrasesHint": "输入后按回车，可填多个",
  "forms.row": "{legend}第 {number} 项",
  "forms.removeRow": "删除{legend}第 {number} 项",
  "forms.mu": "亩",

  "agreements.create": "新增协议",
  "agreement.edit": "编辑协议",
  "agreement.partiesHint": "至少两方，按协议中的顺序选择",
  "agreement.pairingHint": "协议所属的结对关系；不属于结对关系的协议不选",

  "enclaves.create": "新增飞地",
  "enclave.edit": "编辑飞地",
  "enclave.openedOnHint": "飞地运营后必填，不能晚于今天",
  "enclave.addParcel": "添加地块",

  "projects.create": "新增项目",
  "project.edit": "编辑项目",
  "project.stageOnHint": "仅在变更阶段时填写，不填则为今天",
  "project.stageOnNewHint": "项目进入所选阶段的日期，不填则为今天",
  "project.ownerHint": "业主为企业时选择企业，否则填写业主名称，二者只填其一",
  "project.enclave": "所在飞地",
  "project.ownerName": "其他业主",
  "project.addMilestone": "添加里程碑",

  "cooperation.create": "新增协作活动",
  "activity.edit": "编辑协作活动",
  "activity.addMeasure": "添加成效指标",
  "activity.measureHint": "先选择领域，再选择该领域的指标",
} as const;
