-- Payments consumes the users subgraph's events (account deletions): where its intake is in that outbox.
CREATE TABLE "feed_cursors" (
    "source" TEXT NOT NULL,
    "published_at" TIMESTAMPTZ(3) NOT NULL,
    "event_id" TEXT NOT NULL,

    CONSTRAINT "feed_cursors_pkey" PRIMARY KEY ("source")
);
