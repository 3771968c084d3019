import { codecShort } from "@/lib/transport";

export function CodecList({ codecs }: { codecs: readonly string[] }) {
  if (codecs.length === 0) return <span className="text-slate-500 dark:text-slate-400">None</span>;
  return <span className="whitespace-nowrap">{codecs.map(codecShort).join(", ")}</span>;
}
