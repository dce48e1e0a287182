-- Hand-written data backfill (drizzle-kit `generate --custom`), kept apart from the schema
-- migration before it so that migration stays pure drizzle-kit output. A complaint is owned by
-- default by the employee it is about; complaints recorded before ownership existed get that owner.
-- Complaints about a team only stay unowned until someone takes them or a lead assigns them.
UPDATE `feedback` SET `owner_id` = `employee_id`
WHERE `kind` = 'complaint' AND `owner_id` IS NULL AND `employee_id` IS NOT NULL;
