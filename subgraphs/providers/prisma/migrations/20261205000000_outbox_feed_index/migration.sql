-- The outbox feed (/internal/outbox) reads published events in (published_at, id) order from a cursor.
CREATE INDEX "outbox_published_at_id_idx" ON "outbox"("published_at", "id");
