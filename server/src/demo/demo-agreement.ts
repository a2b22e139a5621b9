// The 2022-04-02 framework agreement (real, from the source report) and an illustrative industrial enclave.
import { CreateAgreement } from "../../../contracts/agreements.ts";
import { CreateEnclave } from "../../../contracts/enclaves.ts";
import type { Actor } from "../platform/actor.ts";
import type { Modules } from "../modules.ts";
import { demoFacts, wuyi, yongkang } from "./demo-facts.ts";

export async function loadDemoAgreement(modules: Modules, actor: Actor, pairingId: string): Promise<{ agreementId: string; enclaveId: string }> {
  const a = demoFacts.agreement;
  const agreement = await modules.agreements.agreements.create(
    actor,
    CreateAgreement.parse({
      pairingId,
      titleZh: a.title_zh,
      titleEn: a.title_en,
      kind: "framework",
      parties: a.parties,
      signedOn: a.signed_on,
      signedAt: `${a.signed_at} (武义县)`,
      occasion: a.occasion,
      status: "in_force",
      principles: a.principles,
      focusIndustries: a.focus_industries,
      cooperationDomains: a.cooperation_domains,
      term: a.term,
      termStart: a.signed_on,
      note: "Signed by the two county governments at the Yongkang–Wuyi mountain–sea collaboration joint conference (Jinhua news client, 3 April 2022).",
      published: true,
      illustrative: false,
    }),
  );
  const enclave = await modules.enclaves.enclaves.create(
    actor,
    CreateEnclave.parse({
      nameZh: "永武山海协作产业飞地（示例）",
      nameEn: "Yongkang–Wuyi mountain–sea industrial enclave (illustrative)",
      kind: "industrial",
      hostRegionCode: yongkang,
      sendingRegionCodes: [wuyi],
      agreementId: agreement.id,
      areaMu: "320",
      status: "operating",
      openedOn: "2023-06-18",
      address: "永康经济开发区 (illustrative)",
      note: "Illustrative: the framework agreement co-builds an enclave; its location, size, parcels and dates here are invented for the demo.",
      parcels: [
        { parcelNo: "YK-2022-017", areaMu: "120.5", landUse: "industrial", status: "built", acquiredOn: "2022-09-30" },
        { parcelNo: "YK-2022-018", areaMu: "96.25", landUse: "industrial", status: "built", acquiredOn: "2022-11-15" },
        { parcelNo: "YK-2023-004", areaMu: "64", landUse: "research", status: "acquired", acquiredOn: "2023-04-20" },
        { parcelNo: "YK-2024-011", areaMu: "39.25", landUse: "mixed", status: "planned" },
      ],
      published: true,
      illustrative: true,
    }),
  );
  return { agreementId: agreement.id, enclaveId: enclave.id };
}
