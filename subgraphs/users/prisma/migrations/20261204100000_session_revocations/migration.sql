-- Sessions ended before their access tokens expire (logout, a reused refresh token): the router
-- reads the recent ones and refuses their tokens at once.
CREATE TABLE "session_revocations" (
    "session_id" UUID NOT NULL,
    "revoked_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "session_revocations_pkey" PRIMARY KEY ("session_id")
);

CREATE INDEX "session_revocations_revoked_at_idx" ON "session_revocations"("revoked_at");
