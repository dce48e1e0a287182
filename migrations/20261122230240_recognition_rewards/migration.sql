CREATE TABLE `incentive_programs` (
	`id` text PRIMARY KEY,
	`tenant_id` text NOT NULL,
	`name` text NOT NULL,
	`description` text,
	`metric` text NOT NULL,
	`within_hours` integer,
	`target` real NOT NULL,
	`period` text NOT NULL,
	`scope` text NOT NULL,
	`employee_id` text,
	`team_id` text,
	`points` integer NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT `fk_incentive_programs_tenant_id_employee_id_employees_tenant_id_id_fk` FOREIGN KEY (`tenant_id`,`employee_id`) REFERENCES `employees`(`tenant_id`,`id`),
	CONSTRAINT `fk_incentive_programs_tenant_id_team_id_teams_tenant_id_id_fk` FOREIGN KEY (`tenant_id`,`team_id`) REFERENCES `teams`(`tenant_id`,`id`)
);
--> statement-breakpoint
CREATE TABLE `recognition_policies` (
	`id` text PRIMARY KEY,
	`tenant_id` text NOT NULL,
	`monthly_giving_allowance` integer NOT NULL,
	`recipient_monthly_cap` integer NOT NULL,
	`company_values` text NOT NULL,
	`overspend_policy` text DEFAULT 'refuse' NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT `fk_recognition_policies_tenant_id_tenants_id_fk` FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`)
);
--> statement-breakpoint
CREATE TABLE `recognition_recipients` (
	`id` text PRIMARY KEY,
	`tenant_id` text NOT NULL,
	`recognition_id` text NOT NULL,
	`employee_id` text NOT NULL,
	`points` integer DEFAULT 0 NOT NULL,
	`period` text NOT NULL,
	CONSTRAINT `fk_recognition_recipients_tenant_id_recognition_id_recognitions_tenant_id_id_fk` FOREIGN KEY (`tenant_id`,`recognition_id`) REFERENCES `recognitions`(`tenant_id`,`id`),
	CONSTRAINT `fk_recognition_recipients_tenant_id_employee_id_employees_tenant_id_id_fk` FOREIGN KEY (`tenant_id`,`employee_id`) REFERENCES `employees`(`tenant_id`,`id`)
);
--> statement-breakpoint
CREATE TABLE `recognitions` (
	`id` text PRIMARY KEY,
	`tenant_id` text NOT NULL,
	`giver_id` text NOT NULL,
	`team_id` text,
	`message` text NOT NULL,
	`value` text NOT NULL,
	`points_each` integer DEFAULT 0 NOT NULL,
	`points_total` integer DEFAULT 0 NOT NULL,
	`period` text NOT NULL,
	`source_feedback_id` text,
	`source_call_id` text,
	`created_at` integer NOT NULL,
	CONSTRAINT `fk_recognitions_tenant_id_giver_id_employees_tenant_id_id_fk` FOREIGN KEY (`tenant_id`,`giver_id`) REFERENCES `employees`(`tenant_id`,`id`),
	CONSTRAINT `fk_recognitions_tenant_id_team_id_teams_tenant_id_id_fk` FOREIGN KEY (`tenant_id`,`team_id`) REFERENCES `teams`(`tenant_id`,`id`),
	CONSTRAINT `fk_recognitions_tenant_id_source_feedback_id_feedback_tenant_id_id_fk` FOREIGN KEY (`tenant_id`,`source_feedback_id`) REFERENCES `feedback`(`tenant_id`,`id`),
	CONSTRAINT `fk_recognitions_tenant_id_source_call_id_survey_calls_tenant_id_id_fk` FOREIGN KEY (`tenant_id`,`source_call_id`) REFERENCES `survey_calls`(`tenant_id`,`id`)
);
--> statement-breakpoint
CREATE TABLE `points_entries` (
	`id` text PRIMARY KEY,
	`tenant_id` text NOT NULL,
	`employee_id` text NOT NULL,
	`kind` text NOT NULL,
	`delta` integer NOT NULL,
	`reason` text,
	`actor` text,
	`recognition_id` text,
	`program_id` text,
	`period_key` text,
	`redemption_id` text,
	`created_at` integer NOT NULL,
	CONSTRAINT `fk_points_entries_tenant_id_employee_id_employees_tenant_id_id_fk` FOREIGN KEY (`tenant_id`,`employee_id`) REFERENCES `employees`(`tenant_id`,`id`),
	CONSTRAINT `fk_points_entries_tenant_id_recognition_id_recognitions_tenant_id_id_fk` FOREIGN KEY (`tenant_id`,`recognition_id`) REFERENCES `recognitions`(`tenant_id`,`id`),
	CONSTRAINT `fk_points_entries_tenant_id_program_id_incentive_programs_tenant_id_id_fk` FOREIGN KEY (`tenant_id`,`program_id`) REFERENCES `incentive_programs`(`tenant_id`,`id`),
	CONSTRAINT `fk_points_entries_tenant_id_redemption_id_redemptions_tenant_id_id_fk` FOREIGN KEY (`tenant_id`,`redemption_id`) REFERENCES `redemptions`(`tenant_id`,`id`)
);
--> statement-breakpoint
CREATE TABLE `redemptions` (
	`id` text PRIMARY KEY,
	`tenant_id` text NOT NULL,
	`reward_id` text NOT NULL,
	`employee_id` text NOT NULL,
	`cost` integer NOT NULL,
	`status` text DEFAULT 'requested' NOT NULL,
	`note` text,
	`decided_by` text,
	`decided_at` integer,
	`created_at` integer NOT NULL,
	CONSTRAINT `fk_redemptions_tenant_id_reward_id_rewards_tenant_id_id_fk` FOREIGN KEY (`tenant_id`,`reward_id`) REFERENCES `rewards`(`tenant_id`,`id`),
	CONSTRAINT `fk_redemptions_tenant_id_employee_id_employees_tenant_id_id_fk` FOREIGN KEY (`tenant_id`,`employee_id`) REFERENCES `employees`(`tenant_id`,`id`)
);
--> statement-breakpoint
CREATE TABLE `reward_votes` (
	`id` text PRIMARY KEY,
	`tenant_id` text NOT NULL,
	`reward_id` text NOT NULL,
	`employee_id` text NOT NULL,
	`created_at` integer NOT NULL,
	CONSTRAINT `fk_reward_votes_tenant_id_reward_id_rewards_tenant_id_id_fk` FOREIGN KEY (`tenant_id`,`reward_id`) REFERENCES `rewards`(`tenant_id`,`id`),
	CONSTRAINT `fk_reward_votes_tenant_id_employee_id_employees_tenant_id_id_fk` FOREIGN KEY (`tenant_id`,`employee_id`) REFERENCES `employees`(`tenant_id`,`id`)
);
--> statement-breakpoint
CREATE TABLE `rewards` (
	`id` text PRIMARY KEY,
	`tenant_id` text NOT NULL,
	`title` text NOT NULL,
	`description` text,
	`kind` text NOT NULL,
	`cost` integer NOT NULL,
	`status` text DEFAULT 'proposed' NOT NULL,
	`proposed_by_id` text NOT NULL,
	`vote_count` integer DEFAULT 0 NOT NULL,
	`decided_by` text,
	`decided_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT `fk_rewards_tenant_id_proposed_by_id_employees_tenant_id_id_fk` FOREIGN KEY (`tenant_id`,`proposed_by_id`) REFERENCES `employees`(`tenant_id`,`id`)
);
--> statement-breakpoint
CREATE TABLE `budget_spends` (
	`id` text PRIMARY KEY,
	`tenant_id` text NOT NULL,
	`budget_id` text NOT NULL,
	`employee_id` text NOT NULL,
	`kind` text NOT NULL,
	`amount` integer NOT NULL,
	`reason_code` text NOT NULL,
	`feedback_id` text,
	`customer_note` text,
	`flagged` integer DEFAULT false NOT NULL,
	`outcome` text DEFAULT 'pending' NOT NULL,
	`outcome_note` text,
	`outcome_at` integer,
	`created_at` integer NOT NULL,
	CONSTRAINT `fk_budget_spends_tenant_id_budget_id_empowerment_budgets_tenant_id_id_fk` FOREIGN KEY (`tenant_id`,`budget_id`) REFERENCES `empowerment_budgets`(`tenant_id`,`id`),
	CONSTRAINT `fk_budget_spends_tenant_id_employee_id_employees_tenant_id_id_fk` FOREIGN KEY (`tenant_id`,`employee_id`) REFERENCES `employees`(`tenant_id`,`id`),
	CONSTRAINT `fk_budget_spends_tenant_id_feedback_id_feedback_tenant_id_id_fk` FOREIGN KEY (`tenant_id`,`feedback_id`) REFERENCES `feedback`(`tenant_id`,`id`)
);
--> statement-breakpoint
CREATE TABLE `empowerment_budgets` (
	`id` text PRIMARY KEY,
	`tenant_id` text NOT NULL,
	`employee_id` text NOT NULL,
	`period` text NOT NULL,
	`period_key` text NOT NULL,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`make_it_right_amount` integer NOT NULL,
	`currency` text NOT NULL,
	`kindness_count` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT `fk_empowerment_budgets_tenant_id_employee_id_employees_tenant_id_id_fk` FOREIGN KEY (`tenant_id`,`employee_id`) REFERENCES `employees`(`tenant_id`,`id`)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `incentive_programs_tenant_id_unique` ON `incentive_programs` (`tenant_id`,`id`);--> statement-breakpoint
CREATE INDEX `incentive_programs_tenant_status_idx` ON `incentive_programs` (`tenant_id`,`status`,`created_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `recognition_policies_tenant_unique` ON `recognition_policies` (`tenant_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `recognition_policies_tenant_id_unique` ON `recognition_policies` (`tenant_id`,`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `recognition_recipients_tenant_id_unique` ON `recognition_recipients` (`tenant_id`,`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `recognition_recipients_unique` ON `recognition_recipients` (`tenant_id`,`recognition_id`,`employee_id`);--> statement-breakpoint
CREATE INDEX `recognition_recipients_tenant_employee_idx` ON `recognition_recipients` (`tenant_id`,`employee_id`,`period`);--> statement-breakpoint
CREATE UNIQUE INDEX `recognitions_tenant_id_unique` ON `recognitions` (`tenant_id`,`id`);--> statement-breakpoint
CREATE INDEX `recognitions_tenant_created_idx` ON `recognitions` (`tenant_id`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `recognitions_tenant_giver_idx` ON `recognitions` (`tenant_id`,`giver_id`,`period`);--> statement-breakpoint
CREATE UNIQUE INDEX `points_entries_tenant_id_unique` ON `points_entries` (`tenant_id`,`id`);--> statement-breakpoint
CREATE INDEX `points_entries_tenant_employee_idx` ON `points_entries` (`tenant_id`,`employee_id`,`created_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `points_entries_achievement_unique` ON `points_entries` (`tenant_id`,`program_id`,`period_key`,`employee_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `points_entries_redemption_unique` ON `points_entries` (`tenant_id`,`redemption_id`,`kind`);--> statement-breakpoint
CREATE UNIQUE INDEX `redemptions_tenant_id_unique` ON `redemptions` (`tenant_id`,`id`);--> statement-breakpoint
CREATE INDEX `redemptions_tenant_created_idx` ON `redemptions` (`tenant_id`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `redemptions_tenant_employee_idx` ON `redemptions` (`tenant_id`,`employee_id`,`created_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `reward_votes_unique` ON `reward_votes` (`tenant_id`,`reward_id`,`employee_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `rewards_tenant_id_unique` ON `rewards` (`tenant_id`,`id`);--> statement-breakpoint
CREATE INDEX `rewards_tenant_status_votes_idx` ON `rewards` (`tenant_id`,`status`,`vote_count`,`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `budget_spends_tenant_id_unique` ON `budget_spends` (`tenant_id`,`id`);--> statement-breakpoint
CREATE INDEX `budget_spends_tenant_budget_idx` ON `budget_spends` (`tenant_id`,`budget_id`,`kind`);--> statement-breakpoint
CREATE INDEX `budget_spends_tenant_created_idx` ON `budget_spends` (`tenant_id`,`created_at`,`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `empowerment_budgets_tenant_id_unique` ON `empowerment_budgets` (`tenant_id`,`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `empowerment_budgets_period_unique` ON `empowerment_budgets` (`tenant_id`,`employee_id`,`period_key`);--> statement-breakpoint
CREATE INDEX `empowerment_budgets_tenant_period_idx` ON `empowerment_budgets` (`tenant_id`,`period_key`);