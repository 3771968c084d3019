"use client";

import { useState } from "react";
import { renderCannedReply, type CannedReplyView, type CannedValues } from "@switchboard/contracts";
import { SelectField } from "@/components/ui/field";

/** Picks a canned reply and hands over its text with the placeholders filled in from the ticket. */
export function CannedReplyPicker({ replies, values, onInsert }: { replies: CannedReplyView[]; values: CannedValues; onInsert: (text: string) => void }) {
  const [choice, setChoice] = useState("");
  if (replies.length === 0) return null;
  return (
    <SelectField
      id="canned-reply"
      label="Insert canned reply"
      value={choice}
      className="min-w-56"
      onChange={(e) => {
        const reply = replies.find((r) => r.id === e.target.value);
        setChoice("");
        if (reply) onInsert(renderCannedReply(reply.body, values));
      }}
    >
      <option value="">Choose a canned reply…</option>
      {replies.map((reply) => (
        <option key={reply.id} value={reply.id}>
          {reply.name}
        </option>
      ))}
    </SelectField>
  );
}
