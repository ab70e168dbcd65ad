CREATE TYPE "clinic_status" AS ENUM ('PENDING_REVIEW', 'ACTIVE', 'SUSPENDED', 'REJECTED');

CREATE TYPE "staff_role" AS ENUM ('ADMIN', 'STAFF');

CREATE TABLE "clinics" (
    "id" UUID NOT NULL,
    "legal_name" TEXT NOT NULL,
    "trade_name" TEXT NOT NULL,
    "cnpj" TEXT NOT NULL,
    "street" TEXT NOT NULL,
    "city" TEXT NOT NULL,
    "city_key" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "postal_code" TEXT NOT NULL,
    "specialties" TEXT[],
    "specialty_keys" TEXT[],
    "status" "clinic_status" NOT NULL DEFAULT 'PENDING_REVIEW',
    "status_reason" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "clinics_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "procedures" (
    "id" UUID NOT NULL,
    "clinic_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "price_centavos" INTEGER NOT NULL,
    "duration_minutes" INTEGER NOT NULL,
    "interest_free_installments" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "procedures_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "clinic_members" (
    "clinic_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "role" "staff_role" NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "clinic_members_pkey" PRIMARY KEY ("clinic_id","user_id")
);

CREATE TABLE "api_keys" (
    "id" UUID NOT NULL,
    "clinic_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "secret_hash" TEXT NOT NULL,
    "created_by" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "api_keys_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "clinics_cnpj_key" ON "clinics"("cnpj");
CREATE INDEX "clinics_status_trade_name_id_idx" ON "clinics"("status", "trade_name", "id");
CREATE INDEX "clinics_city_key_idx" ON "clinics"("city_key");
CREATE INDEX "clinics_state_idx" ON "clinics"("state");
CREATE INDEX "clinics_specialty_keys_idx" ON "clinics" USING GIN ("specialty_keys");
CREATE INDEX "procedures_clinic_id_name_id_idx" ON "procedures"("clinic_id", "name", "id");
CREATE INDEX "procedures_name_id_idx" ON "procedures"("name", "id");
CREATE INDEX "clinic_members_user_id_idx" ON "clinic_members"("user_id");
CREATE UNIQUE INDEX "api_keys_secret_hash_key" ON "api_keys"("secret_hash");
CREATE INDEX "api_keys_clinic_id_idx" ON "api_keys"("clinic_id");

ALTER TABLE "procedures" ADD CONSTRAINT "procedures_clinic_id_fkey" FOREIGN KEY ("clinic_id") REFERENCES "clinics"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "clinic_members" ADD CONSTRAINT "clinic_members_clinic_id_fkey" FOREIGN KEY ("clinic_id") REFERENCES "clinics"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_clinic_id_fkey" FOREIGN KEY ("clinic_id") REFERENCES "clinics"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Bounds the application validates too; Prisma cannot express CHECK constraints and leaves them alone.
ALTER TABLE "procedures" ADD CONSTRAINT "procedures_price_centavos_check" CHECK ("price_centavos" BETWEEN 100 AND 100000000);
ALTER TABLE "procedures" ADD CONSTRAINT "procedures_duration_minutes_check" CHECK ("duration_minutes" BETWEEN 5 AND 1440);
ALTER TABLE "procedures" ADD CONSTRAINT "procedures_interest_free_installments_check" CHECK ("interest_free_installments" BETWEEN 1 AND 12);
