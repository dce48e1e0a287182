CREATE TABLE `feedback_phrases` (
	`tenant_id` text NOT NULL,
	`feedback_id` text NOT NULL,
	`phrase` text NOT NULL,
	`words` text NOT NULL,
	`received_at` integer NOT NULL,
	CONSTRAINT `fk_feedback_phrases_tenant_id_feedback_id_feedback_tenant_id_id_fk` FOREIGN KEY (`tenant_id`,`feedback_id`) REFERENCES `feedback`(`tenant_id`,`id`)
);
--> statement-breakpoint
CREATE TABLE `theme_runs` (
	`id` text PRIMARY KEY,
	`tenant_id` text NOT NULL,
	`reason` text NOT NULL,
	`status` text DEFAULT 'running' NOT NULL,
	`total` integer NOT NULL,
	`processed` integer DEFAULT 0 NOT NULL,
	`cursor` text,
	`finished_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT `fk_theme_runs_tenant_id_tenants_id_fk` FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`)
);
--> statement-breakpoint
CREATE TABLE `themes` (
	`id` text PRIMARY KEY,
	`tenant_id` text NOT NULL,
	`key` text NOT NULL,
	`label` text NOT NULL,
	`terms` text DEFAULT '[]' NOT NULL,
	`phrases` text DEFAULT '[]' NOT NULL,
	`excludes` text DEFAULT '[]' NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`merged_into_id` text,
	`origin` text NOT NULL,
	`position` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT `fk_themes_tenant_id_tenants_id_fk` FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`),
	CONSTRAINT `fk_themes_tenant_id_merged_into_id_themes_tenant_id_id_fk` FOREIGN KEY (`tenant_id`,`merged_into_id`) REFERENCES `themes`(`tenant_id`,`id`)
);
--> statement-breakpoint
ALTER TABLE `tenants` ADD `trade` text DEFAULT 'general' NOT NULL;--> statement-breakpoint
ALTER TABLE `feedback` ADD `primary_theme_id` text;--> statement-breakpoint
ALTER TABLE `feedback_themes` ADD `rank` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `feedback_phrases_unique` ON `feedback_phrases` (`tenant_id`,`feedback_id`,`phrase`);--> statement-breakpoint
CREATE INDEX `feedback_phrases_period_idx` ON `feedback_phrases` (`tenant_id`,`received_at`,`phrase`);--> statement-breakpoint
CREATE UNIQUE INDEX `theme_runs_tenant_id_unique` ON `theme_runs` (`tenant_id`,`id`);--> statement-breakpoint
CREATE INDEX `theme_runs_tenant_created_idx` ON `theme_runs` (`tenant_id`,`created_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `themes_tenant_id_unique` ON `themes` (`tenant_id`,`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `themes_tenant_key_unique` ON `themes` (`tenant_id`,`key`);--> statement-breakpoint
CREATE INDEX `themes_tenant_status_idx` ON `themes` (`tenant_id`,`status`,`position`);