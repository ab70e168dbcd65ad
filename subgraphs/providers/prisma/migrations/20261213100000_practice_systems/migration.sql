-- The clinics' own systems (Helena CRM, NinSaúde ERP) connected to MedPay: their appointments become
-- payment links, and payments are written back. Credentials and patients are encrypted at rest.
CREATE TYPE "practice_system_kind" AS ENUM ('HELENA', 'NINSAUDE');
CREATE TYPE "practice_connection_status" AS ENUM ('ACTIVE', 'FAILED', 'DISCONNECTED');

CREATE TABLE "practice_connections" (
    "id" UUID NOT NULL,
    "clinic_id" UUID NOT NULL,
    "kind" "practice_system_kind" NOT NULL,
    "status" "practice_connection_status" NOT NULL DEFAULT 'ACTIVE',
    "account_id" TEXT NOT NULL,
    "account_name" TEXT NOT NULL,
    -- Helena's API token, NinSaúde's refresh token (rotated on every use): AES-256-GCM ciphertext
    "credentials_encrypted" TEXT NOT NULL,
    -- the system's procedure code → the clinic's MedPay procedure id
    "procedure_map" JSONB NOT NULL DEFAULT '{}',
    "sync_appointments" BOOLEAN NOT NULL DEFAULT true,
    "write_back" BOOLEAN NOT NULL DEFAULT true,
    -- where the next incremental sync starts (the system's own cursor), stored after each page
    "cursor" TEXT,
    "last_synced_at" TIMESTAMPTZ(3),
    "last_error" TEXT,
    -- one sync at a time per connection (a rotating refresh token cannot be used twice): claimed until then
    "syncing_until" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "practice_connections_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "practice_connections_clinic_id_fkey" FOREIGN KEY ("clinic_id") REFERENCES "clinics"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "practice_connections_live_key" ON "practice_connections"("clinic_id", "kind") WHERE "status" <> 'DISCONNECTED';
CREATE INDEX "practice_connections_status_last_synced_at_idx" ON "practice_connections"("status", "last_synced_at");

CREATE TABLE "practice_appointments" (
    "id" UUID NOT NULL,
    "connection_id" UUID NOT NULL,
    "external_id" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "procedure_code" TEXT,
    -- { externalId, name, cpf, email, phone }: AES-256-GCM ciphertext
    "patient_encrypted" TEXT NOT NULL,
    "payment_link_id" UUID,
    "payment_link_token" TEXT,
    -- the payment statuses already written back to the system (PAID, RELEASED, REFUNDED)
    "written_back" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "practice_appointments_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "practice_appointments_connection_id_fkey" FOREIGN KEY ("connection_id") REFERENCES "practice_connections"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "practice_appointments_connection_id_external_id_key" ON "practice_appointments"("connection_id", "external_id");

CREATE TABLE "practice_sync_runs" (
    "id" UUID NOT NULL,
    "connection_id" UUID NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "finished_at" TIMESTAMPTZ(3),
    "imported" INTEGER NOT NULL DEFAULT 0,
    "linked" INTEGER NOT NULL DEFAULT 0,
    "written_back" INTEGER NOT NULL DEFAULT 0,
    -- in Portuguese, as the dashboard shows them
    "errors" JSONB NOT NULL DEFAULT '[]',

    CONSTRAINT "practice_sync_runs_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "practice_sync_runs_connection_id_fkey" FOREIGN KEY ("connection_id") REFERENCES "practice_connections"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE INDEX "practice_sync_runs_connection_id_started_at_idx" ON "practice_sync_runs"("connection_id", "started_at");
