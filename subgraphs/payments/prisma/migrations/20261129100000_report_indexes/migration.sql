-- Platform-wide reads for the admin panel (payments newest first, figures over a period) and the
-- clinics' statements (ledger transactions over a period).
CREATE INDEX "payments_created_at_id_idx" ON "payments"("created_at", "id");
CREATE INDEX "ledger_transactions_created_at_idx" ON "ledger_transactions"("created_at");
