-- CreateEnum
CREATE TYPE "QueueStrategy" AS ENUM ('ringall', 'leastrecent', 'fewestcalls', 'random', 'rrmemory', 'rrordered', 'linear', 'wrandom');

-- CreateEnum
CREATE TYPE "AgentState" AS ENUM ('logged_out', 'available', 'ringing', 'on_call', 'wrap_up', 'paused', 'unavailable');

-- CreateEnum
CREATE TYPE "AgentActivity" AS ENUM ('idle', 'ringing', 'on_call', 'unavailable');

-- CreateEnum
CREATE TYPE "QueueCallerOutcome" AS ENUM ('answered', 'abandoned', 'left');

-- CreateEnum
CREATE TYPE "QueueIntervalKind" AS ENUM ('day', 'quarter_hour');

-- CreateTable
CREATE TABLE "queues" (
    "id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "number" TEXT,
    "strategy" "QueueStrategy" NOT NULL DEFAULT 'ringall',
    "service_level_seconds" INTEGER NOT NULL DEFAULT 20,
    "service_level_target" INTEGER NOT NULL DEFAULT 80,
    "wrap_up_seconds" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "resynced_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "queues_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "queue_members" (
    "id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "queue_id" UUID NOT NULL,
    "extension_id" UUID NOT NULL,
    "interface" TEXT NOT NULL,
    "penalty" INTEGER NOT NULL DEFAULT 0,
    "logged_in" BOOLEAN NOT NULL DEFAULT false,
    "paused" BOOLEAN NOT NULL DEFAULT false,
    "pause_reason" TEXT,
    "activity" "AgentActivity" NOT NULL DEFAULT 'idle',
    "wrap_up_seconds" INTEGER,
    "wrap_up_until" TIMESTAMPTZ(3),
    "ring_in_use" BOOLEAN,
    "state" "AgentState" NOT NULL DEFAULT 'logged_out',
    "state_since" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_event_at" TIMESTAMPTZ(3),
    "calls_taken" INTEGER NOT NULL DEFAULT 0,
    "last_call_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "queue_members_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "queue_callers" (
    "id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "queue_id" UUID NOT NULL,
    "channel_id" TEXT NOT NULL,
    "pbx_call_id" TEXT,
    "caller_number" TEXT NOT NULL,
    "caller_name" TEXT,
    "position" INTEGER NOT NULL,
    "joined_at" TIMESTAMPTZ(3) NOT NULL,
    "left_at" TIMESTAMPTZ(3),
    "outcome" "QueueCallerOutcome",
    "wait_seconds" INTEGER,
    "within_service_level" BOOLEAN,
    "answered_by_extension_id" UUID,
    "talk_seconds" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "queue_callers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "queue_intervals" (
    "id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "queue_id" UUID NOT NULL,
    "kind" "QueueIntervalKind" NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "offered" INTEGER NOT NULL DEFAULT 0,
    "answered" INTEGER NOT NULL DEFAULT 0,
    "abandoned" INTEGER NOT NULL DEFAULT 0,
    "answered_within_sl" INTEGER NOT NULL DEFAULT 0,
    "answered_wait_seconds" INTEGER NOT NULL DEFAULT 0,
    "abandoned_wait_seconds" INTEGER NOT NULL DEFAULT 0,
    "talk_seconds" INTEGER NOT NULL DEFAULT 0,
    "completed" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "queue_intervals_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "pause_reasons" (
    "id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "label" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "pause_reasons_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "queues_organization_id_name_key" ON "queues"("organization_id", "name");

-- CreateIndex
CREATE INDEX "queue_members_organization_id_idx" ON "queue_members"("organization_id");

-- CreateIndex
CREATE INDEX "queue_members_extension_id_idx" ON "queue_members"("extension_id");

-- CreateIndex
CREATE UNIQUE INDEX "queue_members_queue_id_extension_id_key" ON "queue_members"("queue_id", "extension_id");

-- CreateIndex
CREATE INDEX "queue_callers_queue_id_channel_id_idx" ON "queue_callers"("queue_id", "channel_id");

-- CreateIndex
CREATE INDEX "queue_callers_organization_id_left_at_idx" ON "queue_callers"("organization_id", "left_at");

-- CreateIndex
CREATE INDEX "queue_callers_queue_id_joined_at_idx" ON "queue_callers"("queue_id", "joined_at");

-- CreateIndex
CREATE INDEX "queue_callers_answered_by_extension_id_idx" ON "queue_callers"("answered_by_extension_id");

-- CreateIndex
CREATE INDEX "queue_intervals_organization_id_kind_starts_at_idx" ON "queue_intervals"("organization_id", "kind", "starts_at");

-- CreateIndex
CREATE UNIQUE INDEX "queue_intervals_queue_id_kind_starts_at_key" ON "queue_intervals"("queue_id", "kind", "starts_at");

-- CreateIndex
CREATE UNIQUE INDEX "pause_reasons_organization_id_label_key" ON "pause_reasons"("organization_id", "label");

-- AddForeignKey
ALTER TABLE "queues" ADD CONSTRAINT "queues_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "queue_members" ADD CONSTRAINT "queue_members_queue_id_fkey" FOREIGN KEY ("queue_id") REFERENCES "queues"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "queue_members" ADD CONSTRAINT "queue_members_extension_id_fkey" FOREIGN KEY ("extension_id") REFERENCES "extensions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "queue_callers" ADD CONSTRAINT "queue_callers_queue_id_fkey" FOREIGN KEY ("queue_id") REFERENCES "queues"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "queue_callers" ADD CONSTRAINT "queue_callers_answered_by_extension_id_fkey" FOREIGN KEY ("answered_by_extension_id") REFERENCES "extensions"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "queue_intervals" ADD CONSTRAINT "queue_intervals_queue_id_fkey" FOREIGN KEY ("queue_id") REFERENCES "queues"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pause_reasons" ADD CONSTRAINT "pause_reasons_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
