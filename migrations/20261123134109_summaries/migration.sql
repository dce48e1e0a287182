CREATE TABLE `email_outbox` (
	`id` text PRIMARY KEY,
	`tenant_id` text NOT NULL,
	`summary_id` text NOT NULL,
	`recipient_id` text NOT NULL,
	`kind` text NOT NULL,
	`period_key` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`claimed_at` integer,
	`sent_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT `fk_email_outbox_tenant_id_summary_id_summaries_tenant_id_id_fk` FOREIGN KEY (`tenant_id`,`summary_id`) REFERENCES `summaries`(`tenant_id`,`id`),
	CONSTRAINT `fk_email_outbox_tenant_id_recipient_id_employees_tenant_id_id_fk` FOREIGN KEY (`tenant_id`,`recipient_id`) REFERENCES `employees`(`tenant_id`,`id`)
);
--> statement-breakpoint
CREATE TABLE `summaries` (
	`id` text PRIMARY KEY,
	`tenant_id` text NOT NULL,
	`level` text NOT NULL,
	`subject_key` text NOT NULL,
	`employee_id` text,
	`team_id` text,
	`period_key` text NOT NULL,
	`period_start` integer NOT NULL,
	`period_end` integer NOT NULL,
	`items` text NOT NULL,
	`empty` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	CONSTRAINT `fk_summaries_tenant_id_employee_id_employees_tenant_id_id_fk` FOREIGN KEY (`tenant_id`,`employee_id`) REFERENCES `employees`(`tenant_id`,`id`),
	CONSTRAINT `fk_summaries_tenant_id_team_id_teams_tenant_id_id_fk` FOREIGN KEY (`tenant_id`,`team_id`) REFERENCES `teams`(`tenant_id`,`id`)
);
--> statement-breakpoint
CREATE TABLE `summary_settings` (
	`id` text PRIMARY KEY,
	`tenant_id` text NOT NULL,
	`enabled` integer DEFAULT true NOT NULL,
	`time_zone` text DEFAULT 'UTC' NOT NULL,
	`weekday` integer DEFAULT 1 NOT NULL,
	`hour` integer DEFAULT 8 NOT NULL,
	`sender_name` text NOT NULL,
	`sender_address` text NOT NULL,
	`levels` text DEFAULT '["employee","team","tenant"]' NOT NULL,
	`skip_empty` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT `fk_summary_settings_tenant_id_tenants_id_fk` FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `email_outbox_tenant_id_unique` ON `email_outbox` (`tenant_id`,`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `email_outbox_recipient_period_kind_unique` ON `email_outbox` (`tenant_id`,`recipient_id`,`period_key`,`kind`);--> statement-breakpoint
CREATE INDEX `email_outbox_tenant_status_idx` ON `email_outbox` (`tenant_id`,`status`,`period_key`);--> statement-breakpoint
CREATE UNIQUE INDEX `summaries_tenant_id_unique` ON `summaries` (`tenant_id`,`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `summaries_subject_period_unique` ON `summaries` (`tenant_id`,`level`,`subject_key`,`period_key`);--> statement-breakpoint
CREATE INDEX `summaries_tenant_period_idx` ON `summaries` (`tenant_id`,`period_key`,`level`);--> statement-breakpoint
CREATE UNIQUE INDEX `summary_settings_tenant_unique` ON `summary_settings` (`tenant_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `summary_settings_tenant_id_unique` ON `summary_settings` (`tenant_id`,`id`);