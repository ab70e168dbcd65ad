-- A clinic paid by TED to its bank account instead of PIX to its CNPJ key.
ALTER TABLE "clinics" ADD COLUMN "payout_bank_account" JSONB;
