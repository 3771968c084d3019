import type { ComponentProps } from "react";
import { SelectField } from "@/components/ui/field";

type TimeZoneFieldProps = Omit<ComponentProps<typeof SelectField>, "label" | "children"> & {
  /** The zones the server knows (read there, so server and browser render the same list). */
  zones: readonly string[];
};

/** The organization's time zone: "today" figures and calendar-day filters follow it. */
export function TimeZoneField({ zones, ...select }: TimeZoneFieldProps) {
  return (
    <SelectField label="Time zone" hint="Where your organization's days begin and end." {...select}>
      {zones.map((zone) => (
        <option key={zone} value={zone}>
          {zone.replace(/_/g, " ")}
        </option>
      ))}
    </SelectField>
  );
}
