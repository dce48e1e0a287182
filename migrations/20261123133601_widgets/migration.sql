CREATE TABLE `publishable_keys` (
	`id` text PRIMARY KEY,
	`tenant_id` text NOT NULL,
	`name` text NOT NULL,
	`prefix` text NOT NULL,
	`hash` text NOT NULL,
	`allowed_origins` text NOT NULL,
	`widgets` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`revoked_at` integer,
	CONSTRAINT `fk_publishable_keys_tenant_id_tenants_id_fk` FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`)
);
--> statement-breakpoint
CREATE TABLE `widget_taps` (
	`id` text PRIMARY KEY,
	`tenant_id` text NOT NULL,
	`key_id` text NOT NULL,
	`tap_id` text NOT NULL,
	`employee_id` text NOT NULL,
	`feedback_id` text NOT NULL,
	`recorded_at` integer NOT NULL,
	`taps` integer DEFAULT 1 NOT NULL,
	CONSTRAINT `fk_widget_taps_tenant_id_key_id_publishable_keys_tenant_id_id_fk` FOREIGN KEY (`tenant_id`,`key_id`) REFERENCES `publishable_keys`(`tenant_id`,`id`),
	CONSTRAINT `fk_widget_taps_tenant_id_employee_id_employees_tenant_id_id_fk` FOREIGN KEY (`tenant_id`,`employee_id`) REFERENCES `employees`(`tenant_id`,`id`),
	CONSTRAINT `fk_widget_taps_tenant_id_feedback_id_feedback_tenant_id_id_fk` FOREIGN KEY (`tenant_id`,`feedback_id`) REFERENCES `feedback`(`tenant_id`,`id`)
);
--> statement-breakpoint
ALTER TABLE `employees` ADD `public` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `employees` ADD `photo_url` text;--> statement-breakpoint
CREATE UNIQUE INDEX `publishable_keys_hash_unique` ON `publishable_keys` (`hash`);--> statement-breakpoint
CREATE UNIQUE INDEX `publishable_keys_tenant_id_unique` ON `publishable_keys` (`tenant_id`,`id`);--> statement-breakpoint
CREATE INDEX `publishable_keys_tenant_created_idx` ON `publishable_keys` (`tenant_id`,`created_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `widget_taps_key_tap_unique` ON `widget_taps` (`tenant_id`,`key_id`,`tap_id`);