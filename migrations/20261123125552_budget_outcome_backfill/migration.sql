-- Hand-written data backfill (drizzle-kit `generate --custom`), kept apart from the schema
-- migration before it so that migration stays pure drizzle-kit output. Every outcome recorded
-- before the history existed becomes its first history row: from PENDING to the recorded outcome,
-- with its note and time; who recorded it was not kept, so recorded_by is NULL.
INSERT INTO `budget_spend_outcomes` (`id`, `tenant_id`, `spend_id`, `from_outcome`, `outcome`, `note`, `recorded_by`, `created_at`)
SELECT 'sdo_' || lower(hex(randomblob(10))), `tenant_id`, `id`, 'pending', `outcome`, `outcome_note`, NULL, COALESCE(`outcome_at`, `created_at`)
FROM `budget_spends`
WHERE `outcome` <> 'pending';
