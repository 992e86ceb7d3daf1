"""The core of zorgkoppel: models, rules and services. Never imports Qt."""
