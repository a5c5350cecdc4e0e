-- The ledger and payment history are append-only: the tenancy step revokes UPDATE/DELETE
-- from the application role and adds a trigger that refuses them for every role.
COMMENT ON TABLE "ledger_accounts" IS 'append-only';--> statement-breakpoint
COMMENT ON TABLE "ledger_transfers" IS 'append-only';--> statement-breakpoint
COMMENT ON TABLE "dp_payments" IS 'append-only';--> statement-breakpoint
COMMENT ON TABLE "dp_agreement_changes" IS 'append-only';--> statement-breakpoint
COMMENT ON TABLE "dp_returns" IS 'append-only';--> statement-breakpoint
COMMENT ON TABLE "payment_policy_versions" IS 'append-only';--> statement-breakpoint
COMMENT ON TABLE "charging_policy_versions" IS 'append-only';--> statement-breakpoint
COMMENT ON TABLE "financial_assessments" IS 'append-only';--> statement-breakpoint
COMMENT ON TABLE "charging_review_requests" IS 'append-only';
