CREATE TYPE "payment_status" AS ENUM ('AWAITING_PAYMENT', 'PAID', 'IN_ESCROW', 'RELEASED', 'PAID_OUT', 'EXPIRED', 'CANCELED', 'DECLINED', 'REFUNDED', 'PARTIALLY_REFUNDED', 'DISPUTED');
CREATE TYPE "escrow_state" AS ENUM ('NONE', 'HELD', 'RELEASED', 'PAID_OUT', 'RETURNED');
CREATE TYPE "payment_method" AS ENUM ('PIX', 'BOLETO', 'CARD');
CREATE TYPE "plan_kind" AS ENUM ('A_VISTA', 'CARD_INSTALLMENTS', 'CREDIARIO');
CREATE TYPE "charge_status" AS ENUM ('CREATING', 'ACTIVE', 'PAID', 'EXPIRED', 'CANCELED', 'DECLINED', 'FAILED');
CREATE TYPE "installment_status" AS ENUM ('SCHEDULED', 'ISSUED', 'PAID', 'OVERDUE');
CREATE TYPE "transfer_kind" AS ENUM ('PAYOUT', 'REFUND');
CREATE TYPE "transfer_status" AS ENUM ('REQUESTED', 'PENDING', 'CONFIRMED', 'FAILED');

CREATE TABLE "payments" (
    "id" UUID NOT NULL,
    "payer_id" UUID NOT NULL,
    "clinic_id" UUID NOT NULL,
    "procedure_id" UUID NOT NULL,
    "procedure_name_encrypted" TEXT NOT NULL,
    "plan_kind" "plan_kind" NOT NULL,
    "method" "payment_method" NOT NULL,
    "status" "payment_status" NOT NULL,
    "escrow_state" "escrow_state" NOT NULL DEFAULT 'NONE',
    "installment_count" INTEGER NOT NULL,
    "gross_centavos" INTEGER NOT NULL,
    "platform_fee_centavos" INTEGER NOT NULL,
    "processing_cost_centavos" INTEGER NOT NULL,
    "clinic_net_centavos" INTEGER NOT NULL,
    "patient_total_centavos" INTEGER NOT NULL,
    "refunded_centavos" INTEGER NOT NULL DEFAULT 0,
    "monthly_interest_rate" DECIMAL(10,6) NOT NULL DEFAULT 0,
    "iof_centavos" INTEGER NOT NULL DEFAULT 0,
    "cet_annual_rate" DECIMAL(12,6) NOT NULL DEFAULT 0,
    "contract_acceptance_encrypted" TEXT,
    "escrow_release_due_at" TIMESTAMPTZ(3),
    "dispute_reason" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "payments_pkey" PRIMARY KEY ("id"),
    -- The split always sums to the gross, and nothing is refunded beyond what was paid.
    CONSTRAINT "payments_split_sums" CHECK ("platform_fee_centavos" + "processing_cost_centavos" + "clinic_net_centavos" = "gross_centavos"),
    CONSTRAINT "payments_amounts_positive" CHECK ("gross_centavos" > 0 AND "platform_fee_centavos" >= 0 AND "processing_cost_centavos" >= 0 AND "clinic_net_centavos" >= 0),
    CONSTRAINT "payments_refund_bounded" CHECK ("refunded_centavos" >= 0 AND "refunded_centavos" <= "gross_centavos")
);
CREATE INDEX "payments_payer_id_created_at_idx" ON "payments"("payer_id", "created_at");
CREATE INDEX "payments_clinic_id_created_at_idx" ON "payments"("clinic_id", "created_at");
CREATE INDEX "payments_status_idx" ON "payments"("status");

