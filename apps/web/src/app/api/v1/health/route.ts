import { getHealth } from "@/features/api/health";

export function GET(): Promise<Response> {
  return getHealth();
}
