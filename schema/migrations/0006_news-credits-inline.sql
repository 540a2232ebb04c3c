DROP TABLE `article_credits`;--> statement-breakpoint
DROP TABLE `article_photos`;--> statement-breakpoint
ALTER TABLE `articles` ADD `credits` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `articles` ADD `photos` text DEFAULT '[]' NOT NULL;