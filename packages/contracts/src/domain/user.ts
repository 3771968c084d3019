/** A staff member as pickers show them (assignee, extension owner). */
export interface UserOption {
  id: string;
  name: string;
  role: string;
}
