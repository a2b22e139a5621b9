// The enclave form, for a new enclave and for a change: where it stands and whom it is for, its planned area and
// status (forward only), and its land parcels. Areas are exact decimals in mu. The server checks the rest (the
// host is not a sending region, the parcels fit the area, the opening date once operating) next to the field.
import { Form, Input, Select } from "antd";
import type { Dayjs } from "dayjs";
import type { CreateEnclave, Enclave, LandParcelInput } from "../../../../contracts/enclaves.ts";
import {
  AgreementField,
  DateField,
  EnumField,
  FieldRow,
  ForwardField,
  NameFields,
  NoteField,
  PublishedField,
  RegionSelect,
  RowList,
} from "../../components/form-fields.tsx";
import { dayOf, decimalText, isoOf, requiredRule, textOrNull } from "../../components/form-values.ts";
import { RecordForm } from "../../components/record-form.tsx";
import type { FormPlacement } from "../../components/record-page.tsx";
import { enclaveKinds, enclaveStatuses, enumOptions, landUses, parcelStatuses } from "../../domain/enums.ts";
import { useI18n } from "../../i18n/i18n.tsx";

type ParcelValues = Partial<Omit<LandParcelInput, "acquiredOn">> & { acquiredOn?: Dayjs | null };

type FormValues = Omit<CreateEnclave, "openedOn" | "parcels"> & {
  openedOn?: Dayjs | null;
  parcels?: ParcelValues[];
};

const initialOf = (e: Enclave | undefined): Partial<FormValues> =>
  e
    ? {
        ...e,
        openedOn: dayOf(e.openedOn),
        parcels: e.parcels.map((p) => ({ ...p, acquiredOn: dayOf(p.acquiredOn) })),
      }
    : { status: "planned", published: false, sendingRegionCodes: [], parcels: [] };

function bodyOf(values: FormValues, enclave: Enclave | undefined): CreateEnclave {
  return {
    nameZh: values.nameZh,
    nameEn: values.nameEn,
    kind: values.kind,
    hostRegionCode: values.hostRegionCode,
    sendingRegionCodes: values.sendingRegionCodes ?? [],
    agreementId: values.agreementId ?? null,
    areaMu: decimalText(values.areaMu),
    status: values.status,
    openedOn: isoOf(values.openedOn),
    address: textOrNull(values.address),
    note: textOrNull(values.note),
    parcels: (values.parcels ?? []).map((p) => ({
      parcelNo: p.parcelNo?.trim() ?? "",
      areaMu: decimalText(p.areaMu),
      landUse: p.landUse ?? "industrial",
      status: p.status ?? "planned",
      acquiredOn: isoOf(p.acquiredOn),
    })),
    published: values.published ?? false,
    illustrative: enclave?.illustrative ?? false,
  };
}

function AreaInput(control: {
  id?: string;
  value?: string;
  onChange?: (e: unknown) => void;
  width?: number;
}) {
  const { t } = useI18n();
  const { width = 160, ...rest } = control;
  return <Input {...rest} suffix={t("forms.mu")} inputMode="decimal" style={{ width }} />;
}

function Parcels() {
  const { t } = useI18n();
  return (
    <RowList
      name="parcels"
      legend={t("field.parcels")}
      addLabel={t("enclave.addParcel")}
      newRow={() => ({
        parcelNo: "",
        areaMu: "",
        landUse: "industrial",
        status: "planned",
        acquiredOn: null,
      })}
    >
      {(row) => (
        <>
          <Form.Item name={[row.name, "parcelNo"]} label={t("field.parcelNo")} rules={requiredRule(t)}>
            <Input maxLength={50} style={{ width: 130 }} />
          </Form.Item>
          <Form.Item name={[row.name, "areaMu"]} label={t("field.areaMu")} rules={requiredRule(t)}>
            <AreaInput width={120} />
          </Form.Item>
          <Form.Item name={[row.name, "landUse"]} label={t("field.landUse")} rules={requiredRule(t)}>
            <Select options={enumOptions(landUses, "landUse", t)} style={{ width: 100 }} />
          </Form.Item>
          <Form.Item name={[row.name, "status"]} label={t("field.status")}>
            <Select options={enumOptions(parcelStatuses, "parcelStatus", t)} style={{ width: 100 }} />
          </Form.Item>
          <DateField name={[row.name, "acquiredOn"]} label={t("field.acquiredOn")} />
        </>
      )}
    </RowList>
  );
}

export function EnclaveForm({ enclave, ...placement }: { enclave?: Enclave } & FormPlacement<Enclave>) {
  const { t } = useI18n();
  const [form] = Form.useForm<FormValues>();
  return (
    <RecordForm<FormValues, Enclave>
      form={form}
      endpoint="/api/v1/enclaves"
      record={enclave}
      initialValues={initialOf(enclave)}
      toBody={(values) => bodyOf(values, enclave)}
      {...placement}
      className="enclave-form"
    >
      <NameFields field="name" />
      <FieldRow>
        <EnumField name="kind" label={t("field.kind")} values={enclaveKinds} prefix="enclaveKind" />
        <ForwardField
          name="status"
          label={t("field.status")}
          steps={enclaveStatuses}
          prefix="enclaveStatus"
          current={enclave?.status}
        />
        <DateField name="openedOn" label={t("field.openedOn")} extra={t("enclave.openedOnHint")} />
      </FieldRow>
      <FieldRow>
        <Form.Item name="hostRegionCode" label={t("field.hostRegion")} rules={requiredRule(t)}>
          <RegionSelect />
        </Form.Item>
        <Form.Item name="sendingRegionCodes" label={t("field.sendingRegions")} rules={requiredRule(t)}>
          <RegionSelect multiple />
        </Form.Item>
      </FieldRow>
      <FieldRow>
        <Form.Item name="areaMu" label={t("field.areaMu")} rules={requiredRule(t)}>
          <AreaInput />
        </Form.Item>
        <AgreementField />
      </FieldRow>
      <Form.Item name="address" label={t("field.address")}>
        <Input maxLength={500} />
      </Form.Item>
      <NoteField />
      <Parcels />
      <PublishedField />
    </RecordForm>
  );
}
