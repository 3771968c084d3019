import { Notice, PageHeader } from "./panel";

export function AccessDenied({ title, message }: { title: string; message: string }) {
  return (
    <>
      <PageHeader title={title} />
      <Notice tone="warning" title="You don't have access to this page" role="alert">
        {message}
      </Notice>
    </>
  );
}
