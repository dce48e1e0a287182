CREATE TABLE `budget_spend_outcomes` (
	`id` text PRIMARY KEY,
	`tenant_id` text NOT NULL,
	`spend_id` text NOT NULL,
	`from_outcome` text NOT NULL,
	`outcome` text NOT NULL,
	`note` text,
	`recorded_by` text,
	`created_at` integer NOT NULL,
	CONSTRAINT `fk_budget_spend_outcomes_tenant_id_spend_id_budget_spends_tenant_id_id_fk` FOREIGN KEY (`tenant_id`,`spend_id`) REFERENCES `budget_spends`(`tenant_id`,`id`)
);
--> statement-breakpoint
ALTER TABLE `incentive_programs` ADD `created_by` text;--> statement-breakpoint
ALTER TABLE `empowerment_budgets` ADD `set_by` text;--> statement-breakpoint
CREATE UNIQUE INDEX `budget_spend_outcomes_tenant_id_unique` ON `budget_spend_outcomes` (`tenant_id`,`id`);--> statement-breakpoint
CREATE INDEX `budget_spend_outcomes_tenant_spend_idx` ON `budget_spend_outcomes` (`tenant_id`,`spend_id`,`created_at`);