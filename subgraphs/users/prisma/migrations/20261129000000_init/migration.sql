CREATE TYPE "role" AS ENUM ('PATIENT', 'CLINIC_STAFF', 'PLATFORM_ADMIN');

CREATE TABLE "users" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "cpf_encrypted" TEXT,
    "cpf_blind_index" TEXT,
    "phone" TEXT,
    "roles" "role"[],
    "locked_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "users_email_key" ON "users"("email");
CREATE UNIQUE INDEX "users_cpf_blind_index_key" ON "users"("cpf_blind_index");
