import { NotFoundContent } from "@/components/ui/not-found-content";

export default function AppNotFound() {
  return <NotFoundContent />;
}
