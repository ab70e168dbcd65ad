-- Where a payout went, so that one the bank refused is sent again only once the clinic changed it (or a day later).
ALTER TABLE "transfers" ADD COLUMN "destination" TEXT;
