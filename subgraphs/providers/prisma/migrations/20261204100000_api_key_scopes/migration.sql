-- What each partner key may do for its clinic. Keys made before scopes existed become read-only.
ALTER TABLE "api_keys" ADD COLUMN "scopes" TEXT[] NOT NULL DEFAULT ARRAY['payments:read']::TEXT[];
