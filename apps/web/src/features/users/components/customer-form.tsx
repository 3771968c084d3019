"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { customerCreateSchema, type CustomerCreateInput } from "@switchboard/contracts";
import { applyServerErrors } from "@/components/forms/server-errors";
import { FormAlert } from "@/components/forms/form-alert";
import { Button } from "@/components/ui/button";
import { InputField } from "@/components/ui/field";
import { createCustomerAction } from "../actions/user-actions";
import { callAction } from "@/components/forms/call-action";

/** A customer account without sign-in, for tickets opened on their behalf (an invitation can follow from their page). */
export function CustomerForm() {
  const [formError, setFormError] = useState<string | null>(null);
  const [created, setCreated] = useState<{ id: string; name: string } | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting }
  } = useForm<CustomerCreateInput>({ resolver: zodResolver(customerCreateSchema), defaultValues: { email: "", name: "" } });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const result = await callAction(() => createCustomerAction(values));
    if (!result.ok) {
      setFormError(applyServerErrors(result.error, setError, ["email", "name"]));
      return;
    }
    reset();
    setCreated({ id: result.data.id, name: result.data.name });
    toast.success(`Customer ${result.data.name} added`);
  });

  return (
    <form noValidate onSubmit={onSubmit} aria-label="Add a customer" className="space-y-4">
      <FormAlert message={formError} />
      <div className="grid gap-4 sm:grid-cols-[1fr_1fr_auto] sm:items-start">
        <InputField id="customer-email" label="Customer email" type="email" autoComplete="off" required error={errors.email?.message} {...register("email")} />
        <InputField id="customer-name" label="Customer name" autoComplete="off" required error={errors.name?.message} {...register("name")} />
        <Button type="submit" className="sm:mt-6" disabled={isSubmitting} aria-busy={isSubmitting || undefined}>
          {isSubmitting ? "Adding…" : "Add customer"}
        </Button>
      </div>
      {created ? (
        <p role="status" className="text-sm">
          <Link className="font-medium text-brand-700 hover:underline dark:text-brand-300" href={`/users/${created.id}`}>
            Open {created.name}
          </Link>{" "}
          to send them a sign-in invitation or open a ticket for them.
        </p>
      ) : null}
    </form>
  );
}
