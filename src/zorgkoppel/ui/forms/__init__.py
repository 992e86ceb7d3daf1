"""Edit forms: organisation, person, worker."""
