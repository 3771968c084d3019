-- AlterEnum
ALTER TYPE "JobKind" ADD VALUE 'import_users';
