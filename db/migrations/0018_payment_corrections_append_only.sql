-- Corrections of paid periods are history like the payments they put right.
COMMENT ON TABLE "dp_payment_corrections" IS 'append-only';
