-- A crediário waits for the patient's digital signature (ClickSign) before any charge.
ALTER TYPE "payment_status" ADD VALUE IF NOT EXISTS 'AWAITING_SIGNATURE' BEFORE 'AWAITING_PAYMENT';

CREATE TYPE "signature_status" AS ENUM ('PENDING', 'SENT', 'SIGNED', 'REFUSED', 'EXPIRED', 'CANCELED');

-- One envelope per crediário contract: PENDING until the envelope exists at ClickSign, SENT while the
-- patient may sign, then SIGNED, REFUSED, EXPIRED (not signed in time) or CANCELED (the payment ended).
CREATE TABLE "contract_signatures" (
    "payment_id" UUID NOT NULL,
    "status" "signature_status" NOT NULL DEFAULT 'PENDING',
    "envelope_id" TEXT,
    "document_id" TEXT,
    "signer_id" TEXT,
    -- the patient's signing link: it signs in their name, so it is kept encrypted
    "signing_url_encrypted" TEXT,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "signed_at" TIMESTAMPTZ(3),
    -- one sender at a time: a sender claims the row until then (a crash frees it)
    "claimed_until" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "contract_signatures_pkey" PRIMARY KEY ("payment_id"),
    CONSTRAINT "contract_signatures_payment_id_fkey" FOREIGN KEY ("payment_id") REFERENCES "payments"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "contract_signatures_envelope_id_key" ON "contract_signatures"("envelope_id");
CREATE INDEX "contract_signatures_status_expires_at_idx" ON "contract_signatures"("status", "expires_at");

CREATE TYPE "document_kind" AS ENUM ('CONTRACT', 'SIGNED_CONTRACT', 'RECEIPT', 'STATEMENT');

-- The PDFs payments issues (kept in the object store): a crediário's contract and its signed copy, the
-- receipt of every paid charge, a clinic's monthly statement. Their SHA-256 is recorded when written.
CREATE TABLE "documents" (
    "id" UUID NOT NULL,
    "kind" "document_kind" NOT NULL,
    -- what it is the document of, one per kind: the payment (contracts), the charge (receipts), the
    -- clinic's month "<clinic id>:YYYY-MM" (statements)
    "subject" TEXT NOT NULL,
    "payment_id" UUID,
    "clinic_id" UUID NOT NULL,
    "object_key" TEXT NOT NULL,
    "filename" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "size_bytes" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "documents_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "documents_payment_id_fkey" FOREIGN KEY ("payment_id") REFERENCES "payments"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "documents_object_key_key" ON "documents"("object_key");
CREATE UNIQUE INDEX "documents_kind_subject_key" ON "documents"("kind", "subject");
CREATE INDEX "documents_payment_id_idx" ON "documents"("payment_id");

-- A PIX paid: its end-to-end id at the central bank, printed on the receipt.
ALTER TABLE "charges" ADD COLUMN "pix_end_to_end_id" TEXT;

CREATE TYPE "payment_link_status" AS ENUM ('ACTIVE', 'USED', 'CANCELED');

-- A link a clinic (or its system) sends a patient to pay one procedure; single use: the payment made
-- through it claims it in the same transaction. The patient's data is encrypted at rest (one JSON).
CREATE TABLE "payment_links" (
    "id" UUID NOT NULL,
    "token" TEXT NOT NULL,
    "clinic_id" UUID NOT NULL,
    "procedure_id" UUID NOT NULL,
    -- { name, email, phone, cpf }: AES-256-GCM ciphertext
    "patient_encrypted" TEXT NOT NULL,
    -- the CPF's blind index, when the link is for one CPF only
    "patient_cpf_blind_index" TEXT,
    "status" "payment_link_status" NOT NULL DEFAULT 'ACTIVE',
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "payment_id" UUID,
    -- where it came from (NINSAUDE:<connection>:<appointment>): one link per source
    "source" TEXT,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "payment_links_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "payment_links_token_key" ON "payment_links"("token");
CREATE UNIQUE INDEX "payment_links_payment_id_key" ON "payment_links"("payment_id");
CREATE UNIQUE INDEX "payment_links_source_key" ON "payment_links"("source");
CREATE INDEX "payment_links_clinic_id_created_at_idx" ON "payment_links"("clinic_id", "created_at");
