"""Files `cs-team init` adds beside the bundled playbooks: editor and CI set-up.

Stored without leading dots (package data tools skip dotfiles); FILES maps each
to where it goes in the new repository.
"""

FILES = {
    "editorconfig": ".editorconfig",
    "pre-commit-config.yaml": ".pre-commit-config.yaml",
    "github-workflow.yml": ".github/workflows/cs-team.yml",
    "vscode-settings.json": ".vscode/settings.json",
    "vscode-extensions.json": ".vscode/extensions.json",
    "gitignore": ".gitignore",
}
