"""cs-team: lint and render the hiring and training playbooks of a customer-service team."""

__version__ = "0.1.0"
