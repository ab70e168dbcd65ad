-- The anti-fraud assessment of each checkout, and the hold of a payment waiting for the back office's review.
ALTER TABLE "payments" ADD COLUMN "hold_reason" TEXT;

CREATE TABLE "fraud_assessments" (
    "payment_id" UUID NOT NULL,
    "source" TEXT NOT NULL,
    "decision" TEXT NOT NULL,
    "score" INTEGER,
    "model_version" TEXT NOT NULL,
    "reasons" JSONB NOT NULL,
    "features" JSONB NOT NULL,
    "assessed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "review_decision" TEXT,
    "review_note" TEXT,
    "reviewed_by" UUID,
    "reviewed_at" TIMESTAMPTZ(3),

    CONSTRAINT "fraud_assessments_pkey" PRIMARY KEY ("payment_id")
);

CREATE INDEX "fraud_assessments_decision_review_decision_assessed_at_idx" ON "fraud_assessments"("decision", "review_decision", "assessed_at");

ALTER TABLE "fraud_assessments" ADD CONSTRAINT "fraud_assessments_payment_id_fkey" FOREIGN KEY ("payment_id") REFERENCES "payments"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
