-- LGPD consent records: which terms-of-use and privacy-policy versions each person accepted, and
-- each marketing grant or revocation, with when and from which address. Append-only.
CREATE TYPE "consent_kind" AS ENUM ('TERMS_ACCEPTED', 'MARKETING_GRANTED', 'MARKETING_REVOKED');

CREATE TABLE "consent_records" (
    "id" UUID NOT NULL,
    "seq" BIGSERIAL NOT NULL,
    "user_id" UUID NOT NULL,
    "kind" "consent_kind" NOT NULL,
    "terms_version" TEXT,
    "privacy_policy_version" TEXT,
    "ip_address" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "consent_records_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "consent_records_user_id_seq_idx" ON "consent_records"("user_id", "seq");
