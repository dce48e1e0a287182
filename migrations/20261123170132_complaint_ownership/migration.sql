CREATE TABLE `budget_spend_reviews` (
	`id` text PRIMARY KEY,
	`tenant_id` text NOT NULL,
	`spend_id` text NOT NULL,
	`decision` text NOT NULL,
	`note` text NOT NULL,
	`reviewed_by` text NOT NULL,
	`created_at` integer NOT NULL,
	CONSTRAINT `fk_budget_spend_reviews_tenant_id_spend_id_budget_spends_tenant_id_id_fk` FOREIGN KEY (`tenant_id`,`spend_id`) REFERENCES `budget_spends`(`tenant_id`,`id`)
);
--> statement-breakpoint
CREATE TABLE `complaint_customer_reveals` (
	`id` text PRIMARY KEY,
	`tenant_id` text NOT NULL,
	`feedback_id` text NOT NULL,
	`revealed_by` text NOT NULL,
	`basis` text NOT NULL,
	`created_at` integer NOT NULL,
	CONSTRAINT `fk_complaint_customer_reveals_tenant_id_feedback_id_feedback_tenant_id_id_fk` FOREIGN KEY (`tenant_id`,`feedback_id`) REFERENCES `feedback`(`tenant_id`,`id`)
);
--> statement-breakpoint
CREATE TABLE `complaint_events` (
	`id` text PRIMARY KEY,
	`tenant_id` text NOT NULL,
	`feedback_id` text NOT NULL,
	`kind` text NOT NULL,
	`actor_id` text NOT NULL,
	`owner_id` text,
	`previous_owner_id` text,
	`note` text,
	`spend_id` text,
	`created_at` integer NOT NULL,
	CONSTRAINT `fk_complaint_events_tenant_id_feedback_id_feedback_tenant_id_id_fk` FOREIGN KEY (`tenant_id`,`feedback_id`) REFERENCES `feedback`(`tenant_id`,`id`),
	CONSTRAINT `fk_complaint_events_tenant_id_owner_id_employees_tenant_id_id_fk` FOREIGN KEY (`tenant_id`,`owner_id`) REFERENCES `employees`(`tenant_id`,`id`),
	CONSTRAINT `fk_complaint_events_tenant_id_previous_owner_id_employees_tenant_id_id_fk` FOREIGN KEY (`tenant_id`,`previous_owner_id`) REFERENCES `employees`(`tenant_id`,`id`),
	CONSTRAINT `fk_complaint_events_tenant_id_spend_id_budget_spends_tenant_id_id_fk` FOREIGN KEY (`tenant_id`,`spend_id`) REFERENCES `budget_spends`(`tenant_id`,`id`)
);
--> statement-breakpoint
ALTER TABLE `feedback` ADD `owner_id` text;--> statement-breakpoint
ALTER TABLE `feedback` ADD `customer_name` text;--> statement-breakpoint
ALTER TABLE `feedback` ADD `customer_contact` text;--> statement-breakpoint
ALTER TABLE `feedback` ADD `first_action_at` integer;--> statement-breakpoint
CREATE INDEX `feedback_tenant_owner_idx` ON `feedback` (`tenant_id`,`owner_id`,`status`);--> statement-breakpoint
CREATE UNIQUE INDEX `budget_spend_reviews_tenant_id_unique` ON `budget_spend_reviews` (`tenant_id`,`id`);--> statement-breakpoint
CREATE INDEX `budget_spend_reviews_tenant_spend_idx` ON `budget_spend_reviews` (`tenant_id`,`spend_id`,`created_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `complaint_customer_reveals_tenant_id_unique` ON `complaint_customer_reveals` (`tenant_id`,`id`);--> statement-breakpoint
CREATE INDEX `complaint_customer_reveals_tenant_feedback_idx` ON `complaint_customer_reveals` (`tenant_id`,`feedback_id`,`created_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `complaint_events_tenant_id_unique` ON `complaint_events` (`tenant_id`,`id`);--> statement-breakpoint
CREATE INDEX `complaint_events_tenant_feedback_idx` ON `complaint_events` (`tenant_id`,`feedback_id`,`created_at`);