"use client";

import type { ApiTokenView } from "@switchboard/contracts";
import { PlainTable } from "@/components/data-table/plain-table";
import { useConfirmDelete } from "@/components/data-table/use-confirm-delete";
import { buttonClasses } from "@/components/ui/button";
import { LocalDate } from "@/components/ui/local-date";
import { Panel } from "@/components/ui/panel";
import { revokeApiTokenAction } from "../actions/token-actions";
import { CreateTokenForm } from "./create-token-form";

const HEADERS = ["Name", "Prefix", "Created", "Last used", "Expires"];

export function ApiTokensPanel({ tokens }: { tokens: ApiTokenView[] }) {
  const { request, dialog } = useConfirmDelete<ApiTokenView>({
    title: (t) => `Revoke token ${t.name}?`,
    description: () => <p>Anything using this token loses access immediately. This cannot be undone.</p>,
    success: (t) => `Token ${t.name} revoked`,
    remove: (t) => revokeApiTokenAction(t.id),
    confirmLabel: "Revoke"
  });
  return (
    <Panel className="p-6">
      <section aria-labelledby="tokens-heading" className="space-y-5">
        <div>
          <h2 id="tokens-heading" className="text-base font-semibold">
            API tokens
          </h2>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
            Tokens let scripts and integrations use the REST API as you, with your role. Send one as <code className="font-mono">Authorization: Bearer …</code>.
          </p>
        </div>
        <CreateTokenForm />
        <PlainTable
          caption="Your API tokens"
          headers={HEADERS}
          actions
          empty={tokens.length === 0 ? <span className="text-slate-600 dark:text-slate-400">You have no API tokens.</span> : null}
        >
          {tokens.map((t) => (
            <tr key={t.id}>
              <th scope="row" className="px-3 py-2.5 text-left font-semibold">
                {t.name}
              </th>
              <td className="px-3 py-2.5 font-mono text-xs">{t.prefix}…</td>
              <td className="px-3 py-2.5">
                <LocalDate iso={t.createdAt} />
              </td>
              <td className="px-3 py-2.5">
                <LocalDate iso={t.lastUsedAt} />
              </td>
              <td className="px-3 py-2.5">
                <LocalDate iso={t.expiresAt} />
              </td>
              <td className="px-3 py-2.5 text-right">
                <button
                  type="button"
                  onClick={() => request(t)}
                  className={buttonClasses("ghost", "sm", "text-red-700 hover:bg-red-50 dark:text-red-400 dark:hover:bg-red-950")}
                >
                  Revoke<span className="sr-only"> token {t.name}</span>
                </button>
              </td>
            </tr>
          ))}
        </PlainTable>
      </section>
      {dialog}
    </Panel>
  );
}
