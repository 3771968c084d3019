-- AlterTable
ALTER TABLE "pbx_connections" ADD COLUMN     "dial_context" TEXT;
