CREATE TABLE `community_home_services` (
	`community_id` integer NOT NULL,
	`service_id` integer NOT NULL,
	PRIMARY KEY(`community_id`, `service_id`),
	FOREIGN KEY (`community_id`) REFERENCES `communities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`service_id`) REFERENCES `home_services`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `home_services` (
	`id` integer PRIMARY KEY NOT NULL,
	`partner_id` integer NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`name_en` text NOT NULL,
	`prepare` text DEFAULT '' NOT NULL,
	`prepare_en` text DEFAULT '' NOT NULL,
	`eligibility` text DEFAULT '' NOT NULL,
	`eligibility_en` text DEFAULT '' NOT NULL,
	`lead_days` integer NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `home_services_code_unique` ON `home_services` (`code`);--> statement-breakpoint
CREATE INDEX `home_services_partner_idx` ON `home_services` (`partner_id`);--> statement-breakpoint
CREATE TABLE `home_visit_entries` (
	`id` integer PRIMARY KEY NOT NULL,
	`visit_id` integer NOT NULL,
	`at` integer NOT NULL,
	`kind` text NOT NULL,
	`visibility` text NOT NULL,
	`body` text,
	`from_status` text,
	`to_status` text,
	`staff_id` integer,
	`actor` text NOT NULL,
	`detail` text,
	FOREIGN KEY (`visit_id`) REFERENCES `home_visits`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `home_visit_entries_visit_idx` ON `home_visit_entries` (`visit_id`,`at`);--> statement-breakpoint
CREATE TABLE `home_visits` (
	`id` integer PRIMARY KEY NOT NULL,
	`number` text NOT NULL,
	`token_hash` text NOT NULL,
	`subdistrict_id` integer NOT NULL,
	`community_id` integer NOT NULL,
	`service_id` integer NOT NULL,
	`partner_id` integer,
	`status` text DEFAULT 'requested' NOT NULL,
	`channel` text DEFAULT 'web' NOT NULL,
	`relation` text NOT NULL,
	`requester_name` text,
	`person_name` text NOT NULL,
	`address_as` text NOT NULL,
	`compound_id` integer,
	`building` text NOT NULL,
	`unit` text DEFAULT '' NOT NULL,
	`room` text NOT NULL,
	`phone` text NOT NULL,
	`reason` text NOT NULL,
	`reason_note` text,
	`preferred_times` text DEFAULT '' NOT NULL,
	`slot_start` integer,
	`slot_end` integer,
	`visitor_name` text,
	`visit_code` text,
	`outcome` text,
	`outcome_note` text,
	`next_step` text,
	`rating` integer,
	`rating_comment` text,
	`due_at` integer NOT NULL,
	`created_by_staff_id` integer,
	`created_at` integer NOT NULL,
	`sent_at` integer,
	`visited_at` integer,
	`closed_at` integer,
	`updated_at` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`subdistrict_id`) REFERENCES `subdistricts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`community_id`) REFERENCES `communities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`service_id`) REFERENCES `home_services`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`compound_id`) REFERENCES `compounds`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `home_visits_number_unique` ON `home_visits` (`number`);--> statement-breakpoint
CREATE INDEX `home_visits_community_status_idx` ON `home_visits` (`community_id`,`status`);--> statement-breakpoint
CREATE INDEX `home_visits_subdistrict_status_idx` ON `home_visits` (`subdistrict_id`,`status`);--> statement-breakpoint
CREATE INDEX `home_visits_partner_status_idx` ON `home_visits` (`partner_id`,`status`);--> statement-breakpoint
CREATE INDEX `home_visits_due_idx` ON `home_visits` (`status`,`due_at`);--> statement-breakpoint
CREATE TABLE `partner_communities` (
	`partner_id` integer NOT NULL,
	`community_id` integer NOT NULL,
	PRIMARY KEY(`partner_id`, `community_id`),
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`community_id`) REFERENCES `communities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `partner_communities_community_idx` ON `partner_communities` (`community_id`);--> statement-breakpoint
ALTER TABLE `ticket_categories` ADD `home_visits` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `partners` ADD `contact` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `partners` ADD `contact_en` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `staff` ADD `partner_id` integer REFERENCES partners(id);