CREATE TABLE `communities` (
	`id` integer PRIMARY KEY NOT NULL,
	`subdistrict_id` integer NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`name_en` text NOT NULL,
	`name_assumed` integer DEFAULT false NOT NULL,
	`code` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`subdistrict_id`) REFERENCES `subdistricts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `communities_slug_unique` ON `communities` (`slug`);--> statement-breakpoint
CREATE UNIQUE INDEX `communities_code_unique` ON `communities` (`code`);--> statement-breakpoint
CREATE INDEX `communities_subdistrict_idx` ON `communities` (`subdistrict_id`);--> statement-breakpoint
CREATE TABLE `compounds` (
	`id` integer PRIMARY KEY NOT NULL,
	`community_id` integer NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`name_en` text NOT NULL,
	`name_assumed` integer DEFAULT false NOT NULL,
	`built_year` integer,
	`buildings` text DEFAULT '[]' NOT NULL,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`community_id`) REFERENCES `communities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `compounds_slug_unique` ON `compounds` (`slug`);--> statement-breakpoint
CREATE INDEX `compounds_community_idx` ON `compounds` (`community_id`);--> statement-breakpoint
CREATE TABLE `districts` (
	`id` integer PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`name_en` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `districts_slug_unique` ON `districts` (`slug`);--> statement-breakpoint
CREATE TABLE `partners` (
	`id` integer PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`name_en` text NOT NULL,
	`kind` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `partners_slug_unique` ON `partners` (`slug`);--> statement-breakpoint
CREATE TABLE `property_companies` (
	`id` integer PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`name_en` text NOT NULL,
	`phone` text,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `property_companies_slug_unique` ON `property_companies` (`slug`);--> statement-breakpoint
CREATE TABLE `property_company_compounds` (
	`property_company_id` integer NOT NULL,
	`compound_id` integer NOT NULL,
	PRIMARY KEY(`property_company_id`, `compound_id`),
	FOREIGN KEY (`property_company_id`) REFERENCES `property_companies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`compound_id`) REFERENCES `compounds`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `property_company_compounds_compound_id_unique` ON `property_company_compounds` (`compound_id`);--> statement-breakpoint
CREATE TABLE `subdistricts` (
	`id` integer PRIMARY KEY NOT NULL,
	`district_id` integer NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`name_en` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`district_id`) REFERENCES `districts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `subdistricts_slug_unique` ON `subdistricts` (`slug`);--> statement-breakpoint
CREATE INDEX `subdistricts_district_idx` ON `subdistricts` (`district_id`);