-- The revision an image had before a run wrote it. Reverting a later run puts an image back to that
-- revision's labels; the earlier run that left it so then counts it as unedited (undo newest first).
ALTER TABLE annotation_run_image ADD COLUMN previous_revision BIGINT;
