ALTER TABLE `compounds` DROP COLUMN `built_year`;--> statement-breakpoint
ALTER TABLE `property_companies` DROP COLUMN `phone`;--> statement-breakpoint
ALTER TABLE `photos` DROP COLUMN `caption`;