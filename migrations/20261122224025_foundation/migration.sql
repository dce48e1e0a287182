CREATE TABLE `api_keys` (
	`id` text PRIMARY KEY,
	`tenant_id` text NOT NULL,
	`kind` text DEFAULT 'secret' NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`prefix` text NOT NULL,
	`hash` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer,
	`revoked_at` integer,
	`last_used_at` integer,
	CONSTRAINT `fk_api_keys_tenant_id_tenants_id_fk` FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`)
);
--> statement-breakpoint
CREATE TABLE `tenants` (
	`id` text PRIMARY KEY,
	`name` text NOT NULL,
	`slug` text NOT NULL,
	`shard` text DEFAULT 'primary' NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `employees` (
	`id` text PRIMARY KEY,
	`tenant_id` text NOT NULL,
	`team_id` text,
	`name` text NOT NULL,
	`email` text NOT NULL,
	`role` text NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`hired_at` text NOT NULL,
	`email_opt_in` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT `fk_employees_tenant_id_tenants_id_fk` FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`),
	CONSTRAINT `fk_employees_tenant_id_team_id_teams_tenant_id_id_fk` FOREIGN KEY (`tenant_id`,`team_id`) REFERENCES `teams`(`tenant_id`,`id`)
);
--> statement-breakpoint
CREATE TABLE `teams` (
	`id` text PRIMARY KEY,
	`tenant_id` text NOT NULL,
	`name` text NOT NULL,
	`description` text,
	`status` text DEFAULT 'active' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT `fk_teams_tenant_id_tenants_id_fk` FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_keys_hash_unique` ON `api_keys` (`hash`);--> statement-breakpoint
CREATE UNIQUE INDEX `api_keys_tenant_id_unique` ON `api_keys` (`tenant_id`,`id`);--> statement-breakpoint
CREATE INDEX `api_keys_tenant_created_idx` ON `api_keys` (`tenant_id`,`created_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `tenants_slug_unique` ON `tenants` (`slug`);--> statement-breakpoint
CREATE UNIQUE INDEX `employees_tenant_id_unique` ON `employees` (`tenant_id`,`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `employees_tenant_email_unique` ON `employees` (`tenant_id`,`email`);--> statement-breakpoint
CREATE INDEX `employees_tenant_name_idx` ON `employees` (`tenant_id`,`name`,`id`);--> statement-breakpoint
CREATE INDEX `employees_tenant_team_idx` ON `employees` (`tenant_id`,`team_id`,`name`);--> statement-breakpoint
CREATE UNIQUE INDEX `teams_tenant_id_unique` ON `teams` (`tenant_id`,`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `teams_tenant_name_unique` ON `teams` (`tenant_id`,lower("name"));--> statement-breakpoint
CREATE INDEX `teams_tenant_name_idx` ON `teams` (`tenant_id`,`name`,`id`);