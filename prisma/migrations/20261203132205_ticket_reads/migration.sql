-- AlterTable
ALTER TABLE "tickets" ADD COLUMN     "last_customer_reply_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "ticket_reads" (
    "ticket_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "read_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ticket_reads_pkey" PRIMARY KEY ("ticket_id","user_id")
);

-- CreateIndex
CREATE INDEX "ticket_reads_user_id_idx" ON "ticket_reads"("user_id");

-- AddForeignKey
ALTER TABLE "ticket_reads" ADD CONSTRAINT "ticket_reads_ticket_id_fkey" FOREIGN KEY ("ticket_id") REFERENCES "tickets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ticket_reads" ADD CONSTRAINT "ticket_reads_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
