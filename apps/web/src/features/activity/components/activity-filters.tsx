"use client";

import Form from "next/form";
import { ACTIVITY_KINDS, type ActivityQuery } from "@switchboard/contracts";
import { Button, ButtonLink } from "@/components/ui/button";
import { InputField, SelectField } from "@/components/ui/field";
import { ACTIVITY_KIND_LABELS } from "../describe-activity";

/** A GET form: the filters live in the URL (and in the CSV export's link). Days are the organization's. */
export function ActivityFilters({ query, people, timeZone }: { query: ActivityQuery; people: { id: string; name: string }[]; timeZone: string }) {
  return (
    <Form
      action="/activity"
      role="search"
      aria-label="Filter activity"
      className="flex flex-wrap items-end gap-3 border-b border-slate-200 p-3 dark:border-slate-800"
    >
      <SelectField id="activity-actor" name="actor" label="Person" defaultValue={query.actor ?? ""}>
        <option value="">Anyone</option>
        {people.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </SelectField>
      <SelectField id="activity-kind" name="kind" label="Kind" defaultValue={query.kind ?? ""}>
        <option value="">Everything</option>
        {ACTIVITY_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {ACTIVITY_KIND_LABELS[kind]}
          </option>
        ))}
      </SelectField>
      <InputField id="activity-from" name="from" type="date" label="From date" defaultValue={query.from?.slice(0, 10)} hint={timeZone} />
      <InputField id="activity-to" name="to" type="date" label="To date" defaultValue={query.to?.slice(0, 10)} />
      <div className="flex gap-2 pb-0.5">
        <Button type="submit" variant="secondary">
          Apply filters
        </Button>
        <ButtonLink href="/activity" variant="ghost">
          Clear filters
        </ButtonLink>
      </div>
    </Form>
  );
}
