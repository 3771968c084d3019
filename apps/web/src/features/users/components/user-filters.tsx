"use client";

import Form from "next/form";
import { useRef } from "react";
import { USER_STATUSES, type Role } from "@switchboard/contracts";
import { Button, ButtonLink } from "@/components/ui/button";
import { InputField, SelectField } from "@/components/ui/field";
import { roleLabel } from "@/features/shell/role-label";
import { STATUS_LABELS } from "../user-labels";

const ROLES: Role[] = ["admin", "supervisor", "agent", "customer"];

/** A GET form: the filters live in the URL, so the list can be bookmarked and reloaded. */
export function UserFilters({ q, role, status }: { q?: string; role?: Role; status?: string }) {
  const form = useRef<HTMLFormElement>(null);
  const submit = () => form.current?.requestSubmit();
  return (
    <Form
      ref={form}
      action="/users"
      role="search"
      aria-label="Filter users"
      className="flex flex-wrap items-end gap-3 border-b border-slate-200 p-3 dark:border-slate-800"
    >
      <InputField id="user-search" name="q" type="search" label="Search users" placeholder="Name or email" defaultValue={q} className="min-w-56 flex-1" />
      <SelectField id="user-role" name="role" label="Role" defaultValue={role ?? ""} onChange={submit}>
        <option value="">Any role</option>
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {roleLabel(r)}
          </option>
        ))}
      </SelectField>
      <SelectField id="user-status" name="status" label="State" defaultValue={status ?? ""} onChange={submit}>
        <option value="">Any state</option>
        {USER_STATUSES.map((s) => (
          <option key={s} value={s}>
            {STATUS_LABELS[s]}
          </option>
        ))}
      </SelectField>
      <div className="flex gap-2 pb-0.5">
        <Button type="submit" variant="secondary">
          Apply filters
        </Button>
        <ButtonLink href="/users" variant="ghost">
          Clear filters
        </ButtonLink>
      </div>
    </Form>
  );
}