CREATE TABLE "charges" (
    "id" UUID NOT NULL,
    "payment_id" UUID NOT NULL,
    "installment_number" INTEGER,
    "method" "payment_method" NOT NULL,
    "status" "charge_status" NOT NULL,
    "amount_centavos" INTEGER NOT NULL,
    "paid_centavos" INTEGER NOT NULL DEFAULT 0,
    "gateway_transaction_id" TEXT,
    "pix_copia_e_cola" TEXT,
    "expires_at" TIMESTAMPTZ(3),
    "boleto_line" TEXT,
    "boleto_barcode" TEXT,
    "due_date" TEXT,
    "card_brand" TEXT,
    "card_last4" TEXT,
    "decline_reason" TEXT,
    "paid_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "charges_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "charges_payment_id_fkey" FOREIGN KEY ("payment_id") REFERENCES "payments"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "charges_gateway_transaction_id_key" ON "charges"("gateway_transaction_id");
CREATE INDEX "charges_payment_id_idx" ON "charges"("payment_id");
CREATE INDEX "charges_status_created_at_idx" ON "charges"("status", "created_at");

CREATE TABLE "installments" (
    "id" UUID NOT NULL,
    "payment_id" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "due_date" TEXT NOT NULL,
    "amount_centavos" INTEGER NOT NULL,
    "interest_centavos" INTEGER NOT NULL,
    "amortization_centavos" INTEGER NOT NULL,
    "status" "installment_status" NOT NULL,
    "paid_at" TIMESTAMPTZ(3),

    CONSTRAINT "installments_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "installments_payment_id_fkey" FOREIGN KEY ("payment_id") REFERENCES "payments"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "installments_payment_id_number_key" ON "installments"("payment_id", "number");
CREATE INDEX "installments_status_due_date_idx" ON "installments"("status", "due_date");

CREATE TABLE "payment_status_changes" (
    "id" UUID NOT NULL,
    "payment_id" UUID NOT NULL,
    "from" "payment_status",
    "to" "payment_status" NOT NULL,
    "reason" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "payment_status_changes_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "payment_status_changes_payment_id_fkey" FOREIGN KEY ("payment_id") REFERENCES "payments"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE INDEX "payment_status_changes_payment_id_at_idx" ON "payment_status_changes"("payment_id", "at");

CREATE TABLE "transfers" (
    "id" UUID NOT NULL,
    "payment_id" UUID NOT NULL,
    "kind" "transfer_kind" NOT NULL,
    "status" "transfer_status" NOT NULL,
    "amount_centavos" INTEGER NOT NULL,
    "reason" TEXT,
    "reversal" JSONB,
    "gateway_transaction_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "transfers_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "transfers_payment_id_fkey" FOREIGN KEY ("payment_id") REFERENCES "payments"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "transfers_amount_positive" CHECK ("amount_centavos" > 0)
);
CREATE UNIQUE INDEX "transfers_gateway_transaction_id_key" ON "transfers"("gateway_transaction_id");
CREATE INDEX "transfers_payment_id_idx" ON "transfers"("payment_id");
CREATE INDEX "transfers_status_idx" ON "transfers"("status");

CREATE TABLE "idempotency_keys" (
    "scope" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "request_hash" TEXT NOT NULL,
    "resource_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "idempotency_keys_pkey" PRIMARY KEY ("scope", "key")
);

CREATE TABLE "processed_events" (
    "event_id" TEXT NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "processed_events_pkey" PRIMARY KEY ("event_id")
);

CREATE TABLE "outbox" (
    "id" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "aggregate_id" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "published_at" TIMESTAMPTZ(3),

    CONSTRAINT "outbox_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "outbox_published_at_created_at_idx" ON "outbox"("published_at", "created_at");

CREATE TABLE "ledger_accounts" (
    "id" TEXT NOT NULL,
    "normal_side" TEXT NOT NULL,
    "guarded" BOOLEAN NOT NULL,
    "balance" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "ledger_accounts_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "ledger_accounts_normal_side" CHECK ("normal_side" IN ('DEBIT', 'CREDIT')),
    -- The last line of defence: a guarded balance below zero aborts the whole transaction.
    CONSTRAINT "ledger_accounts_guarded_balance" CHECK (NOT "guarded" OR "balance" >= 0)
);

CREATE TABLE "ledger_transactions" (
    "id" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "payment_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ledger_transactions_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "ledger_transactions_payment_id_idx" ON "ledger_transactions"("payment_id");

CREATE TABLE "ledger_entries" (
    "id" BIGSERIAL NOT NULL,
    "transaction_id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "direction" TEXT NOT NULL,
    "amount_centavos" BIGINT NOT NULL,

    CONSTRAINT "ledger_entries_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "ledger_entries_transaction_id_fkey" FOREIGN KEY ("transaction_id") REFERENCES "ledger_transactions"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ledger_entries_direction" CHECK ("direction" IN ('DEBIT', 'CREDIT')),
    CONSTRAINT "ledger_entries_amount_positive" CHECK ("amount_centavos" > 0)
);
CREATE INDEX "ledger_entries_account_id_idx" ON "ledger_entries"("account_id");

-- Entries are immutable: corrections are new transactions.
CREATE FUNCTION "ledger_entries_immutable"() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'ledger entries are immutable';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER "ledger_entries_no_update" BEFORE UPDATE OR DELETE ON "ledger_entries" FOR EACH ROW EXECUTE FUNCTION "ledger_entries_immutable"();
