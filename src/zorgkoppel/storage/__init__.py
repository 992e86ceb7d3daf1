"""Storage: the database engine, its schema and migrations. Never imports Qt."""
