// The agreement form, for a new agreement and for a change: its parties (two at least), signing, status (forward
// only), principles, focus industries, cooperation domains and term. Documents are attached on the agreement's
// page. The server checks the rest (a signing date once signed, the term's end after its start) next to the field.
import { Form, Input, Select } from "antd";
import type { Dayjs } from "dayjs";
import type { Agreement, CreateAgreement } from "../../../../contracts/agreements.ts";
import {
  DateField,
  EnumField,
  FieldRow,
  ForwardField,
  NameFields,
  NoteField,
  PhrasesInput,
  PublishedField,
  RegionSelect,
} from "../../components/form-fields.tsx";
import { dayOf, isoOf, requiredRule, textOrNull } from "../../components/form-values.ts";
import { RecordForm } from "../../components/record-form.tsx";
import type { FormPlacement } from "../../components/record-page.tsx";
import { RecordSelect } from "../../components/record-select.tsx";
import { agreementKinds, agreementStatuses, cooperationDomains, enumOptions } from "../../domain/enums.ts";
import { useI18n } from "../../i18n/i18n.tsx";

type FormValues = Omit<CreateAgreement, "signedOn" | "termStart" | "termEnd"> & {
  signedOn?: Dayjs | null;
  termStart?: Dayjs | null;
  termEnd?: Dayjs | null;
};

const initialOf = (a: Agreement | undefined): Partial<FormValues> =>
  a
    ? { ...a, signedOn: dayOf(a.signedOn), termStart: dayOf(a.termStart), termEnd: dayOf(a.termEnd) }
    : {
        status: "draft",
        published: false,
        parties: [],
        principles: [],
        focusIndustries: [],
        cooperationDomains: [],
      };

function bodyOf(values: FormValues, agreement: Agreement | undefined): CreateAgreement {
  return {
    pairingId: values.pairingId ?? null,
    titleZh: values.titleZh,
    titleEn: values.titleEn,
    kind: values.kind,
    parties: values.parties ?? [],
    signedOn: isoOf(values.signedOn),
    signedAt: textOrNull(values.signedAt),
    occasion: textOrNull(values.occasion),
    status: values.status,
    principles: values.principles ?? [],
    focusIndustries: values.focusIndustries ?? [],
    cooperationDomains: values.cooperationDomains ?? [],
    term: textOrNull(values.term),
    termStart: isoOf(values.termStart),
    termEnd: isoOf(values.termEnd),
    note: textOrNull(values.note),
    published: values.published ?? false,
    illustrative: agreement?.illustrative ?? false,
  };
}

export function AgreementForm({
  agreement,
  ...placement
}: { agreement?: Agreement } & FormPlacement<Agreement>) {
  const { t } = useI18n();
  const [form] = Form.useForm<FormValues>();
  return (
    <RecordForm<FormValues, Agreement>
      form={form}
      endpoint="/api/v1/agreements"
      record={agreement}
      initialValues={initialOf(agreement)}
      toBody={(values) => bodyOf(values, agreement)}
      {...placement}
      className="agreement-form"
    >
      <NameFields field="title" />
      <FieldRow>
        <EnumField name="kind" label={t("field.kind")} values={agreementKinds} prefix="agreementKind" />
        <ForwardField
          name="status"
          label={t("field.status")}
          steps={agreementStatuses}
          prefix="agreementStatus"
          current={agreement?.status}
        />
      </FieldRow>
      <Form.Item
        name="parties"
        label={t("field.parties")}
        extra={t("agreement.partiesHint")}
        rules={requiredRule(t)}
      >
        <RegionSelect levels="all" multiple />
      </Form.Item>
      <Form.Item name="pairingId" label={t("field.pairingId")} extra={t("agreement.pairingHint")}>
        <RecordSelect endpoint="/api/v1/pairings" />
      </Form.Item>
      <FieldRow>
        <DateField name="signedOn" label={t("field.signedOn")} />
        <Form.Item name="signedAt" label={t("field.signedAt")}>
          <Input maxLength={300} style={{ width: 240 }} />
        </Form.Item>
      </FieldRow>
      <Form.Item name="occasion" label={t("field.occasion")}>
        <Input maxLength={500} />
      </Form.Item>
      <FieldRow>
        <Form.Item name="term" label={t("field.term")}>
          <Input maxLength={200} style={{ width: 200 }} />
        </Form.Item>
        <DateField name="termStart" label={t("field.termStart")} />
        <DateField name="termEnd" label={t("field.termEnd")} />
      </FieldRow>
      <Form.Item name="principles" label={t("field.principles")} extra={t("forms.phrasesHint")}>
        <PhrasesInput />
      </Form.Item>
      <Form.Item name="focusIndustries" label={t("field.focusIndustries")} extra={t("forms.phrasesHint")}>
        <PhrasesInput />
      </Form.Item>
      <Form.Item name="cooperationDomains" label={t("field.cooperationDomains")}>
        <Select mode="multiple" options={enumOptions(cooperationDomains, "domain", t)} />
      </Form.Item>
      <NoteField />
      <PublishedField />
    </RecordForm>
  );
}
