-- AlterTable
ALTER TABLE "extensions" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "trunks" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;
