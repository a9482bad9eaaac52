"""The application's core: models, services, rules and sheets. Never imports Qt."""
