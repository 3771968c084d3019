-- CreateEnum
CREATE TYPE "CallDirection" AS ENUM ('inbound', 'outbound', 'internal');

-- CreateEnum
CREATE TYPE "CallState" AS ENUM ('ringing', 'answered', 'on_hold', 'transferred', 'ended');

-- CreateEnum
CREATE TYPE "CallResult" AS ENUM ('answered', 'missed', 'busy', 'failed');

-- CreateEnum
CREATE TYPE "RegistrationState" AS ENUM ('registered', 'unregistered', 'unreachable');

-- CreateEnum
CREATE TYPE "DeviceState" AS ENUM ('idle', 'ringing', 'in_use', 'busy', 'on_hold', 'unavailable', 'dnd');

-- CreateEnum
CREATE TYPE "TrunkRegistration" AS ENUM ('registered', 'rejected', 'unreachable', 'unknown');

-- CreateEnum
CREATE TYPE "PbxConnectionStatus" AS ENUM ('connected', 'connecting', 'auth_failed', 'disconnected');

-- CreateTable
CREATE TABLE "calls" (
    "id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "pbx_call_id" TEXT NOT NULL,
    "direction" "CallDirection" NOT NULL,
    "state" "CallState" NOT NULL,
    "result" "CallResult",
    "from_number" TEXT NOT NULL,
    "from_name" TEXT,
    "to_number" TEXT NOT NULL,
    "to_name" TEXT,
    "did" TEXT,
    "extension_ids" UUID[] DEFAULT ARRAY[]::UUID[],
    "trunk_id" UUID,
    "queue" TEXT,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "answered_at" TIMESTAMPTZ(3),
    "ended_at" TIMESTAMPTZ(3),
    "duration_seconds" INTEGER,
    "talk_seconds" INTEGER,
    "hold_seconds" INTEGER NOT NULL DEFAULT 0,
    "hold_started_at" TIMESTAMPTZ(3),
    "hangup_cause" TEXT,
    "hangup_cause_code" INTEGER,
    "hung_up_by" TEXT,
    "transferred_to" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "calls_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "call_events" (
    "id" BIGSERIAL NOT NULL,
    "organization_id" UUID NOT NULL,
    "call_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "detail" TEXT NOT NULL DEFAULT '',
    "party" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "call_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "extension_statuses" (
    "id" UUID NOT NULL,
    "extension_id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "registration" "RegistrationState" NOT NULL DEFAULT 'unregistered',
    "contact" TEXT,
    "user_agent" TEXT,
    "device_state" "DeviceState" NOT NULL DEFAULT 'unavailable',
    "dnd" BOOLEAN NOT NULL DEFAULT false,
    "changed_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "extension_statuses_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "trunk_statuses" (
    "id" UUID NOT NULL,
    "trunk_id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "registration" "TrunkRegistration" NOT NULL DEFAULT 'unknown',
    "detail" TEXT,
    "changed_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "trunk_statuses_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "pbx_connections" (
    "id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "host" TEXT NOT NULL,
    "port" INTEGER NOT NULL DEFAULT 5038,
    "username" TEXT NOT NULL,
    "secret_enc" TEXT NOT NULL,
    "secret_hint" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "status" "PbxConnectionStatus" NOT NULL DEFAULT 'disconnected',
    "last_error" TEXT,
    "status_changed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_connected_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "pbx_connections_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "pbx_webhooks" (
    "id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "public_id" TEXT NOT NULL,
    "secret_enc" TEXT NOT NULL,
    "secret_hint" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "pbx_webhooks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "pbx_webhook_deliveries" (
    "webhook_id" UUID NOT NULL,
    "event_id" TEXT NOT NULL,
    "processed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "pbx_webhook_deliveries_pkey" PRIMARY KEY ("webhook_id","event_id")
);

-- CreateIndex
CREATE INDEX "calls_organization_id_state_idx" ON "calls"("organization_id", "state");

-- CreateIndex
CREATE INDEX "calls_organization_id_started_at_idx" ON "calls"("organization_id", "started_at");

-- CreateIndex
CREATE INDEX "calls_trunk_id_idx" ON "calls"("trunk_id");

-- CreateIndex
CREATE UNIQUE INDEX "calls_organization_id_pbx_call_id_key" ON "calls"("organization_id", "pbx_call_id");

-- CreateIndex
CREATE INDEX "call_events_call_id_id_idx" ON "call_events"("call_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "extension_statuses_extension_id_key" ON "extension_statuses"("extension_id");

-- CreateIndex
CREATE INDEX "extension_statuses_organization_id_idx" ON "extension_statuses"("organization_id");

-- CreateIndex
CREATE UNIQUE INDEX "trunk_statuses_trunk_id_key" ON "trunk_statuses"("trunk_id");

-- CreateIndex
CREATE INDEX "trunk_statuses_organization_id_idx" ON "trunk_statuses"("organization_id");

-- CreateIndex
CREATE UNIQUE INDEX "pbx_connections_organization_id_key" ON "pbx_connections"("organization_id");

-- CreateIndex
CREATE UNIQUE INDEX "pbx_webhooks_organization_id_key" ON "pbx_webhooks"("organization_id");

-- CreateIndex
CREATE UNIQUE INDEX "pbx_webhooks_public_id_key" ON "pbx_webhooks"("public_id");

-- CreateIndex
CREATE INDEX "pbx_webhook_deliveries_processed_at_idx" ON "pbx_webhook_deliveries"("processed_at");

-- AddForeignKey
ALTER TABLE "calls" ADD CONSTRAINT "calls_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "calls" ADD CONSTRAINT "calls_trunk_id_fkey" FOREIGN KEY ("trunk_id") REFERENCES "trunks"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "call_events" ADD CONSTRAINT "call_events_call_id_fkey" FOREIGN KEY ("call_id") REFERENCES "calls"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "extension_statuses" ADD CONSTRAINT "extension_statuses_extension_id_fkey" FOREIGN KEY ("extension_id") REFERENCES "extensions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "trunk_statuses" ADD CONSTRAINT "trunk_statuses_trunk_id_fkey" FOREIGN KEY ("trunk_id") REFERENCES "trunks"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pbx_connections" ADD CONSTRAINT "pbx_connections_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pbx_webhooks" ADD CONSTRAINT "pbx_webhooks_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pbx_webhook_deliveries" ADD CONSTRAINT "pbx_webhook_deliveries_webhook_id_fkey" FOREIGN KEY ("webhook_id") REFERENCES "pbx_webhooks"("id") ON DELETE CASCADE ON UPDATE CASCADE;
