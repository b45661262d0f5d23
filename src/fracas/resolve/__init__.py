"""Resolution of text to canonical values: places (gazetteer), actors, dates and numbers."""
