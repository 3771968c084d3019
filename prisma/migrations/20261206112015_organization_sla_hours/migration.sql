-- AlterTable
ALTER TABLE "organizations" ADD COLUMN     "sla_high_hours" INTEGER NOT NULL DEFAULT 8,
ADD COLUMN     "sla_low_hours" INTEGER NOT NULL DEFAULT 72,
ADD COLUMN     "sla_normal_hours" INTEGER NOT NULL DEFAULT 24,
ADD COLUMN     "sla_urgent_hours" INTEGER NOT NULL DEFAULT 4;
