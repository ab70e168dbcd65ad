-- When a message's job was queued: a crash between recording a message and queueing it leaves it
-- pending with no job, found again by this column. Rows from before it are queued again once on the
-- next start (harmless: a job's id is the message's).
ALTER TABLE "messages" ADD COLUMN "queued_at" TIMESTAMPTZ(3);
CREATE INDEX "messages_unqueued_idx" ON "messages" ("created_at") WHERE "queued_at" IS NULL AND "status" = 'PENDING';
