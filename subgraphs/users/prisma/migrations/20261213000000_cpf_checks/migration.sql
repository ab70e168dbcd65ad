-- The CPF's status at the Receita Federal, checked at sign-up: only REGULAR signs up; UNVERIFIED when
-- the Receita did not answer then (the account exists, credit waits for the check, which is retried).
CREATE TYPE "cpf_status" AS ENUM ('UNVERIFIED', 'REGULAR', 'PENDENTE_DE_REGULARIZACAO', 'SUSPENSA', 'CANCELADA', 'TITULAR_FALECIDO', 'NULA');

ALTER TABLE "sign_ups" ADD COLUMN "cpf_status" "cpf_status" NOT NULL DEFAULT 'UNVERIFIED';
ALTER TABLE "sign_ups" ADD COLUMN "cpf_checked_at" TIMESTAMPTZ(3);

ALTER TABLE "users" ADD COLUMN "cpf_status" "cpf_status";
ALTER TABLE "users" ADD COLUMN "cpf_checked_at" TIMESTAMPTZ(3);
-- when the queue tries an unverified CPF again (backoff grows with the attempts)
ALTER TABLE "users" ADD COLUMN "cpf_next_check_at" TIMESTAMPTZ(3);
ALTER TABLE "users" ADD COLUMN "cpf_check_attempts" INTEGER NOT NULL DEFAULT 0;
CREATE INDEX "users_cpf_next_check_at_idx" ON "users"("cpf_next_check_at");
