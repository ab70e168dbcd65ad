-- Account deletions (LGPD art. 18 VI): the request and its progress per subgraph.
CREATE TYPE "deletion_status" AS ENUM ('IN_PROGRESS', 'COMPLETED');
CREATE TYPE "deletion_step_status" AS ENUM ('PENDING', 'DONE');

CREATE TABLE "account_deletions" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "status" "deletion_status" NOT NULL DEFAULT 'IN_PROGRESS',
    "requested_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completed_at" TIMESTAMPTZ(3),

    CONSTRAINT "account_deletions_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "account_deletions_user_id_key" ON "account_deletions"("user_id");
CREATE INDEX "account_deletions_requested_at_idx" ON "account_deletions"("requested_at");

CREATE TABLE "account_deletion_steps" (
    "deletion_id" UUID NOT NULL,
    "service" TEXT NOT NULL,
    "status" "deletion_step_status" NOT NULL DEFAULT 'PENDING',
    "completed_at" TIMESTAMPTZ(3),

    CONSTRAINT "account_deletion_steps_pkey" PRIMARY KEY ("deletion_id", "service"),
    CONSTRAINT "account_deletion_steps_deletion_id_fkey" FOREIGN KEY ("deletion_id") REFERENCES "account_deletions"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
