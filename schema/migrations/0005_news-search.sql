-- Custom SQL migration file, put your code below! --
-- Full-text search over headlines and bodies that works for Chinese: FTS5 with the trigram
-- tokenizer finds any substring of three or more characters (小板凳, 合署办公). Shorter queries
-- (课堂, 物业) are answered by a LIKE scan of published articles in the app.
CREATE VIRTUAL TABLE `articles_fts` USING fts5(headline, body, content='articles', content_rowid='id', tokenize='trigram');
--> statement-breakpoint
CREATE TRIGGER `articles_fts_insert` AFTER INSERT ON `articles` BEGIN
  INSERT INTO articles_fts(rowid, headline, body) VALUES (new.id, new.headline, new.body);
END;
--> statement-breakpoint
CREATE TRIGGER `articles_fts_delete` AFTER DELETE ON `articles` BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, headline, body) VALUES ('delete', old.id, old.headline, old.body);
END;
--> statement-breakpoint
CREATE TRIGGER `articles_fts_update` AFTER UPDATE OF headline, body ON `articles` BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, headline, body) VALUES ('delete', old.id, old.headline, old.body);
  INSERT INTO articles_fts(rowid, headline, body) VALUES (new.id, new.headline, new.body);
END;
