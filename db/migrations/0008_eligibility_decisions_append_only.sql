-- An eligibility decision is a record of what was decided and why: a new decision is a new row.
COMMENT ON TABLE eligibility_decisions IS 'append-only';
