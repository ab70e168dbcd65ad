-- The CNPJ at the Receita Federal, and the service agreement a clinic signs before it goes live.

-- The clinic's CNPJ at the Receita Federal: its situação cadastral and the record (legal name, trade
-- name, main CNAE, address) the back office compares with what the clinic typed. Public company data.
CREATE TYPE "cnpj_status" AS ENUM ('ATIVA', 'SUSPENSA', 'INAPTA', 'BAIXADA', 'NULA');

ALTER TABLE "clinics" ADD COLUMN "cnpj_status" "cnpj_status";
ALTER TABLE "clinics" ADD COLUMN "cnpj_record" JSONB;
ALTER TABLE "clinics" ADD COLUMN "cnpj_checked_at" TIMESTAMPTZ(3);
-- when the next check is due: at once for a new clinic, monthly for an active one, later after a failure
ALTER TABLE "clinics" ADD COLUMN "cnpj_next_check_at" TIMESTAMPTZ(3) DEFAULT CURRENT_TIMESTAMP;
CREATE INDEX "clinics_cnpj_next_check_at_idx" ON "clinics"("cnpj_next_check_at");

-- Approved by the back office, the clinic waits for its legal representative to sign the service
-- agreement (ClickSign) before it becomes ACTIVE.
ALTER TYPE "clinic_status" ADD VALUE IF NOT EXISTS 'AWAITING_AGREEMENT' AFTER 'PENDING_REVIEW';

CREATE TYPE "agreement_status" AS ENUM ('PENDING', 'SENT', 'SIGNED', 'REFUSED', 'EXPIRED', 'CANCELED');

-- Each envelope of a clinic's service agreement, the live one last; the PDFs are in the object store.
CREATE TABLE "clinic_agreements" (
    "id" UUID NOT NULL,
    "clinic_id" UUID NOT NULL,
    "status" "agreement_status" NOT NULL DEFAULT 'PENDING',
    -- who signs for the clinic: its admin who registered it
    "signer_user_id" UUID NOT NULL,
    "envelope_id" TEXT,
    "document_id" TEXT,
    "signer_id" TEXT,
    "document_key" TEXT,
    "document_sha256" TEXT,
    "signed_key" TEXT,
    "signed_sha256" TEXT,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "signed_at" TIMESTAMPTZ(3),
    "claimed_until" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "clinic_agreements_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "clinic_agreements_clinic_id_fkey" FOREIGN KEY ("clinic_id") REFERENCES "clinics"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "clinic_agreements_envelope_id_key" ON "clinic_agreements"("envelope_id");
CREATE INDEX "clinic_agreements_clinic_id_created_at_idx" ON "clinic_agreements"("clinic_id", "created_at");
CREATE INDEX "clinic_agreements_status_idx" ON "clinic_agreements"("status");
-- one live envelope per clinic at a time
CREATE UNIQUE INDEX "clinic_agreements_live_key" ON "clinic_agreements"("clinic_id") WHERE "status" IN ('PENDING', 'SENT');
