CREATE TABLE `feedback` (
	`id` text PRIMARY KEY,
	`tenant_id` text NOT NULL,
	`kind` text NOT NULL,
	`source` text NOT NULL,
	`employee_id` text,
	`team_id` text,
	`call_id` text,
	`body` text NOT NULL,
	`rating` integer,
	`sentiment` real DEFAULT 0 NOT NULL,
	`themes` text DEFAULT '[]' NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`resolution_note` text,
	`resolved_by` text,
	`resolved_at` integer,
	`external_ref` text,
	`received_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	CONSTRAINT `fk_feedback_tenant_id_employee_id_employees_tenant_id_id_fk` FOREIGN KEY (`tenant_id`,`employee_id`) REFERENCES `employees`(`tenant_id`,`id`),
	CONSTRAINT `fk_feedback_tenant_id_team_id_teams_tenant_id_id_fk` FOREIGN KEY (`tenant_id`,`team_id`) REFERENCES `teams`(`tenant_id`,`id`),
	CONSTRAINT `fk_feedback_tenant_id_call_id_survey_calls_tenant_id_id_fk` FOREIGN KEY (`tenant_id`,`call_id`) REFERENCES `survey_calls`(`tenant_id`,`id`)
);
--> statement-breakpoint
CREATE TABLE `feedback_themes` (
	`tenant_id` text NOT NULL,
	`feedback_id` text NOT NULL,
	`theme` text NOT NULL,
	`label` text NOT NULL,
	`kind` text NOT NULL,
	`received_at` integer NOT NULL,
	CONSTRAINT `fk_feedback_themes_tenant_id_feedback_id_feedback_tenant_id_id_fk` FOREIGN KEY (`tenant_id`,`feedback_id`) REFERENCES `feedback`(`tenant_id`,`id`)
);
--> statement-breakpoint
CREATE TABLE `survey_answers` (
	`id` text PRIMARY KEY,
	`tenant_id` text NOT NULL,
	`call_id` text NOT NULL,
	`question_id` text NOT NULL,
	`position` integer NOT NULL,
	`question` text NOT NULL,
	`answer` text NOT NULL,
	`sentiment` real DEFAULT 0 NOT NULL,
	CONSTRAINT `fk_survey_answers_tenant_id_call_id_survey_calls_tenant_id_id_fk` FOREIGN KEY (`tenant_id`,`call_id`) REFERENCES `survey_calls`(`tenant_id`,`id`),
	CONSTRAINT `fk_survey_answers_tenant_id_question_id_survey_questions_tenant_id_id_fk` FOREIGN KEY (`tenant_id`,`question_id`) REFERENCES `survey_questions`(`tenant_id`,`id`)
);
--> statement-breakpoint
CREATE TABLE `survey_calls` (
	`id` text PRIMARY KEY,
	`tenant_id` text NOT NULL,
	`template_id` text NOT NULL,
	`caller_id` text NOT NULL,
	`team_id` text,
	`customer_name` text,
	`customer_contact` text,
	`called_at` integer NOT NULL,
	`channel` text NOT NULL,
	`satisfaction` integer NOT NULL,
	`nps` integer,
	`notes` text,
	`sentiment` real DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	CONSTRAINT `fk_survey_calls_tenant_id_template_id_survey_templates_tenant_id_id_fk` FOREIGN KEY (`tenant_id`,`template_id`) REFERENCES `survey_templates`(`tenant_id`,`id`),
	CONSTRAINT `fk_survey_calls_tenant_id_caller_id_employees_tenant_id_id_fk` FOREIGN KEY (`tenant_id`,`caller_id`) REFERENCES `employees`(`tenant_id`,`id`),
	CONSTRAINT `fk_survey_calls_tenant_id_team_id_teams_tenant_id_id_fk` FOREIGN KEY (`tenant_id`,`team_id`) REFERENCES `teams`(`tenant_id`,`id`)
);
--> statement-breakpoint
CREATE TABLE `survey_questions` (
	`id` text PRIMARY KEY,
	`tenant_id` text NOT NULL,
	`template_id` text NOT NULL,
	`position` integer NOT NULL,
	`prompt` text NOT NULL,
	CONSTRAINT `fk_survey_questions_tenant_id_template_id_survey_templates_tenant_id_id_fk` FOREIGN KEY (`tenant_id`,`template_id`) REFERENCES `survey_templates`(`tenant_id`,`id`)
);
--> statement-breakpoint
CREATE TABLE `survey_templates` (
	`id` text PRIMARY KEY,
	`tenant_id` text NOT NULL,
	`name` text NOT NULL,
	`description` text,
	`status` text DEFAULT 'active' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT `fk_survey_templates_tenant_id_tenants_id_fk` FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `feedback_tenant_id_unique` ON `feedback` (`tenant_id`,`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `feedback_tenant_external_ref_unique` ON `feedback` (`tenant_id`,`external_ref`);--> statement-breakpoint
CREATE INDEX `feedback_tenant_received_idx` ON `feedback` (`tenant_id`,`received_at`);--> statement-breakpoint
CREATE INDEX `feedback_tenant_employee_idx` ON `feedback` (`tenant_id`,`employee_id`,`kind`,`received_at`);--> statement-breakpoint
CREATE INDEX `feedback_tenant_team_idx` ON `feedback` (`tenant_id`,`team_id`,`kind`,`received_at`);--> statement-breakpoint
CREATE INDEX `feedback_tenant_call_idx` ON `feedback` (`tenant_id`,`call_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `feedback_themes_unique` ON `feedback_themes` (`tenant_id`,`feedback_id`,`theme`);--> statement-breakpoint
CREATE INDEX `feedback_themes_trend_idx` ON `feedback_themes` (`tenant_id`,`kind`,`received_at`,`theme`);--> statement-breakpoint
CREATE INDEX `survey_answers_tenant_call_idx` ON `survey_answers` (`tenant_id`,`call_id`,`position`);--> statement-breakpoint
CREATE UNIQUE INDEX `survey_calls_tenant_id_unique` ON `survey_calls` (`tenant_id`,`id`);--> statement-breakpoint
CREATE INDEX `survey_calls_tenant_called_idx` ON `survey_calls` (`tenant_id`,`called_at`);--> statement-breakpoint
CREATE INDEX `survey_calls_tenant_caller_idx` ON `survey_calls` (`tenant_id`,`caller_id`,`called_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `survey_questions_tenant_id_unique` ON `survey_questions` (`tenant_id`,`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `survey_questions_template_position_unique` ON `survey_questions` (`tenant_id`,`template_id`,`position`);--> statement-breakpoint
CREATE UNIQUE INDEX `survey_templates_tenant_id_unique` ON `survey_templates` (`tenant_id`,`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `survey_templates_tenant_name_unique` ON `survey_templates` (`tenant_id`,lower("name"));