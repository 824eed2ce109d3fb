"""The linter: load a playbook repository and run every rule over it."""
