"use client";

import { useMemo } from "react";
import type { ExtensionStatusView, ExtensionView } from "@switchboard/contracts";
import { useConfirmDelete } from "@/components/data-table/use-confirm-delete";
import { EntityListPanel } from "@/components/entity/entity-list-panel";
import { useLiveExtensionStatuses } from "@/features/realtime/use-live-statuses";
import { useLiveCollection } from "@/features/realtime/use-live-collection";
import { deleteExtensionAction } from "../actions/extension-actions";
import { extensionColumns } from "./extension-columns";

interface ExtensionsViewProps {
  rows: ExtensionView[];
  statuses: ExtensionStatusView[];
  seq: number;
  canManage: boolean;
}

const searchable = (row: ExtensionView) => [row.number, row.displayName, row.userName, row.sipUsername];

export function ExtensionsView({ rows: initialRows, statuses: initialStatuses, seq, canManage }: ExtensionsViewProps) {
  const rows = useLiveCollection("extension", initialRows, seq);
  const statuses = useLiveExtensionStatuses(initialStatuses, seq);
  const { request, dialog } = useConfirmDelete<ExtensionView>({
    title: (row) => `Delete extension ${row.number}?`,
    description: (row) => (
      <p>
        {row.displayName} ({row.number}) and its SIP credentials will be removed. Phones registered with it stop working.
      </p>
    ),
    success: (row) => `Extension ${row.number} deleted`,
    remove: (row) => deleteExtensionAction(row.id)
  });
  const columns = useMemo(() => extensionColumns(canManage, request, statuses), [canManage, request, statuses]);

  return (
    <EntityListPanel
      title="Extensions"
      noun="extensions"
      create={canManage ? { href: "/extensions/new", label: "New extension" } : null}
      rows={rows}
      searchable={searchable}
      searchPlaceholder="Number, name, user or SIP username"
      columns={columns}
      sortBy="number"
      dialog={dialog}
    />
  );
}
