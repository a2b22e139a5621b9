// A node's status in a county (gap, thin, present) and a match's recorded outcome, as coloured tags.
import { Tag } from "antd";
import { useChainWords } from "./chain-words.ts";

const statusColour: Record<string, string> = { gap: "error", thin: "warning", present: "success" };
const outcomeColour: Record<string, string> = {
  suggested: "default",
  contacted: "processing",
  agreed: "cyan",
  deal: "success",
};

export function StatusTag({ status }: { status: string }) {
  const words = useChainWords();
  return <Tag color={statusColour[status] ?? "default"}>{words.status(status)}</Tag>;
}

export function OutcomeTag({ status }: { status: string }) {
  const words = useChainWords();
  return <Tag color={outcomeColour[status] ?? "default"}>{words.outcome(status)}</Tag>;
}
