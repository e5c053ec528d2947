/**
 * Two-way sync of workspace datasets with the Ultralytics Platform (or {@code loupe serve}) over
 * {@link dev.loupe.core.platform.PlatformClient}: push, pull, sync with conflicts kept, model pull.
 * What a sync remembers lives in {@link dev.loupe.core.workspace.SyncStore}.
 */
package dev.loupe.core.sync;
