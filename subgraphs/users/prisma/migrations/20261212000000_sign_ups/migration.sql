-- Sign-ups waiting for their e-mail to be confirmed. Not accounts: no unique e-mail or CPF here (the
-- users table's keys decide at confirmation); only the hash of the confirmation token is kept.
CREATE TABLE "sign_ups" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "cpf_encrypted" TEXT NOT NULL,
    "cpf_blind_index" TEXT NOT NULL,
    "phone" TEXT,
    "token_hash" TEXT,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "closed_at" TIMESTAMPTZ(3),
    "terms_version" TEXT,
    "privacy_policy_version" TEXT,
    "ip_address" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sign_ups_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "sign_ups_token_hash_key" ON "sign_ups"("token_hash");
CREATE INDEX "sign_ups_expires_at_idx" ON "sign_ups"("expires_at");
