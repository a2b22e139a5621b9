// The enclave form, for a new enclave and for a change: where it stands and whom it is for, its planned area and
// status (forward only), and its land parcels. Areas are exact decimals in mu. The server checks the rest (the
// host is not a sending region, the parcels fit the area, the opening date once operating) next to the field.
import { DatePicker, Form, Input, Select, Space } from "antd";
import type { Dayjs } from "dayjs";
import type { CreateEnclave, Enclave, LandParcelInput } from "../../../../contracts/enclaves.ts";
import {
  NameFields,
  NoteField,
  PublishedField,
  RegionSelect,
  RowList,
} from "../../components/form-fields.tsx";
import { dayOf, decimalText, isoOf, requiredRule, textOrNull } from "../../components/form-values.ts";
import { RecordForm } from "../../components/record-form.tsx";
import type { FormPlacement } from "../../components/record-page.tsx";
import { RecordSelect } from "../../components/record-select.tsx";
import {
  enclaveKinds,
  enclaveStatuses,
  enumOptions,
  forwardOptions,
  landUses,
  parcelStatuses,
} from "../../domain/enums.ts";
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
          <Form.Item name={[row.name, "acquiredOn"]} label={t("field.acquiredOn")}>
            <DatePicker />
          </Form.Item>
        </>
      )}
    </RowList>
  );
}

export function EnclaveForm({ enclave, onSaved, onCancel }: { enclave?: Enclave } & FormPlacement<Enclave>) {
  const { t } = useI18n();
  const [form] = Form.useForm<FormValues>();
  return (
    <RecordForm<FormValues, Enclave>
      form={form}
      endpoint="/api/v1/enclaves"
      record={enclave}
      initialValues={initialOf(enclave)}
      toBody={(values) => bodyOf(values, enclave)}
      onSaved={onSaved}
      onCancel={onCancel}
      className="enclave-form"
    >
      <NameFields field="name" />
      <Space size="large" wrap align="start">
        <Form.Item name="kind" label={t("field.kind")} rules={requiredRule(t)}>
          <Select
            options={enumOptions(enclaveKinds, "enclaveKind", t)}
            style={{ width: 180 }}
            placeholder={t("common.choose")}
          />
        </Form.Item>
        <Form.Item name="status" label={t("field.status")} rules={requiredRule(t)}>
          <Select
            options={forwardOptions(enclaveStatuses, "enclaveStatus", t, enclave?.status)}
            style={{ width: 160 }}
          />
        </Form.Item>
        <Form.Item name="openedOn" label={t("field.openedOn")} extra={t("enclave.openedOnHint")}>
          <DatePicker />
        </Form.Item>
      </Space>
      <Space size="large" wrap align="start">
        <Form.Item name="hostRegionCode" label={t("field.hostRegion")} rules={requiredRule(t)}>
          <RegionSelect />
        </Form.Item>
        <Form.Item name="sendingRegionCodes" label={t("field.sendingRegions")} rules={requiredRule(t)}>
          <RegionSelect multiple />
        </Form.Item>
      </Space>
      <Space size="large" wrap align="start">
        <Form.Item name="areaMu" label={t("field.areaMu")} rules={requiredRule(t)}>
          <AreaInput />
        </Form.Item>
        <Form.Item name="agreementId" label={t("field.agreement")}>
          <RecordSelect endpoint="/api/v1/agreements" />
        </Form.Item>
      </Space>
      <Form.Item name="address" label={t("field.address")}>
        <Input maxLength={500} />
      </Form.Item>
      <NoteField />
      <Parcels />
      <PublishedField />
    </RecordForm>
  );
}
