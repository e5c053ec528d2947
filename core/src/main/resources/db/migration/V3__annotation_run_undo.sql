-- The revision an image had before a run wrote it. Reverting a later run puts an image back to that
-- revision's labels; the earlier run that left it so then counts it as unedited (undo newest first).
ALTER TABLE annotation_run_image ADD COLUMN previous_revision BIGINT;

-- The classes a run added to the dataset (--add-classes), JSON list of names; a revert removes them
-- again when no label uses them and no class was added after them.
ALTER TABLE annotation_run ADD COLUMN added_classes VARCHAR(1000000);
