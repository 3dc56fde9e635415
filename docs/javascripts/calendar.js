// Re-sorts the calendar by the reader's clock.
