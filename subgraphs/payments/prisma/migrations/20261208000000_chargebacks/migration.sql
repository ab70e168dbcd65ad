-- Chargebacks: the card issuer takes a payment's money back through the gateway.
ALTER TYPE "payment_status" ADD VALUE 'CHARGED_BACK';
ALTER TYPE "transfer_kind" ADD VALUE 'CHARGEBACK';
