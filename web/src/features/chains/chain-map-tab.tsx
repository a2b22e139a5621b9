// The chain as a graph: every node coloured by presence in each county (the legend says which colour is which,
// and counts them), a node list for the keyboard, and a node's details in a drawer on click or choice.
import { Card, Flex, Form, Select, Spin, Typography } from "antd";
import { lazy, Suspense, useMemo, useState } from "react";
import { useI18n } from "../../i18n/i18n.tsx";
import { nodeName, type ChainView } from "./chain-api.ts";
import { buildGraphModel, presenceColours, type GraphKind } from "./chain-graph-model.ts";
import { presenceCounts, presenceKinds, type GapNode } from "./chain-presence.ts";
import { useChainWords } from "./chain-words.ts";
import { NodeDrawer } from "./node-drawer.tsx";

const ChainGraph = lazy(async () => ({ default: (await import("./chain-graph.tsx")).ChainGraph }));

type Props = {
  chain: ChainView;
  gapNodes: GapNode[] | undefined;
  pair: readonly string[];
  pairingId: string | undefined;
  outputYear: number | null;
};

export function ChainMapTab({ chain, gapNodes, pair, pairingId, outputYear }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const words = useChainWords();
  const [selectedId, setSelectedId] = useState<string>();
  const model = useMemo(() => buildGraphModel(chain, gapNodes, pair, words), [chain, gapNodes, pair, words]);
  const [first = "", second = ""] = pair;
  const categories = useMemo(() => {
    const name: Record<GraphKind, string> = {
      both: t("chains.presence.both"),
      first: t("chains.presence.only", { county: words.countyName(first) }),
      second: t("chains.presence.only", { county: words.countyName(second) }),
      neither: t("chains.presence.neither"),
      unknown: t("chains.presence.unknown"),
    };
    const kinds: GraphKind[] = gapNodes ? [...presenceKinds] : ["unknown"];
    return kinds.map((kind) => ({ kind, name: name[kind] }));
  }, [t, words, first, second, gapNodes]);
  const counts = gapNodes ? presenceCounts(gapNodes, pair) : undefined;
  const selected = chain.nodes.find((n) => n.id === selectedId);
  const chainName = nodeName(chain, i18n.locale);
  return (
    <Card>
      <Flex justify="space-between" align="flex-end" wrap gap="small">
        <ul className="chain-legend" aria-label={t("chains.legend")}>
          {categories.map((c) => (
            <li key={c.kind}>
              <span
                className="chain-swatch"
                aria-hidden="true"
                style={{
                  background: presenceColours[c.kind].fill,
                  borderColor: presenceColours[c.kind].border,
                  borderStyle: c.kind === "neither" ? "dashed" : "solid",
                }}
              />
              {c.name}
              {counts && c.kind !== "unknown" && (
                <strong className="chain-legend-count">
                  {t("chains.nodesCount", { count: i18n.number(counts[c.kind as keyof typeof counts]) })}
                </strong>
              )}
            </li>
          ))}
        </ul>
        <Form layout="inline" onSubmitCapture={(e) => e.preventDefault()}>
          <Form.Item label={t("chains.showNode")} htmlFor="chain-node-picker">
            <Select
              id="chain-node-picker"
              value={selectedId ?? null}
              placeholder={t("common.choose")}
              style={{ width: 260 }}
              showSearch={{ optionFilterProp: "label" }}
              options={chain.nodes.map((n) => ({ value: n.id, label: words.name(n) }))}
              onChange={(id: string) => setSelectedId(id)}
              popupMatchSelectWidth={false}
            />
          </Form.Item>
        </Form>
      </Flex>
      <Typography.Paragraph type="secondary" className="chain-hint">
        {t("chains.graphHint")}
        {outputYear !== null && ` ${t("chains.outputBasis", { year: outputYear })}`}
      </Typography.Paragraph>
      <Suspense fallback={<Spin size="large" className="page-spin" aria-label={t("common.loading")} />}>
        <ChainGraph
          model={model}
          categories={categories}
          selectedId={selectedId}
          outputWord={t("chains.output")}
          label={t("chains.graphLabel", { chain: chainName, count: chain.nodes.length })}
          onSelect={setSelectedId}
        />
      </Suspense>
      <NodeDrawer
        node={selected}
        gap={gapNodes?.find((n) => n.nodeId === selectedId)}
        pair={pair}
        pairingId={pairingId}
        chainId={chain.id}
        onClose={() => setSelectedId(undefined)}
      />
    </Card>
  );
}
