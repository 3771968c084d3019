"use client";

import type { ApiTokenView } from "@switchboard/db";
import { useConfirmDelete } from "@/components/data-table/use-confirm-delete";
import { buttonClasses } from "@/components/ui/button";
import { LocalDate } from "@/components/ui/local-date";
import { Panel } from "@/components/ui/panel";
import { revokeApiTokenAction } from "../actions/token-actions";
import { CreateTokenForm } from "./create-token-form";

const th = "px-3 py-2.5 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-300";

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
        <div className="relative overflow-x-auto">
          <table className="min-w-full divide-y divide-slate-200 text-sm dark:divide-slate-800">
            <caption className="sr-only">Your API tokens</caption>
            <thead className="bg-slate-50 dark:bg-slate-800/50">
              <tr>
                <th scope="col" className={th}>
                  Name
                </th>
                <th scope="col" className={th}>
                  Prefix
                </th>
                <th scope="col" className={th}>
                  Created
                </th>
                <th scope="col" className={th}>
                  Last used
                </th>
                <th scope="col" className={th}>
                  Expires
                </th>
                <th scope="col" className={th}>
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
              {tokens.length === 0 ? (
                <tr>
                  <td colSpan={6} className="px-3 py-8 text-center text-slate-600 dark:text-slate-400">
                    You have no API tokens.
                  </td>
                </tr>
              ) : (
                tokens.map((t) => (
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
                ))
              )}
            </tbody>
          </table>
        </div>
      </section>
      {dialog}
    </Panel>
  );
}
