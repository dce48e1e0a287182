CREATE TABLE `experiments` (
	`id` text PRIMARY KEY,
	`tenant_id` text NOT NULL,
	`suggestion_id` text NOT NULL,
	`hypothesis` text NOT NULL,
	`success_measure` text NOT NULL,
	`owner_id` text NOT NULL,
	`starts_on` text NOT NULL,
	`ends_on` text NOT NULL,
	`outcome` text,
	`lessons` text,
	`concluded_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT `fk_experiments_tenant_id_suggestion_id_suggestions_tenant_id_id_fk` FOREIGN KEY (`tenant_id`,`suggestion_id`) REFERENCES `suggestions`(`tenant_id`,`id`),
	CONSTRAINT `fk_experiments_tenant_id_owner_id_employees_tenant_id_id_fk` FOREIGN KEY (`tenant_id`,`owner_id`) REFERENCES `employees`(`tenant_id`,`id`)
);
--> statement-breakpoint
CREATE TABLE `suggestion_comments` (
	`id` text PRIMARY KEY,
	`tenant_id` text NOT NULL,
	`suggestion_id` text NOT NULL,
	`kind` text NOT NULL,
	`author_id` text,
	`body` text NOT NULL,
	`created_at` integer NOT NULL,
	CONSTRAINT `fk_suggestion_comments_tenant_id_suggestion_id_suggestions_tenant_id_id_fk` FOREIGN KEY (`tenant_id`,`suggestion_id`) REFERENCES `suggestions`(`tenant_id`,`id`),
	CONSTRAINT `fk_suggestion_comments_tenant_id_author_id_employees_tenant_id_id_fk` FOREIGN KEY (`tenant_id`,`author_id`) REFERENCES `employees`(`tenant_id`,`id`)
);
--> statement-breakpoint
CREATE TABLE `suggestion_follows` (
	`id` text PRIMARY KEY,
	`tenant_id` text NOT NULL,
	`suggestion_id` text NOT NULL,
	`employee_id` text NOT NULL,
	`created_at` integer NOT NULL,
	CONSTRAINT `fk_suggestion_follows_tenant_id_suggestion_id_suggestions_tenant_id_id_fk` FOREIGN KEY (`tenant_id`,`suggestion_id`) REFERENCES `suggestions`(`tenant_id`,`id`),
	CONSTRAINT `fk_suggestion_follows_tenant_id_employee_id_employees_tenant_id_id_fk` FOREIGN KEY (`tenant_id`,`employee_id`) REFERENCES `employees`(`tenant_id`,`id`)
);
--> statement-breakpoint
CREATE TABLE `suggestion_history` (
	`id` text PRIMARY KEY,
	`tenant_id` text NOT NULL,
	`suggestion_id` text NOT NULL,
	`from_status` text,
	`to_status` text NOT NULL,
	`actor_employee_id` text,
	`actor_key_id` text,
	`note` text,
	`created_at` integer NOT NULL,
	CONSTRAINT `fk_suggestion_history_tenant_id_suggestion_id_suggestions_tenant_id_id_fk` FOREIGN KEY (`tenant_id`,`suggestion_id`) REFERENCES `suggestions`(`tenant_id`,`id`),
	CONSTRAINT `fk_suggestion_history_tenant_id_actor_employee_id_employees_tenant_id_id_fk` FOREIGN KEY (`tenant_id`,`actor_employee_id`) REFERENCES `employees`(`tenant_id`,`id`)
);
--> statement-breakpoint
CREATE TABLE `suggestion_themes` (
	`id` text PRIMARY KEY,
	`tenant_id` text NOT NULL,
	`suggestion_id` text NOT NULL,
	`theme` text NOT NULL,
	`label` text NOT NULL,
	`category` text NOT NULL,
	`team_id` text,
	`created_at` integer NOT NULL,
	CONSTRAINT `fk_suggestion_themes_tenant_id_suggestion_id_suggestions_tenant_id_id_fk` FOREIGN KEY (`tenant_id`,`suggestion_id`) REFERENCES `suggestions`(`tenant_id`,`id`)
);
--> statement-breakpoint
CREATE TABLE `suggestion_votes` (
	`id` text PRIMARY KEY,
	`tenant_id` text NOT NULL,
	`suggestion_id` text NOT NULL,
	`employee_id` text NOT NULL,
	`created_at` integer NOT NULL,
	CONSTRAINT `fk_suggestion_votes_tenant_id_suggestion_id_suggestions_tenant_id_id_fk` FOREIGN KEY (`tenant_id`,`suggestion_id`) REFERENCES `suggestions`(`tenant_id`,`id`),
	CONSTRAINT `fk_suggestion_votes_tenant_id_employee_id_employees_tenant_id_id_fk` FOREIGN KEY (`tenant_id`,`employee_id`) REFERENCES `employees`(`tenant_id`,`id`)
);
--> statement-breakpoint
CREATE TABLE `suggestions` (
	`id` text PRIMARY KEY,
	`tenant_id` text NOT NULL,
	`team_id` text,
	`author_id` text,
	`anonymous` integer DEFAULT false NOT NULL,
	`follow_code_hash` text,
	`category` text NOT NULL,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`status` text DEFAULT 'submitted' NOT NULL,
	`decline_reason` text,
	`vote_count` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT `fk_suggestions_tenant_id_tenants_id_fk` FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`),
	CONSTRAINT `fk_suggestions_tenant_id_team_id_teams_tenant_id_id_fk` FOREIGN KEY (`tenant_id`,`team_id`) REFERENCES `teams`(`tenant_id`,`id`),
	CONSTRAINT `fk_suggestions_tenant_id_author_id_employees_tenant_id_id_fk` FOREIGN KEY (`tenant_id`,`author_id`) REFERENCES `employees`(`tenant_id`,`id`)
);
--> statement-breakpoint
CREATE TABLE `agenda_items` (
	`id` text PRIMARY KEY,
	`tenant_id` text NOT NULL,
	`meeting_id` text NOT NULL,
	`proposer_id` text NOT NULL,
	`title` text NOT NULL,
	`details` text,
	`suggestion_id` text,
	`vote_count` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	CONSTRAINT `fk_agenda_items_tenant_id_meeting_id_meetings_tenant_id_id_fk` FOREIGN KEY (`tenant_id`,`meeting_id`) REFERENCES `meetings`(`tenant_id`,`id`),
	CONSTRAINT `fk_agenda_items_tenant_id_proposer_id_employees_tenant_id_id_fk` FOREIGN KEY (`tenant_id`,`proposer_id`) REFERENCES `employees`(`tenant_id`,`id`),
	CONSTRAINT `fk_agenda_items_tenant_id_suggestion_id_suggestions_tenant_id_id_fk` FOREIGN KEY (`tenant_id`,`suggestion_id`) REFERENCES `suggestions`(`tenant_id`,`id`)
);
--> statement-breakpoint
CREATE TABLE `agenda_votes` (
	`id` text PRIMARY KEY,
	`tenant_id` text NOT NULL,
	`item_id` text NOT NULL,
	`employee_id` text NOT NULL,
	`created_at` integer NOT NULL,
	CONSTRAINT `fk_agenda_votes_tenant_id_item_id_agenda_items_tenant_id_id_fk` FOREIGN KEY (`tenant_id`,`item_id`) REFERENCES `agenda_items`(`tenant_id`,`id`),
	CONSTRAINT `fk_agenda_votes_tenant_id_employee_id_employees_tenant_id_id_fk` FOREIGN KEY (`tenant_id`,`employee_id`) REFERENCES `employees`(`tenant_id`,`id`)
);
--> statement-breakpoint
CREATE TABLE `meetings` (
	`id` text PRIMARY KEY,
	`tenant_id` text NOT NULL,
	`team_id` text NOT NULL,
	`title` text NOT NULL,
	`scheduled_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT `fk_meetings_tenant_id_tenants_id_fk` FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`),
	CONSTRAINT `fk_meetings_tenant_id_team_id_teams_tenant_id_id_fk` FOREIGN KEY (`tenant_id`,`team_id`) REFERENCES `teams`(`tenant_id`,`id`)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `experiments_tenant_id_unique` ON `experiments` (`tenant_id`,`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `experiments_tenant_suggestion_unique` ON `experiments` (`tenant_id`,`suggestion_id`);--> statement-breakpoint
CREATE INDEX `experiments_tenant_starts_idx` ON `experiments` (`tenant_id`,`starts_on`,`id`);--> statement-breakpoint
CREATE INDEX `experiments_tenant_outcome_idx` ON `experiments` (`tenant_id`,`outcome`);--> statement-breakpoint
CREATE UNIQUE INDEX `suggestion_comments_tenant_id_unique` ON `suggestion_comments` (`tenant_id`,`id`);--> statement-breakpoint
CREATE INDEX `suggestion_comments_suggestion_idx` ON `suggestion_comments` (`tenant_id`,`suggestion_id`,`created_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `suggestion_follows_unique` ON `suggestion_follows` (`tenant_id`,`suggestion_id`,`employee_id`);--> statement-breakpoint
CREATE INDEX `suggestion_follows_employee_idx` ON `suggestion_follows` (`tenant_id`,`employee_id`);--> statement-breakpoint
CREATE INDEX `suggestion_history_suggestion_idx` ON `suggestion_history` (`tenant_id`,`suggestion_id`,`created_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `suggestion_themes_unique` ON `suggestion_themes` (`tenant_id`,`suggestion_id`,`theme`);--> statement-breakpoint
CREATE INDEX `suggestion_themes_trend_idx` ON `suggestion_themes` (`tenant_id`,`created_at`,`theme`);--> statement-breakpoint
CREATE UNIQUE INDEX `suggestion_votes_unique` ON `suggestion_votes` (`tenant_id`,`suggestion_id`,`employee_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `suggestions_tenant_id_unique` ON `suggestions` (`tenant_id`,`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `suggestions_tenant_follow_code_unique` ON `suggestions` (`tenant_id`,`follow_code_hash`);--> statement-breakpoint
CREATE INDEX `suggestions_tenant_created_idx` ON `suggestions` (`tenant_id`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `suggestions_tenant_votes_idx` ON `suggestions` (`tenant_id`,`vote_count`,`id`);--> statement-breakpoint
CREATE INDEX `suggestions_tenant_status_idx` ON `suggestions` (`tenant_id`,`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `suggestions_tenant_team_idx` ON `suggestions` (`tenant_id`,`team_id`,`status`);--> statement-breakpoint
CREATE UNIQUE INDEX `agenda_items_tenant_id_unique` ON `agenda_items` (`tenant_id`,`id`);--> statement-breakpoint
CREATE INDEX `agenda_items_meeting_votes_idx` ON `agenda_items` (`tenant_id`,`meeting_id`,`vote_count`,`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `agenda_votes_unique` ON `agenda_votes` (`tenant_id`,`item_id`,`employee_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `meetings_tenant_id_unique` ON `meetings` (`tenant_id`,`id`);--> statement-breakpoint
CREATE INDEX `meetings_tenant_scheduled_idx` ON `meetings` (`tenant_id`,`scheduled_at`,`id`);--> statement-breakpoint
CREATE INDEX `meetings_tenant_team_idx` ON `meetings` (`tenant_id`,`team_id`,`scheduled_at`);