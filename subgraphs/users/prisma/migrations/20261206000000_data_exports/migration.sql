-- The data subject's export requests (LGPD art. 18): one package per request, assembled in the background.
CREATE TYPE "data_export_status" AS ENUM ('PENDING', 'READY', 'FAILED', 'EXPIRED');

CREATE TABLE "data_exports" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "status" "data_export_status" NOT NULL DEFAULT 'PENDING',
    "package" JSONB,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "requested_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ready_at" TIMESTAMPTZ(3),

    CONSTRAINT "data_exports_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "data_exports_user_id_requested_at_idx" ON "data_exports"("user_id", "requested_at");
CREATE INDEX "data_exports_status_requested_at_idx" ON "data_exports"("status", "requested_at");
-- One export in progress per person, decided by the database so two requests at once cannot both pass.
CREATE UNIQUE INDEX "data_exports_one_pending_per_user" ON "data_exports"("user_id") WHERE "status" = 'PENDING';
