-- The notifications subgraph: the bell, the outbound messages (the exactly-once record), preferences,
-- Web Push subscriptions, partner webhooks, the embedded job queue and the feed cursors.
CREATE TYPE "channel" AS ENUM ('IN_APP', 'EMAIL', 'SMS', 'WHATSAPP', 'PUSH');
CREATE TYPE "purpose" AS ENUM ('TRANSACTIONAL', 'MARKETING');
CREATE TYPE "message_status" AS ENUM ('PENDING', 'SENT', 'DELIVERED', 'FAILED', 'CANCELED');
CREATE TYPE "webhook_delivery_status" AS ENUM ('PENDING', 'SUCCEEDED', 'FAILED');

CREATE TABLE "notifications" (
    "id" UUID NOT NULL,
    "dedupe_key" TEXT NOT NULL,
    "recipient_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "title_encrypted" TEXT NOT NULL,
    "body_encrypted" TEXT NOT NULL,
    "link" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "read_at" TIMESTAMPTZ(3),
    CONSTRAINT "notifications_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "notifications_dedupe_key_key" ON "notifications"("dedupe_key");
CREATE INDEX "notifications_recipient_id_created_at_id_idx" ON "notifications"("recipient_id", "created_at" DESC, "id" DESC);
CREATE INDEX "notifications_recipient_id_read_at_idx" ON "notifications"("recipient_id", "read_at");

CREATE TABLE "messages" (
    "id" UUID NOT NULL,
    "dedupe_key" TEXT NOT NULL,
    "cancel_key" TEXT,
    "kind" TEXT NOT NULL,
    "template_version" INTEGER NOT NULL,
    "channel" "channel" NOT NULL,
    "purpose" "purpose" NOT NULL,
    "urgent" BOOLEAN NOT NULL,
    "recipient_id" UUID NOT NULL,
    "data_encrypted" TEXT NOT NULL,
    "status" "message_status" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "provider_message_id" TEXT,
    "scheduled_for" TIMESTAMPTZ(3) NOT NULL,
    "sent_at" TIMESTAMPTZ(3),
    "delivered_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "messages_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "messages_dedupe_key_key" ON "messages"("dedupe_key");
CREATE INDEX "messages_cancel_key_idx" ON "messages"("cancel_key");
CREATE INDEX "messages_status_scheduled_for_idx" ON "messages"("status", "scheduled_for");
CREATE INDEX "messages_provider_message_id_idx" ON "messages"("provider_message_id");

CREATE TABLE "preferences" (
    "user_id" UUID NOT NULL,
    "channel" "channel" NOT NULL,
    "purpose" "purpose" NOT NULL,
    "enabled" BOOLEAN NOT NULL,
    CONSTRAINT "preferences_pkey" PRIMARY KEY ("user_id", "channel", "purpose")
);

CREATE TABLE "push_subscriptions" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "endpoint" TEXT NOT NULL,
    "p256dh" TEXT NOT NULL,
    "auth" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "push_subscriptions_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "push_subscriptions_endpoint_key" ON "push_subscriptions"("endpoint");
CREATE INDEX "push_subscriptions_user_id_idx" ON "push_subscriptions"("user_id");

CREATE TABLE "webhook_endpoints" (
    "id" UUID NOT NULL,
    "clinic_id" UUID NOT NULL,
    "url" TEXT NOT NULL,
    "events" TEXT[],
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "secret_encrypted" TEXT NOT NULL,
    "previous_secret_encrypted" TEXT,
    "previous_secret_expires_at" TIMESTAMPTZ(3),
    "failing_since" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deleted_at" TIMESTAMPTZ(3),
    CONSTRAINT "webhook_endpoints_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "webhook_endpoints_clinic_id_idx" ON "webhook_endpoints"("clinic_id");

CREATE TABLE "webhook_deliveries" (
    "id" TEXT NOT NULL,
    "endpoint_id" UUID NOT NULL,
    "event_id" TEXT NOT NULL,
    "event_type" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "status" "webhook_delivery_status" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "response_codes" INTEGER[],
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_attempt_at" TIMESTAMPTZ(3),
    "next_attempt_at" TIMESTAMPTZ(3),
    CONSTRAINT "webhook_deliveries_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "webhook_deliveries_endpoint_id_fkey" FOREIGN KEY ("endpoint_id") REFERENCES "webhook_endpoints"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "webhook_deliveries_endpoint_id_event_id_key" ON "webhook_deliveries"("endpoint_id", "event_id");
CREATE INDEX "webhook_deliveries_endpoint_id_created_at_id_idx" ON "webhook_deliveries"("endpoint_id", "created_at" DESC, "id" DESC);

CREATE TABLE "aggregate_sequences" (
    "aggregate_id" TEXT NOT NULL,
    "last_event_id" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL,
    CONSTRAINT "aggregate_sequences_pkey" PRIMARY KEY ("aggregate_id")
);

CREATE TABLE "queued_jobs" (
    "id" TEXT NOT NULL,
    "queue" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "run_at" TIMESTAMPTZ(3) NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "leased_until" TIMESTAMPTZ(3),
    CONSTRAINT "queued_jobs_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "queued_jobs_queue_run_at_idx" ON "queued_jobs"("queue", "run_at");

CREATE TABLE "feed_cursors" (
    "source" TEXT NOT NULL,
    "published_at" TIMESTAMPTZ(3) NOT NULL,
    "event_id" TEXT NOT NULL,
    CONSTRAINT "feed_cursors_pkey" PRIMARY KEY ("source")
);
